import { OBJECT_PROPERTIES, ZONE_PROPERTIES, type PropertyKind } from '../geojson/properties';
import { getProperty, setProperty, type FieldDef, type FieldType, type Properties } from '../layer';
import type { FieldProfile, FullRecord } from './types';

const INTEGER_PROPERTIES = new Set(['sub_zone_no', 'ccz_class', 'version', 'height_limit_storeys']);
const KIND_TYPES: Record<PropertyKind, FieldType> = {
  string: 'string',
  code: 'string',
  list: 'string',
  number: 'real',
  boolean: 'boolean',
  json: 'string',
};

/** Members written for readers and ignored (recomputed) on import. */
const DERIVED_FIELDS: FieldDef[] = [
  { name: 'zone_type_label', type: 'string', width: 50 },
  { name: 'object_type_label', type: 'string', width: 50 },
  { name: 'representative_lon', type: 'real', width: 14, decimals: 8 },
  { name: 'representative_lat', type: 'real', width: 14, decimals: 8 },
  { name: 'area_m2', type: 'real', width: 18, decimals: 2 },
  { name: 'area_hm2', type: 'real', width: 18, decimals: 6 },
  { name: 'area_mu', type: 'real', width: 18, decimals: 4 },
  { name: 'area_method', type: 'string', width: 30 },
  { name: 'geometry_extent', type: 'string', width: 20 },
];

/** Text widths where the schema bounds them; 254 (the DBF maximum) otherwise. */
const WIDTHS: Record<string, number> = {
  zone_id: 36,
  object_id: 36,
  supersedes_id: 36,
  zone_type: 40,
  object_type: 40,
  status: 30,
  protection_level: 20,
  relic_category: 2,
  xzqdm: 12,
  bsm: 50,
  approval_date: 10,
  provenance_date: 10,
  announcement_date: 10,
  provenance_method: 30,
  zone_created_at: 24,
  zone_updated_at: 24,
  object_created_at: 24,
  object_updated_at: 24,
};

function fieldOf(property: string, kind: PropertyKind): FieldDef {
  if (INTEGER_PROPERTIES.has(property)) return { name: property, type: 'integer', width: 9 };
  const type = KIND_TYPES[kind];
  if (type === 'real') return { name: property, type, width: 18, decimals: 3 };
  if (type === 'boolean') return { name: property, type };
  return { name: property, type, width: WIDTHS[property] ?? 254 };
}

/** Every field of the GeoJSON property table, in table order. */
export const FULL_FIELDS: readonly FieldDef[] = [
  ...[...ZONE_PROPERTIES, ...OBJECT_PROPERTIES].map((m) => fieldOf(m.property, m.kind)),
  ...DERIVED_FIELDS,
];

/** Copy a record's members that name fields, as plain field values. */
export function pickFields(
  full: FullRecord,
  fields: readonly FieldDef[],
  rename = (n: string) => n,
): Properties {
  const out: Properties = {};
  for (const field of fields) {
    const value = Object.prototype.hasOwnProperty.call(full, field.name) ? full[field.name] : null;
    const plain =
      value === undefined || value === null
        ? null
        : typeof value === 'object'
          ? JSON.stringify(value)
          : (value as string | number | boolean);
    setProperty(out, rename(field.name), plain);
  }
  return out;
}

/** Attribute names compared case-insensitively, as DBF and database tools change case. */
export function caseInsensitive(properties: Properties): (name: string) => unknown {
  const byLower = new Map<string, string>();
  for (const key of Object.keys(properties))
    if (!byLower.has(key.toLowerCase())) byLower.set(key.toLowerCase(), key);
  return (name) => {
    const key = byLower.get(name.toLowerCase());
    return key === undefined ? undefined : getProperty(properties, key);
  };
}

/**
 * 'full': the GeoJSON property names unchanged (GeoJSON, GeoPackage, KML). Import finds these
 * names, cut ones (GDAL's Shapefile driver: boundary_t) and others by matchFields.
 */
export const FULL_PROFILE: FieldProfile = {
  id: 'full',
  label: { zh: '完整字段（GeoJSON 属性名）', en: 'Full (GeoJSON property names)' },
  fields: () => [...FULL_FIELDS],
  write: (full) => pickFields(full, FULL_FIELDS),
};
