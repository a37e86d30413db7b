import type { ObjectType, ZoneType } from '../domain/taxonomy';
import { ZONE_FAMILIES, familyOf } from '../domain/taxonomy';
import { containedIn, overlapOf } from './containment';
import type { CheckOptions } from './findings';
import { inForceByType, toLonLat, type PlanarZone } from './planarZones';
import { growOuterReachM, tooFarToGrow } from './quickFixes';
import { zoneName, type Emit } from './shapeChecks';

const PARTS: readonly ZoneType[] = ['key_protection_area', 'general_protection_area'];

function fmt(m2: number): string {
  return m2 >= 100 ? m2.toFixed(0) : m2.toFixed(2);
}

/**
 * Per object: each zone family level lies within the next level present (body ⊆ protection range
 * ⊆ CCZ ⊆ coordination zone; a missing level is skipped), and key/general protection areas
 * partition their protection range (cover it without gaps, without overlapping each other).
 */
export function nestingChecks(
  objectId: string,
  objectType: ObjectType | undefined,
  zones: readonly PlanarZone[],
  options: CheckOptions,
  emit: Emit,
): void {
  const family = objectType ? familyOf(objectType) : null;
  if (!family) return;
  const byType = inForceByType(zones);
  const levels = ZONE_FAMILIES[family].filter((t) => byType.has(t));
  const tol = options.toleranceM;
  for (let i = 0; i + 1 < levels.length; i++) {
    const outers = byType.get(levels[i + 1]!)!;
    for (const inner of byType.get(levels[i]!)!) {
      const result = containedIn(inner, outers, tol);
      if (result.ok) continue;
      const outer = outers[0]!;
      const [a, b] = [zoneName(inner), zoneName(outer)];
      // One outer zone: growing it is offered when the inner one sticks out within reach (quickFixes.ts).
      const reach = growOuterReachM(outer.box);
      const canGrow = outers.length === 1 && result.distanceM <= reach;
      const why = outers.length === 1 && !canGrow ? tooFarToGrow(reach) : { zh: '', en: '' };
      emit({
        key: `${inner.zone.id}>${outers.map((o) => o.zone.id).join('+')}`,
        severity: 'error',
        code: 'nesting.outside',
        zoneIds: [inner.zone.id, ...outers.map((o) => o.zone.id)],
        objectId,
        message: {
          zh: `${a.zh}超出${b.zh}（超出 ${fmt(result.areaM2)} m²，最远 ${result.distanceM.toFixed(2)} m）${why.zh}`,
          en: `${a.en} extends outside the ${b.en.toLowerCase()} (${fmt(result.areaM2)} m² outside, up to ${result.distanceM.toFixed(2)} m)${why.en}`,
        },
        location: toLonLat(result.farthest, options.gkZone),
        areaM2: result.areaM2,
        ...(canGrow
          ? { fix: { kind: 'growOuter', zoneId: outer.zone.id, innerZoneIds: [inner.zone.id] } as const }
          : {}),
      });
    }
  }
  partitionChecks(objectId, byType, options, emit);
}

function partitionChecks(
  objectId: string,
  byType: ReadonlyMap<ZoneType, PlanarZone[]>,
  options: CheckOptions,
  emit: Emit,
): void {
  const ranges = byType.get('protection_range');
  const parts = PARTS.flatMap((t) => byType.get(t) ?? []);
  if (!ranges || parts.length === 0) return;
  const tol = options.toleranceM;
  for (const part of parts) {
    const result = containedIn(part, ranges, tol);
    if (result.ok) continue;
    const name = zoneName(part);
    emit({
      key: `${part.zone.id}>range`,
      severity: 'error',
      code: 'nesting.outside',
      zoneIds: [part.zone.id, ...ranges.map((r) => r.zone.id)],
      objectId,
      message: {
        zh: `${name.zh}超出保护范围（超出 ${fmt(result.areaM2)} m²）`,
        en: `${name.en} extends outside the protection range (${fmt(result.areaM2)} m² outside)`,
      },
      location: toLonLat(result.farthest, options.gkZone),
      areaM2: result.areaM2,
    });
  }
  for (const range of ranges) {
    const gap = containedIn(range, parts, tol);
    if (!gap.ok) {
      emit({
        key: range.zone.id,
        severity: 'error',
        code: 'partition.gap',
        zoneIds: [range.zone.id, ...parts.map((p) => p.zone.id)],
        objectId,
        message: {
          zh: `重点保护区与一般保护区未覆盖整个保护范围（缺 ${fmt(gap.areaM2)} m²）`,
          en: `Key and general protection areas leave part of the protection range uncovered (${fmt(gap.areaM2)} m²)`,
        },
        location: toLonLat(gap.farthest, options.gkZone),
        areaM2: gap.areaM2,
      });
    }
  }
  for (let i = 0; i < parts.length; i++)
    for (let j = i + 1; j < parts.length; j++) {
      const [a, b] = [parts[i]!, parts[j]!];
      if (a.box[0] > b.box[2] || b.box[0] > a.box[2] || a.box[1] > b.box[3] || b.box[1] > a.box[3]) continue;
      const overlap = overlapOf([a], [b], tol);
      if (!overlap) continue;
      const [na, nb] = [zoneName(a), zoneName(b)];
      emit({
        key: `${a.zone.id}&${b.zone.id}`,
        severity: 'error',
        code: 'partition.overlap',
        zoneIds: [a.zone.id, b.zone.id],
        objectId,
        message: {
          zh: `${na.zh}与${nb.zh}相互重叠（${fmt(overlap.areaM2)} m²）`,
          en: `${na.en} and ${nb.en.toLowerCase()} overlap (${fmt(overlap.areaM2)} m²)`,
        },
        location: toLonLat(overlap.at, options.gkZone),
        areaM2: overlap.areaM2,
      });
    }
}
