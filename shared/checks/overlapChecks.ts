import { buildBoxIndex } from '../geometry/spatialIndex';
import { overlapOf } from './containment';
import type { CheckOptions } from './findings';
import { inForceByType, toLonLat, type PlanarZone } from './planarZones';
import { zoneName, type Emit } from './shapeChecks';

/**
 * Zones of the same type belonging to different objects that overlap: allowed (the stricter rule
 * governs), reported as info with the overlap area. With `focus`, only pairs involving a zone of
 * those objects are examined (live checks after an edit).
 */
export function overlapChecks(
  zones: readonly PlanarZone[],
  options: CheckOptions,
  emit: Emit,
  focus: ReadonlySet<string> | null,
): void {
  const byType = inForceByType(zones);
  for (const list of byType.values()) {
    if (list.length < 2) continue;
    const index = buildBoxIndex(list.flatMap((z) => z.box));
    list.forEach((a, i) => {
      for (const j of index.search(a.box)) {
        const b = list[j]!;
        if (j <= i || a.zone.objectId === b.zone.objectId) continue;
        if (focus && !focus.has(a.zone.objectId) && !focus.has(b.zone.objectId)) continue;
        const overlap = overlapOf([a], [b], options.toleranceM);
        if (!overlap || overlap.areaM2 < options.minOverlapM2) continue;
        const name = zoneName(a);
        const [first, second] = a.zone.id < b.zone.id ? [a, b] : [b, a];
        emit({
          key: `${first.zone.id}&${second.zone.id}`,
          severity: 'info',
          code: 'overlap.other_object',
          zoneIds: [first.zone.id, second.zone.id],
          objectId: first.zone.objectId,
          message: {
            zh: `两个保护对象的${name.zh}相互重叠 ${overlap.areaM2.toFixed(1)} m²（允许，从严管控）`,
            en: `${name.en}s of two objects overlap by ${overlap.areaM2.toFixed(1)} m² (allowed; the stricter rule governs)`,
          },
          location: toLonLat(overlap.at, options.gkZone),
          areaM2: overlap.areaM2,
        });
      }
    });
  }
}
