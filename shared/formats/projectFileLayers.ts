import { OBJECT_TYPE_LABELS, ZONE_TYPE_LABELS } from '../domain/taxonomy';
import { convertArea } from '../domain/units';
import { ellipsoidalArea } from '../geometry/area';
import {
  OBJECT_PROPERTIES,
  ZONE_PROPERTIES,
  getPath,
  jsonText,
  type PropertyMapping,
} from './geojson/properties';
import {
  createProperties,
  setProperty,
  type FieldDef,
  type FieldType,
  type Layer,
  type Properties,
} from './layer';
import type { ProjectDocument } from './projectDocument';

/**
 * The readable side of a v2 project file: a `zones` feature table and an `objects` attributes
 * table with the same flat snake_case columns as the GeoJSON export, plus Chinese labels and
 * areas, so QGIS or ogrinfo show something useful. Readers of ours never use these columns.
 */
const KIND_TYPES: Record<PropertyMapping['kind'], FieldType> = {
  string: 'string',
  code: 'string',
  number: 'real',
  boolean: 'boolean',
  list: 'string',
  json: 'string',
};

const fieldsOf = (mappings: readonly PropertyMapping[]): FieldDef[] =>
  mappings.map((m) => ({ name: m.property, type: KIND_TYPES[m.kind] }));

function fill(target: Properties, mappings: readonly PropertyMapping[], record: unknown): void {
  for (const m of mappings) {
    const value = getPath(record, m.path);
    if (m.kind === 'list') setProperty(target, m.property, ((value as string[] | undefined) ?? []).join(';'));
    else if (m.kind === 'json') setProperty(target, m.property, jsonText(value));
    else if (typeof value === 'object' || value === undefined) setProperty(target, m.property, null);
    else setProperty(target, m.property, value as string | number | boolean);
  }
}

const ZONE_EXTRA: FieldDef[] = [
  { name: 'zone_type_label', type: 'string' },
  { name: 'object_type_label', type: 'string' },
  { name: 'area_m2', type: 'real' },
  { name: 'area_hm2', type: 'real' },
  { name: 'area_mu', type: 'real' },
  { name: 'area_method', type: 'string' },
  { name: 'geometry_extent', type: 'string' },
];

export function zonesLayer(document: ProjectDocument): Layer {
  const objects = new Map(document.objects.map((o) => [o.id, o]));
  return {
    name: 'zones',
    epsg: 4490,
    fields: [...fieldsOf(ZONE_PROPERTIES), ...fieldsOf(OBJECT_PROPERTIES.slice(0, 4)), ...ZONE_EXTRA],
    features: document.zones.map((zone) => {
      const object = objects.get(zone.objectId);
      const properties = createProperties();
      fill(properties, ZONE_PROPERTIES, zone);
      fill(properties, OBJECT_PROPERTIES.slice(0, 4), object);
      const area = ellipsoidalArea(zone.geometry);
      setProperty(properties, 'zone_type_label', ZONE_TYPE_LABELS[zone.attributes.zoneType].zh);
      setProperty(
        properties,
        'object_type_label',
        object ? OBJECT_TYPE_LABELS[object.attributes.objectType].zh : null,
      );
      setProperty(properties, 'area_m2', Math.round(area * 100) / 100);
      setProperty(properties, 'area_hm2', Math.round(convertArea(area, 'hm2') * 1e6) / 1e6);
      setProperty(properties, 'area_mu', Math.round(convertArea(area, 'mu') * 1e4) / 1e4);
      setProperty(properties, 'area_method', 'ellipsoidal_cgcs2000');
      setProperty(properties, 'geometry_extent', 'envelope');
      return { geometry: zone.geometry, properties };
    }),
  };
}

export function objectsLayer(document: ProjectDocument): Layer {
  const counts = new Map<string, number>();
  for (const z of document.zones) counts.set(z.objectId, (counts.get(z.objectId) ?? 0) + 1);
  return {
    name: 'objects',
    epsg: null,
    fields: [
      { name: 'object_id', type: 'string' },
      ...fieldsOf(OBJECT_PROPERTIES),
      { name: 'object_type_label', type: 'string' },
      { name: 'representative_lon', type: 'real' },
      { name: 'representative_lat', type: 'real' },
      { name: 'zone_count', type: 'integer' },
    ],
    features: document.objects.map((object) => {
      const properties = createProperties();
      setProperty(properties, 'object_id', object.id);
      fill(properties, OBJECT_PROPERTIES, object);
      const point = object.attributes.representativePoint ?? null;
      setProperty(properties, 'object_type_label', OBJECT_TYPE_LABELS[object.attributes.objectType].zh);
      setProperty(properties, 'representative_lon', point?.[0] ?? null);
      setProperty(properties, 'representative_lat', point?.[1] ?? null);
      setProperty(properties, 'zone_count', counts.get(object.id) ?? 0);
      return { geometry: null, properties };
    }),
  };
}
