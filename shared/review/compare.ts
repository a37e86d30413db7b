import { ZONE_TYPES, type ZoneType } from '../domain/taxonomy';
import { ellipsoidalArea } from '../geometry/area';
import { geometryFingerprint } from '../geometry/fingerprint';
import { gainedLost } from '../geometry/ops/changeParts';
import {
  OBJECT_PROPERTIES,
  ZONE_PROPERTIES,
  getPath,
  type PropertyMapping,
} from '../formats/geojson/properties';
import type { DocumentObject, DocumentZone, ProjectDocument } from '../formats/projectDocument';
import type {
  CompareOptions,
  CompareResult,
  ObjectChange,
  RecordChangeKind,
  UnitChange,
  ZoneChange,
  ZoneTypeTotals,
} from './compareTypes';

/** One side of a comparison: a project's objects and zones, in document ids. */
export type CompareState = Pick<ProjectDocument, 'objects' | 'zones'>;

/** A record's own id and timestamps say nothing about its content (a zone's object_id does). */
const NOT_COMPARED = new Set([
  'zone_id',
  'zone_created_at',
  'zone_updated_at',
  'object_id',
  'object_created_at',
  'object_updated_at',
]);
const ZONE_FIELDS = ZONE_PROPERTIES.filter(
  (m) => m.property === 'object_id' || !NOT_COMPARED.has(m.property),
);
const OBJECT_FIELDS = OBJECT_PROPERTIES.filter((m) => !NOT_COMPARED.has(m.property));

function valueText(record: unknown, mapping: PropertyMapping): string {
  const value = getPath(record, mapping.path);
  return JSON.stringify(value ?? null);
}

/** The full-profile property names whose values differ between two records. */
function changedFields(a: unknown, b: unknown, mappings: readonly PropertyMapping[]): string[] {
  return mappings.filter((m) => valueText(a, m) !== valueText(b, m)).map((m) => m.property);
}

const unitKey = (objectId: string, zoneType: ZoneType) => `${zoneType}\u0000${objectId}`;

interface Unit {
  objectId: string;
  zoneType: ZoneType;
  before: DocumentZone[];
  after: DocumentZone[];
}

function groupUnits(a: readonly DocumentZone[], b: readonly DocumentZone[]): Unit[] {
  const units = new Map<string, Unit>();
  const add = (zone: DocumentZone, side: 'before' | 'after') => {
    const key = unitKey(zone.objectId, zone.attributes.zoneType);
    let unit = units.get(key);
    if (!unit) {
      unit = { objectId: zone.objectId, zoneType: zone.attributes.zoneType, before: [], after: [] };
      units.set(key, unit);
    }
    unit[side].push(zone);
  };
  for (const zone of a) add(zone, 'before');
  for (const zone of b) add(zone, 'after');
  return [...units.values()];
}

function zoneChanges(a: readonly DocumentZone[], b: readonly DocumentZone[]): ZoneChange[] {
  const before = new Map(a.map((z) => [z.id, z]));
  const after = new Set(b.map((z) => z.id));
  const changes: ZoneChange[] = [];
  const change = (zone: DocumentZone, kind: RecordChangeKind, fields: string[]) =>
    changes.push({
      zoneId: zone.id,
      objectId: zone.objectId,
      zoneType: zone.attributes.zoneType,
      kind,
      fields,
    });
  for (const zone of b) {
    const old = before.get(zone.id);
    if (!old) {
      change(zone, 'added', []);
      continue;
    }
    const geometry = geometryFingerprint(old.geometry) !== geometryFingerprint(zone.geometry);
    const fields = changedFields(old, zone, ZONE_FIELDS);
    if (geometry || fields.length)
      change(zone, geometry ? (fields.length ? 'geometry+attributes' : 'geometry') : 'attributes', fields);
  }
  for (const zone of a) if (!after.has(zone.id)) change(zone, 'removed', []);
  return changes;
}

