/**
 * The GeoJSON property schema (docs/formats.md): flat snake_case properties, one table used by
 * both the writer and the reader so export → import is lossless for our schema. Paths point into
 * a zone's or an object's `attributes`, or to the record itself for ids and timestamps.
 */
/**
 * `code`: an optional code or reference, null when absent. `json`: a structured value (an object)
 * written as one JSON text so that every format, flat ones included, carries it as a string.
 */
export type PropertyKind = 'string' | 'code' | 'number' | 'boolean' | 'list' | 'json';

export interface PropertyMapping {
  property: string;
  /** Dotted path in the record, e.g. `attributes.approval.date` or `id`. */
  path: string;
  kind: PropertyKind;
}

const p = (property: string, path: string, kind: PropertyKind = 'string'): PropertyMapping => ({
  property,
  path,
  kind,
});

export const ZONE_PROPERTIES: readonly PropertyMapping[] = [
  p('zone_id', 'id'),
  p('object_id', 'objectId'),
  p('zone_type', 'attributes.zoneType'),
  p('sub_zone_no', 'attributes.subZoneNo', 'number'),
  p('ccz_class', 'attributes.cczClass', 'number'),
  p('same_as_range', 'attributes.sameAsRange', 'boolean'),
  p('boundary_text', 'attributes.boundaryText'),
  p('rules', 'attributes.rules'),
  p('height_limit_m', 'attributes.heightLimitM', 'number'),
  p('height_limit_storeys', 'attributes.heightLimitStoreys', 'number'),
  p('status', 'attributes.status'),
  p('approval_authority', 'attributes.approval.authority'),
  p('approval_doc_no', 'attributes.approval.documentNo'),
  p('approval_date', 'attributes.approval.date'),
  p('provenance_method', 'attributes.provenance.method'),
  p('provenance_source', 'attributes.provenance.source'),
  p('provenance_accuracy_m', 'attributes.provenance.accuracyM', 'number'),
  p('provenance_date', 'attributes.provenance.date'),
  p('version', 'attributes.version', 'number'),
  p('supersedes_id', 'attributes.supersedesId', 'code'),
  p('zone_created_at', 'createdAt'),
  p('zone_updated_at', 'updatedAt'),
  // How a derived zone was computed (shared/domain/derivation.ts): lets a re-imported zone be
  // regenerated from its source. Shapefile text is cut at 254 bytes; a cut record reads as null.
  p('derivation', 'attributes.derivation', 'json'),
  // The planning database's BSM (LSWHBHX), kept so a re-imported database layer updates its zones.
  p('bsm', 'attributes.bsm'),
];

export const OBJECT_PROPERTIES: readonly PropertyMapping[] = [
  p('object_name', 'attributes.name'),
  p('object_other_names', 'attributes.otherNames'),
  p('object_name_local', 'attributes.nameLocal'),
  p('object_type', 'attributes.objectType'),
  p('protection_level', 'attributes.level', 'code'),
  p('relic_category', 'attributes.category', 'code'),
  p('designations', 'attributes.designations', 'list'),
  p('object_serial_no', 'attributes.serialNo'),
  p('object_era', 'attributes.era'),
  p('object_address', 'attributes.address'),
  p('xzqdm', 'attributes.xzqdm'),
  p('object_batch', 'attributes.batch'),
  p('announcing_authority', 'attributes.announcingAuthority'),
  p('announcement_date', 'attributes.announcementDate'),
  p('announcement_doc_no', 'attributes.announcementDocNo'),
  p('object_official_code', 'attributes.officialCode'),
  p('object_owner', 'attributes.owner'),
  p('object_condition', 'attributes.condition'),
  p('object_created_at', 'createdAt'),
  p('object_updated_at', 'updatedAt'),
];

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const pathKeys = new Map<string, string[]>();

/** The keys of a dotted path, split once per path (an export reads ~50 paths of every zone). */
function keysOf(path: string): string[] {
  let keys = pathKeys.get(path);
  if (!keys) pathKeys.set(path, (keys = path.split('.')));
  return keys;
}

export function getPath(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const key of keysOf(path)) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key))
      return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Set a dotted path on a fresh plain object tree; never walks into prototypes. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (FORBIDDEN.has(key)) return;
    if (!Object.prototype.hasOwnProperty.call(node, key)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (!FORBIDDEN.has(last)) node[last] = value;
}

/** A `json` property's value as written: the JSON text of an object, null for none. */
export function jsonText(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** JSON text (or an object another writer nested) → a fresh object without prototype keys. */
function parseJsonProperty(value: unknown): unknown {
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : null;
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text, (key, v: unknown) => (FORBIDDEN.has(key) ? undefined : v));
    // Text that is not an object (e.g. cut short by a 254-byte DBF field) is dropped, not refused:
    // the zone itself is intact, it only loses the record of how it was derived.
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Read a property as the kind the schema expects, accepting the spellings other tools write. */
export function coerce(value: unknown, kind: PropertyKind): unknown {
  if (value === null || value === undefined || value === '')
    return kind === 'string' ? '' : kind === 'list' ? [] : null;
  switch (kind) {
    case 'json':
      return parseJsonProperty(value);
    case 'code':
      return typeof value === 'number' ? String(value) : value;
    case 'number':
      return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
        ? Number(value)
        : value;
    case 'boolean':
      if (value === 'true' || value === 1 || value === '1') return true;
      if (value === 'false' || value === 0 || value === '0') return false;
      return value;
    case 'list':
      return typeof value === 'string'
        ? value
            .split(/[;,]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : value;
    case 'string':
      return typeof value === 'number' ? String(value) : value;
  }
}
