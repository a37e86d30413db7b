import { polygonsOf } from '../domain/geometry';
import { ZONE_TYPE_LABELS } from '../domain/taxonomy';
import { coarseArcs } from '../geometry/arcs';
import { signedArea } from '../geometry/rings';
import { polygonProblemMessage, validateGeometry } from '../geometry/validatePolygon';
import { severityOf } from '../geometry/polygonProblems';
import type { CheckOptions, Finding } from './findings';
import { toLonLat, type PlanarZone } from './planarZones';

type Emit = (finding: Omit<Finding, 'id'> & { key: string }) => void;

/**
 * Spikes listed one by one per ring; the rest of a ring's spikes become one summary finding. A
 * jittery digitised line can have a spike at most of its thousands of vertices: listing each buried
 * the checks panel and, for a county's 10 000 zones, made a 180 MB report (376 000 findings).
 * Each quick fix re-checks the zone, so the next spikes come into the list as these are fixed.
 */
export const SPIKES_LISTED_PER_RING = 5;

function zoneName(z: PlanarZone): { zh: string; en: string } {
  const label = ZONE_TYPE_LABELS[z.zone.attributes.zoneType];
  const no = z.zone.attributes.subZoneNo ? ` ${z.zone.attributes.subZoneNo}` : '';
  return { zh: `${label.zh}${no}`, en: `${label.en}${no}` };
}