function objectChanges(a: readonly DocumentObject[], b: readonly DocumentObject[]): ObjectChange[] {
  const before = new Map(a.map((o) => [o.id, o]));
  const after = new Set(b.map((o) => o.id));
  const changes: ObjectChange[] = [];
  for (const object of b) {
    const old = before.get(object.id);
    const fields = old ? changedFields(old, object, OBJECT_FIELDS) : [];
    if (!old || fields.length)
      changes.push({
        objectId: object.id,
        kind: old ? 'attributes' : 'added',
        fields,
      });
  }
  for (const object of a)
    if (!after.has(object.id)) changes.push({ objectId: object.id, kind: 'removed', fields: [] });
  return changes;
}

/** Ellipsoidal area of each zone, computed once per geometry (unchanged zones share it). */
function areaCache() {
  const byPrint = new Map<number, number>();
  return (zone: DocumentZone): number => {
    const print = geometryFingerprint(zone.geometry);
    let area = byPrint.get(print);
    if (area === undefined) byPrint.set(print, (area = ellipsoidalArea(zone.geometry)));
    return area;
  };
}

/**
 * What changed from state A to state B: per zone and per object whether it was added, removed, or
 * changed in geometry or in which attributes; per unit (one object's zones of one type) the land
 * gained and lost, as polygons with ellipsoidal areas; totals per zone type. Units whose zones
 * have the same geometries on both sides (by fingerprint) are not overlaid. Records are matched
 * by id, so both states must be in document ids.
 */
export function compareStates(
  a: CompareState,
  b: CompareState,
  options: CompareOptions,
  progress: (fraction: number) => void = () => {},
): CompareResult {
  const areaOf = areaCache();
  const units: UnitChange[] = [];
  const totals = new Map<ZoneType, ZoneTypeTotals>();
  const totalOf = (zoneType: ZoneType) => {
    let t = totals.get(zoneType);
    if (!t) {
      t = { beforeM2: 0, afterM2: 0, gainedM2: 0, lostM2: 0, added: 0, removed: 0, changed: 0 };
      totals.set(zoneType, t);
    }
    return t;
  };
  let slivers = 0;
  const grouped = groupUnits(a.zones, b.zones);
  grouped.forEach((unit, i) => {
    if (i % 100 === 0) progress((0.9 * i) / grouped.length);
    const beforeM2 = unit.before.reduce((s, z) => s + areaOf(z), 0);
    const afterM2 = unit.after.reduce((s, z) => s + areaOf(z), 0);
    const total = totalOf(unit.zoneType);
    total.beforeM2 += beforeM2;
    total.afterM2 += afterM2;
    const parts = gainedLost(
      unit.before.map((z) => z.geometry),
      unit.after.map((z) => z.geometry),
      options,
      options,
    );
    slivers += parts.slivers;
    if (!parts.gained && !parts.lost) return;
    total.gainedM2 += parts.gainedM2;
    total.lostM2 += parts.lostM2;
    units.push({
      objectId: unit.objectId,
      zoneType: unit.zoneType,
      before: unit.before.map((z) => z.id),
      after: unit.after.map((z) => z.id),
      gained: parts.gained,
      lost: parts.lost,
      gainedM2: parts.gainedM2,
      lostM2: parts.lostM2,
      beforeM2,
      afterM2,
    });
  });
  const zones = zoneChanges(a.zones, b.zones);
  for (const z of zones) {
    const total = totalOf(z.zoneType);
    if (z.kind === 'added') total.added++;
    else if (z.kind === 'removed') total.removed++;
    else total.changed++;
  }
  const aIds = new Set(a.zones.map((z) => z.id));
  const matched = b.zones.filter((z) => aIds.has(z.id)).length;
  progress(1);
  return {
    zones,
    objects: objectChanges(a.objects, b.objects),
    units,
    totals: Object.fromEntries(ZONE_TYPES.filter((t) => totals.has(t)).map((t) => [t, totals.get(t)!])),
    sliversDropped: slivers,
    matchedShare: matched / Math.max(1, a.zones.length, b.zones.length),
  };
}
