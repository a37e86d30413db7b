import type { Ring, ZoneGeometry } from '../../domain/geometry';
import { polygonsOf } from '../../domain/geometry';
import { OBJECT_TYPE_LABELS, ZONE_TYPE_LABELS, type ZoneType } from '../../domain/taxonomy';
import { convertArea } from '../../domain/units';
import { ellipsoidalArea } from '../../geometry/area';
import { orientForRfc7946 } from '../../geometry/rings';
import type { DocumentObject, DocumentZone, ProjectDocument } from '../projectDocument';
import { GEOJSON_FORMAT, GEOJSON_VERSION } from './format';
import { OBJECT_PROPERTIES, ZONE_PROPERTIES, getPath, jsonText, type PropertyMapping } from './properties';

export interface GeoJsonExportOptions {
  /** Zone types to include; null for all. */
  zoneTypes: readonly ZoneType[] | null;
  /** Decimal places of lon/lat; RFC 7946 suggests about 7 (≈ 1 cm). */
  decimals: number;
}

export const DEFAULT_EXPORT_OPTIONS: GeoJsonExportOptions = { zoneTypes: null, decimals: 7 };

function roundRing(ring: Ring, factor: number): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const point: [number, number] = [Math.round(x * factor) / factor, Math.round(y * factor) / factor];
    const prev = out.at(-1);
    // Rounding may merge neighbours; a repeated position is dropped, the closing one kept.
    if (!prev || prev[0] !== point[0] || prev[1] !== point[1]) out.push(point);
  }
  return out;
}

function exportGeometry(geometry: ZoneGeometry, decimals: number): ZoneGeometry {
  const factor = 10 ** decimals;
  const oriented = orientForRfc7946(geometry);
  const polygons = polygonsOf(oriented).map((rings) => rings.map((ring) => roundRing(ring, factor)));
  return oriented.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

function writeProperties(
  target: Record<string, unknown>,
  mappings: readonly PropertyMapping[],
  record: unknown,
): void {
  for (const m of mappings) {
    const value = getPath(record, m.path);
    target[m.property] =
      m.kind === 'list'
        ? ((value as string[] | undefined) ?? []).join(';')
        : m.kind === 'json'
          ? jsonText(value)
          : (value ?? null);
  }
}

/** The flat property record of one zone (docs/formats.md table); also the 'full' field profile. */
export function zoneProperties(
  zone: DocumentZone,
  object: DocumentObject | undefined,
  /** The zone's ellipsoidal area when the caller has it already (m²). */
  area: number = ellipsoidalArea(zone.geometry),
): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  writeProperties(properties, ZONE_PROPERTIES, zone);
  if (object) writeProperties(properties, OBJECT_PROPERTIES, object);
  const point = object?.attributes.representativePoint ?? null;
  Object.assign(properties, {
    zone_type_label: ZONE_TYPE_LABELS[zone.attributes.zoneType].zh,
    object_type_label: object ? OBJECT_TYPE_LABELS[object.attributes.objectType].zh : null,
    representative_lon: point?.[0] ?? null,
    representative_lat: point?.[1] ?? null,
    area_m2: Math.round(area * 100) / 100,
    area_hm2: Math.round(convertArea(area, 'hm2') * 1e6) / 1e6,
    area_mu: Math.round(convertArea(area, 'mu') * 1e4) / 1e4,
    area_method: 'ellipsoidal_cgcs2000',
    geometry_extent: 'envelope',
  });
  return properties;
}

function feature(zone: DocumentZone, object: DocumentObject | undefined, decimals: number) {
  const properties = zoneProperties(zone, object);
  return { type: 'Feature', id: zone.id, properties, geometry: exportGeometry(zone.geometry, decimals) };
}

/**
 * Write zones as an RFC 7946 FeatureCollection: lon/lat on CGCS2000 (≡ WGS84 at plan accuracy),
 * exterior rings counter-clockwise, no `crs` member. Project settings travel in the foreign
 * member `hzw`, which other readers ignore.
 */
export function writeGeoJson(
  document: ProjectDocument,
  options: GeoJsonExportOptions = DEFAULT_EXPORT_OPTIONS,
  progress: (fraction: number) => void = () => {},
): Uint8Array {
  const objects = new Map(document.objects.map((o) => [o.id, o]));
  const wanted = options.zoneTypes ? new Set(options.zoneTypes) : null;
  const zones = document.zones.filter((z) => !wanted || wanted.has(z.attributes.zoneType));
  const features = zones.map((zone, i) => {
    if (i % 200 === 0) progress(i / Math.max(1, zones.length));
    return feature(zone, objects.get(zone.objectId), options.decimals);
  });
  const collection = {
    type: 'FeatureCollection',
    name: document.settings.name,
    hzw: {
      format: GEOJSON_FORMAT,
      version: GEOJSON_VERSION,
      project: document.settings,
      geometry_extent: 'envelope',
      area_method: 'ellipsoidal_cgcs2000',
    },
    features,
  };
  progress(1);
  return new TextEncoder().encode(JSON.stringify(collection));
}
