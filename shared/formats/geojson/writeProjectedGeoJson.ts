import { gaussKrugerCrs } from '../../crs/definitions';
import { toGaussKruger } from '../../crs/gaussKruger';
import type { ZoneType } from '../../domain/taxonomy';
import type { ProjectDocument } from '../projectDocument';
import { writeGeoJson } from './writeGeoJson';

export interface ProjectedGeoJsonOptions {
  /** A CGCS2000 Gauss-Krüger EPSG code: 4491–4554 (3° or 6°, with or without the zone prefix). */
  epsg: number;
  zoneTypes?: readonly ZoneType[] | null;
  /** Decimal places of the metres; 3 (millimetres) unless told. */
  decimals?: number;
}

/** Written into `hzw.note` so nobody mistakes the file for RFC 7946 GeoJSON. */
export const PROJECTED_GEOJSON_NOTE = {
  zh: '非标准 GeoJSON：坐标为 CGCS2000 高斯-克吕格投影平面坐标（米，东、北顺序），不是 RFC 7946 要求的经纬度；仅供需要投影坐标的专业软件使用。',
  en: 'Non-standard GeoJSON: coordinates are CGCS2000 Gauss-Krüger metres (easting, northing), not the lon/lat RFC 7946 requires; for expert software that wants projected coordinates.',
};

type Coordinates = number[] | Coordinates[];

/** Lon/lat precise to 1e-12° (≈ 0.1 µm) before projection, so only our rounding of metres counts. */
const LON_LAT_DECIMALS = 12;

function project(c: Coordinates, zone: number, prefixed: boolean, width: 3 | 6, factor: number): Coordinates {
  if (typeof c[0] === 'number') {
    const [e, n] = toGaussKruger([c[0], c[1] as number], zone, { prefixed, width });
    return [Math.round(e * factor) / factor, Math.round(n * factor) / factor];
  }
  return (c as Coordinates[]).map((inner) => project(inner, zone, prefixed, width, factor));
}

/**
 * The workbench GeoJSON (same features and properties as writeGeoJson) with coordinates in a
 * Gauss-Krüger system and the old-style `crs` member `urn:ogc:def:crs:EPSG::<code>`, which GDAL
 * and QGIS honour. Easting-first like all GeoJSON; ring orientation as in the lon/lat file (the
 * projection is conformal, so orientation is kept). Not RFC 7946: clearly marked in `hzw.note`.
 */
export function writeProjectedGeoJson(
  document: ProjectDocument,
  options: ProjectedGeoJsonOptions,
): Uint8Array {
  const crs = gaussKrugerCrs(options.epsg);
  if (!crs) throw new RangeError(`EPSG:${options.epsg} is not a CGCS2000 Gauss-Krüger system`);
  const lonLat = writeGeoJson(document, { zoneTypes: options.zoneTypes ?? null, decimals: LON_LAT_DECIMALS });
  const collection = JSON.parse(new TextDecoder().decode(lonLat)) as {
    hzw: Record<string, unknown>;
    features: { geometry: { coordinates: Coordinates } }[];
  };
  const factor = 10 ** (options.decimals ?? 3);
  for (const feature of collection.features) {
    feature.geometry.coordinates = project(
      feature.geometry.coordinates,
      crs.zone,
      crs.prefixed,
      crs.width,
      factor,
    );
  }
  const out = {
    type: 'FeatureCollection',
    name: document.settings.name,
    crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${crs.epsg}` } },
    hzw: { ...collection.hzw, projected_epsg: crs.epsg, standard: false, note: PROJECTED_GEOJSON_NOTE },
    features: collection.features,
  };
  return new TextEncoder().encode(JSON.stringify(out));
}
