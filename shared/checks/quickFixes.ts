import type { Ring, ZoneGeometry } from '../domain/geometry';
import { polygonsOf } from '../domain/geometry';
import type { Bilingual } from '../domain/labels';
import { densifyArc } from '../geometry/arcs';
import { fromJsts, toJsts, type Planar } from '../geometry/jsts/convert';
import { gkProjection } from '../geometry/jsts/projection';
import { unionAll } from '../geometry/jsts/ops';
import type { QuickFix } from './findings';

export const FIX_LABELS: Record<QuickFix['kind'], Bilingual> = {
  growOuter: { zh: '扩大外层区划以包含内层', en: 'Grow the outer zone to cover the inner one' },
  removeVertex: { zh: '删除该节点', en: 'Remove the vertex' },
  densifyArc: { zh: '加密圆弧', en: 'Densify the arc' },
};

/** "Grow the CCZ to cover the range" reads better than the generic label when it applies. */
export function fixLabel(fix: QuickFix, outerIsCcz: boolean): Bilingual {
  if (fix.kind === 'growOuter' && outerIsCcz)
    return { zh: '扩大建设控制地带以包含保护范围', en: 'Grow the CCZ to cover the range' };
  return FIX_LABELS[fix.kind];
}

/**
 * How far the quick fix "grow the outer zone" may push an outer zone's boundary out to cover an
 * inner one: half the outer zone's longer extent, and never more than 500 m. Beyond that the inner
 * zone is most likely misplaced or belongs to another object, and joining it would make a
 * far-flung multi-part zone, so the fix is not offered and the finding says why.
 */
export const GROW_OUTER_REACH = { ofOuterExtent: 0.5, maxM: 500 } as const;

/** The reach for an outer zone whose Gauss-Krüger bounding box is `box` ([minX, minY, maxX, maxY], m). */
export function growOuterReachM(box: readonly [number, number, number, number]): number {
  const extent = Math.max(box[2] - box[0], box[3] - box[1]);
  return Math.min(GROW_OUTER_REACH.ofOuterExtent * extent, GROW_OUTER_REACH.maxM);
}

/** Appended to a nesting finding whose inner zone lies beyond that reach. */
export function tooFarToGrow(reachM: number): Bilingual {
  const m = Math.round(reachM);
  return {
    zh: `；超出较远（自动扩大上限 ${m} m），不提供自动扩大外层区划，请核对该区划的位置或所属保护对象`,
    en: `; too far to grow the outer zone automatically (limit ${m} m): check where this zone lies and which object it belongs to`,
  };
}

function withoutVertex(ring: Ring, vertex: number): Ring {
  const open = ring.slice(0, -1);
  open.splice(vertex, 1);
  return [...open, open[0]!];
}

/**
 * The new geometries a quick fix produces, by zone id (the caller commits them as one undo step).
 * Unions are computed in the stored lon/lat plane so untouched vertices stay bit-identical.
 * Throws a RangeError when the fix no longer applies (the zone changed since the check).
 */
export function applyQuickFix(
  fix: QuickFix,
  geometryOf: (id: string) => ZoneGeometry | undefined,
): Map<string, ZoneGeometry> {
  const target = geometryOf(fix.zoneId);
  if (!target) throw new RangeError(`zone ${fix.zoneId} no longer exists`);
  if (fix.kind === 'growOuter') {
    const parts = [target, ...fix.innerZoneIds.map(geometryOf)].filter((g): g is ZoneGeometry => !!g);
    const grown = fromJsts(unionAll(parts.map((g) => toJsts(g))));
    if (!grown) throw new RangeError('the union is empty');
    return new Map([[fix.zoneId, grown]]);
  }
  const polygons = polygonsOf(target).map((rings) => rings.slice());
  const ring = polygons[fix.polygon]?.[fix.ring];
  if (fix.kind === 'densifyArc') {
    if (!ring || Math.max(fix.from, fix.to) >= ring.length - 1)
      throw new RangeError('the arc no longer exists');
    polygons[fix.polygon]![fix.ring] = densifiedRing(ring, fix);
    return new Map([[fix.zoneId, rebuild(target, polygons)]]);
  }
  if (!ring || fix.vertex >= ring.length - 1 || ring.length <= 4)
    throw new RangeError('the vertex no longer exists');
  polygons[fix.polygon]![fix.ring] = withoutVertex(ring, fix.vertex);
  return new Map([[fix.zoneId, rebuild(target, polygons)]]);
}

function rebuild(target: ZoneGeometry, polygons: Ring[][]): ZoneGeometry {
  return target.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** The arc's new points come from its circle in Gauss-Krüger metres; every other vertex is kept as stored. */
function densifiedRing(ring: Ring, fix: Extract<QuickFix, { kind: 'densifyArc' }>): Ring {
  const { project, unproject } = gkProjection(fix.gkZone);
  const original = new Map<Planar, Ring[number]>();
  const planar = ring.map((p) => {
    const q = project(p);
    original.set(q, p);
    return q;
  });
  const out = densifyArc(planar, fix, fix.toleranceM);
  return out.map((q) => original.get(q) ?? unproject(q));
}
