import type { ZoneGeometry } from '../domain/geometry';
import { ZONE_TYPE_LABELS, type ChangeType, type ZoneType } from '../domain/taxonomy';
import { targetField } from '../formats/mapping/targetFields';
import { DATABASE_LAYER_OF } from '../formats/profiles/planningDatabase';
import { WHLY_DEFAULTS } from '../formats/profiles/whlx';
import type { DocumentZone } from '../formats/projectDocument';
import type { CompareState } from './compare';
import type { CompareResult, UnitChange, WhlxGeometryChange } from './compareTypes';

/**
 * One row of the change layer before it is written: what happened (WHLX), where (the geometry,
 * possibly several parts), to which zone (for its codes and BSM), and why (WHLY, editable).
 */
export interface WhlxChange {
  /** Stable within one comparison: the key the UI edits WHLY under. */
  key: string;
  whlx: ChangeType;
  objectId: string;
  zoneType: ZoneType;
  /** The zone whose attributes fill the fields (in B, else in A). */
  zoneId: string;
  geometry: ZoneGeometry;
  /** BSM the feature keeps (the zone's stored one), '' for a new number. */
  bsm: string;
  whly: string;
}

const label = (zoneType: ZoneType) => ZONE_TYPE_LABELS[zoneType].zh;
const fieldLabel = (property: string) => targetField(property)?.label.zh ?? property;

function unitChanges(
  unit: UnitChange,
  zonesA: Map<string, DocumentZone>,
  zonesB: Map<string, DocumentZone>,
  mode: WhlxGeometryChange,
  changedIds: Set<string>,
): WhlxChange[] {
  const base = { objectId: unit.objectId, zoneType: unit.zoneType };
  const key = `${unit.zoneType}/${unit.objectId}`;
  const whole = (zone: DocumentZone, whlx: ChangeType, whly: string, keepBsm: boolean): WhlxChange => ({
    ...base,
    key: `${whlx}:${zone.id}`,
    whlx,
    zoneId: zone.id,
    geometry: zone.geometry,
    bsm: keepBsm ? zone.attributes.bsm : '',
    whly,
  });
  const before = unit.before.map((id) => zonesA.get(id)!);
  const after = unit.after.map((id) => zonesB.get(id)!);
  // A unit that appears or disappears whole: each zone keeps its own row and BSM.
  if (before.length === 0)
    return after.map((z) => whole(z, '1', WHLY_DEFAULTS.added(label(z.attributes.zoneType)), false));
  if (after.length === 0)
    return before.map((z) => whole(z, '3', WHLY_DEFAULTS.removed(label(z.attributes.zoneType)), true));
  if (mode === 'replace')
    return [
      ...before.filter((z) => changedIds.has(z.id)).map((z) => whole(z, '3', WHLY_DEFAULTS.replaced, true)),
      ...after.filter((z) => changedIds.has(z.id)).map((z) => whole(z, '1', WHLY_DEFAULTS.replaced, false)),
    ];
  const out: WhlxChange[] = [];
  if (unit.gained)
    out.push({
      ...base,
      key: `1:${key}`,
      whlx: '1',
      zoneId: after[0]!.id,
      geometry: unit.gained,
      bsm: '',
      whly: WHLY_DEFAULTS.gained,
    });
  if (unit.lost)
    out.push({
      ...base,
      key: `3:${key}`,
      whlx: '3',
      zoneId: before[0]!.id,
      geometry: unit.lost,
      // The stored number follows the land when one zone lost it; several zones: a new number.
      bsm: before.length === 1 ? before[0]!.attributes.bsm : '',
      whly: WHLY_DEFAULTS.lost,
    });
  return out;
}

/**
 * The rows of the change layer for a comparison of A → B. Geometry: per unit the parts gained
 * (WHLX 1) and lost (3), or in 'replace' mode each changed zone out whole and in whole; a unit that
 * only appears or only disappears gives one row per zone. Attributes: WHLX 2 with the zone's
 * current geometry for every zone whose own fields or whose object's fields changed, WHLY naming
 * the fields. Zone types no database layer holds are kept here; the writer leaves them out.
 */
export function whlxChanges(
  result: CompareResult,
  a: CompareState,
  b: CompareState,
  mode: WhlxGeometryChange = 'parts',
): WhlxChange[] {
  const zonesA = new Map(a.zones.map((z) => [z.id, z]));
  const zonesB = new Map(b.zones.map((z) => [z.id, z]));
  const geometryChanged = new Set(result.zones.filter((z) => z.kind !== 'attributes').map((z) => z.zoneId));
  const rows = result.units.flatMap((u) => unitChanges(u, zonesA, zonesB, mode, geometryChanged));
  const objectFields = new Map(
    result.objects.filter((o) => o.kind === 'attributes').map((o) => [o.objectId, o.fields]),
  );
  const zoneFields = new Map(
    result.zones
      .filter((z) => z.kind === 'attributes' || z.kind === 'geometry+attributes')
      .map((z) => [z.zoneId, z.fields]),
  );
  for (const zone of b.zones) {
    if (!zonesA.has(zone.id)) continue;
    const fields = [...(zoneFields.get(zone.id) ?? []), ...(objectFields.get(zone.objectId) ?? [])];
    if (fields.length === 0) continue;
    rows.push({
      key: `2:${zone.id}`,
      whlx: '2',
      objectId: zone.objectId,
      zoneType: zone.attributes.zoneType,
      zoneId: zone.id,
      geometry: zone.geometry,
      bsm: zone.attributes.bsm,
      whly: WHLY_DEFAULTS.attributes(fields.map(fieldLabel)),
    });
  }
  return rows;
}

/** Whether the planning database holds this zone type's changes at all. */
export const inDatabase = (zoneType: ZoneType) => DATABASE_LAYER_OF[zoneType].layer !== null;