/** Angle at b between b→a and b→c, degrees (0…180). */
function angleAt(a: readonly number[], b: readonly number[], c: readonly number[]): number {
  const ux = a[0]! - b[0]!;
  const uy = a[1]! - b[1]!;
  const vx = c[0]! - b[0]!;
  const vy = c[1]! - b[1]!;
  const cos = (ux * vx + uy * vy) / (Math.hypot(ux, uy) * Math.hypot(vx, vy));
  return (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
}

/** Validity (validatePolygon), spikes, slivers and multipart features of one zone. */
export function shapeChecks(z: PlanarZone, options: CheckOptions, emit: Emit): void {
  const { zone } = z;
  const name = zoneName(z);
  const base = { zoneIds: [zone.id], objectId: zone.objectId };
  const validation = validateGeometry(zone.geometry);
  const lonLatPolygons = polygonsOf(zone.geometry);
  for (const problem of [...validation.errors, ...validation.warnings]) {
    const text = polygonProblemMessage(problem);
    const at = problem.at ?? lonLatPolygons[problem.polygon]?.[problem.ring]?.[problem.vertex ?? 0];
    const fix =
      problem.code === 'duplicate_vertex' && problem.vertex !== undefined
        ? ({ kind: 'removeVertex', zoneId: zone.id, ...pick(problem) } as const)
        : undefined;
    emit({
      ...base,
      key: `${problem.polygon}.${problem.ring}.${problem.vertex ?? ''}`,
      severity: severityOf(problem.code),
      code: `geometry.${problem.code}`,
      message: { zh: `${name.zh}：${text.zh}`, en: `${name.en}: ${text.en}` },
      location: at ? [at[0], at[1]] : (lonLatPolygons[0]?.[0]?.[0] ?? [0, 0]),
      ...(fix ? { fix } : {}),
    });
  }
  // Angles and widths mean nothing on a broken ring.
  if (validation.errors.length > 0) return;
  z.polygons.forEach((rings, polygon) => {
    rings.forEach((ring, r) => {
      const n = ring.length - 1;
      let listed = 0;
      /** Spikes past the listed ones, and the first of them. */
      let more = 0;
      let firstMore = -1;
      // Spikes: the turn at each corner, skipping repeated vertices (reported above).
      for (let v = 0; v < n; v++) {
        let p = (v - 1 + n) % n;
        while (p !== v && ring[p]![0] === ring[v]![0] && ring[p]![1] === ring[v]![1]) p = (p - 1 + n) % n;
        let q = (v + 1) % n;
        while (q !== v && ring[q]![0] === ring[v]![0] && ring[q]![1] === ring[v]![1]) q = (q + 1) % n;
        if (
          p === v ||
          q === v ||
          (ring[v]![0] === ring[(v + 1) % n]![0] && ring[v]![1] === ring[(v + 1) % n]![1])
        )
          continue;
        const angle = angleAt(ring[p]!, ring[v]!, ring[q]!);
        if (angle >= options.spikeAngleDeg) continue;
        if (listed === SPIKES_LISTED_PER_RING) {
          if (more++ === 0) firstMore = v;
          continue;
        }
        listed++;
        emit({
          ...base,
          key: `${polygon}.${r}.${v}`,
          severity: 'warning',
          code: 'shape.spike',
          message: {
            zh: `${name.zh}：第${r + 1}环第${v + 1}点为尖角（${angle.toFixed(1)}°，小于${options.spikeAngleDeg}°）`,
            en: `${name.en}: spike at vertex ${v + 1} of ring ${r + 1} (${angle.toFixed(1)}°, below ${options.spikeAngleDeg}°)`,
          },
          location: lonLatPolygons[polygon]![r]![v]!,
          ...(n > 3
            ? { fix: { kind: 'removeVertex', zoneId: zone.id, polygon, ring: r, vertex: v } as const }
            : {}),
        });
      }
      if (more > 0)
        emit({
          ...base,
          key: `${polygon}.${r}.more`,
          severity: 'warning',
          code: 'shape.spike',
          message: {
            zh: `${name.zh}：第${r + 1}环另有 ${more} 个尖角（小于${options.spikeAngleDeg}°，自第${firstMore + 1}点起），修正上列尖角后逐一列出`,
            en: `${name.en}: ${more} more spikes in ring ${r + 1} (below ${options.spikeAngleDeg}°, from vertex ${firstMore + 1}); listed as the ones above are fixed`,
          },
          location: lonLatPolygons[polygon]![r]![firstMore]!,
        });
    });
    // Arcs drawn with too few chords (round corners, circles around a point).
    rings.forEach((ring, r) => {
      for (const arc of coarseArcs(ring, options.arcSagittaM)) {
        const what = arc.wholeRing
          ? {
              zh: `第${r + 1}环是用${arc.chords}条边近似的圆`,
              en: `ring ${r + 1} is a circle drawn with ${arc.chords} sides`,
            }
          : {
              zh: `第${r + 1}环第${arc.from + 1}–${arc.to + 1}点是用${arc.chords}段弦近似的圆弧`,
              en: `vertices ${arc.from + 1}–${arc.to + 1} of ring ${r + 1} are an arc drawn with ${arc.chords} chords`,
            };
        emit({
          ...base,
          key: `${polygon}.${r}.${arc.from}`,
          severity: 'warning',
          code: 'shape.undensified_arc',
          message: {
            zh: `${name.zh}：${what.zh}（半径约 ${arc.radiusM.toFixed(1)} m），弦与弧最大相差 ${arc.sagittaM.toFixed(2)} m，超过 ${options.arcSagittaM} m，需加密`,
            en: `${name.en}: ${what.en} (radius ≈ ${arc.radiusM.toFixed(1)} m); chords stray up to ${arc.sagittaM.toFixed(2)} m from the arc, over ${options.arcSagittaM} m: densify`,
          },
          location: lonLatPolygons[polygon]![r]![arc.from]!,
          fix: {
            kind: 'densifyArc',
            zoneId: zone.id,
            polygon,
            ring: r,
            from: arc.from,
            to: arc.to,
            wholeRing: arc.wholeRing,
            gkZone: options.gkZone,
            toleranceM: options.arcSagittaM / 2,
          },
        });
      }
    });
    // Slivers: tiny or thin parts, tiny holes.
    const outer = rings[0]!;
    const partArea =
      Math.abs(signedArea(outer)) - rings.slice(1).reduce((s, h) => s + Math.abs(signedArea(h)), 0);
    const perimeter = rings.reduce((s, ring) => s + ringLength(ring), 0);
    const width = (2 * partArea) / perimeter;
    const holes = rings.slice(1).filter((h) => Math.abs(signedArea(h)) < options.sliverAreaM2);
    if (partArea < options.sliverAreaM2 || width < options.sliverWidthM || holes.length > 0) {
      const hole = holes.length > 0 && partArea >= options.sliverAreaM2 && width >= options.sliverWidthM;
      emit({
        ...base,
        key: `${polygon}`,
        severity: 'warning',
        code: 'shape.sliver',
        message: hole
          ? {
              zh: `${name.zh}：第${polygon + 1}部分有面积小于${options.sliverAreaM2} m² 的碎洞`,
              en: `${name.en}: part ${polygon + 1} has a hole smaller than ${options.sliverAreaM2} m²`,
            }
          : {
              zh: `${name.zh}：第${polygon + 1}部分为碎片（面积 ${partArea.toFixed(2)} m²，平均宽度 ${width.toFixed(2)} m）`,
              en: `${name.en}: part ${polygon + 1} is a sliver (area ${partArea.toFixed(2)} m², mean width ${width.toFixed(2)} m)`,
            },
        location: toLonLat(outer[0]!, options.gkZone),
        areaM2: partArea,
      });
    }
  });
  if (z.polygons.length > 1) {
    emit({
      ...base,
      key: '',
      severity: 'info',
      code: 'shape.multipart',
      message: {
        zh: `${name.zh}：由${z.polygons.length}个部分组成，入库要求单部件，导出时需拆分`,
        en: `${name.en}: has ${z.polygons.length} parts; database delivery needs single-part features (split on export)`,
      },
      location: lonLatPolygons[0]![0]![0]!,
    });
  }
}

function ringLength(ring: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 1; i < ring.length; i++)
    s += Math.hypot(ring[i]![0]! - ring[i - 1]![0]!, ring[i]![1]! - ring[i - 1]![1]!);
  return s;
}

function pick(p: { polygon: number; ring: number; vertex?: number }) {
  return { polygon: p.polygon, ring: p.ring, vertex: p.vertex! };
}

export { zoneName };
export type { Emit };
