import type { Bilingual } from '../../domain/labels';
import { FormatError, fileProblem, type InputProblem } from '../formatError';
import {
  setProperty,
  type Coordinates,
  type FieldDef,
  type FieldType,
  type FieldValue,
  type FormatAdapter,
  type Layer,
  type LayerFeature,
  type LayerGeometry,
  type NamedBytes,
  type Properties,
  type ReadResult,
} from '../layer';
import { safeFileName, uniqueName } from '../safeFileName';
import { parseJson } from '../safeJson';
import { isGeometryType, readGeometry } from './geojsonGeometry';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** EPSG code of a legacy `crs` member (`urn:ogc:def:crs:EPSG::4516`, `EPSG:4516`, CRS84 → 4326). */
export function epsgOfCrsName(name: string): number | null {
  if (/CRS84$/i.test(name)) return 4326;
  const match = /EPSG:(?:[\d.]*:)?:?(\d{4,5})$/i.exec(name.trim());
  return match ? Number(match[1]) : null;
}

/** A property value as a plain field value: lists become `a;b`, other structures JSON text. */
function plainValue(value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value.join(';');
  return JSON.stringify(value);
}

const typeOfValue = (v: FieldValue): FieldType | null =>
  v === null ? null : typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'real' : 'string';

/** The features of a root: a FeatureCollection's, a Feature, or a bare geometry as one feature (RFC 7946 §2). */
function entriesOf(root: Json): unknown[] | null {
  if (root.type === 'Feature') return [root];
  if (isGeometryType(root.type)) return [{ type: 'Feature', properties: {}, geometry: root }];
  return Array.isArray(root.features) ? root.features : null;
}

/**
 * Parse one GeoJSON text into a Layer; entries that are not features, and geometries that are
 * malformed, are reported by index (geojsonGeometry.ts).
 */
export function readGeoJsonLayer(
  file: NamedBytes,
  progress: (f: number) => void = () => {},
): ReadResult & { root: Json } {
  const json = parseJson(file.bytes);
  if (!json.ok) throw new FormatError(file.name, [fileProblem('', json.reason)]);
  const root = json.value;
  if (
    !isObject(root) ||
    (root.type !== 'FeatureCollection' && root.type !== 'Feature' && !isGeometryType(root.type))
  ) {
    throw new FormatError(file.name, [
      fileProblem('type', {
        zh: '不是 GeoJSON：根对象不是要素集合、要素或几何',
        en: 'Not GeoJSON: the root is no FeatureCollection, Feature or geometry',
      }),
    ]);
  }
  const entries = entriesOf(root);
  if (!entries)
    throw new FormatError(file.name, [
      fileProblem('features', { zh: '缺少 features 数组', en: 'The features array is missing' }),
    ]);
  const crsName =
    isObject(root.crs) && isObject(root.crs.properties) ? String(root.crs.properties.name ?? '') : '';
  const epsg = crsName ? epsgOfCrsName(crsName) : 4326;
  if (epsg === null)
    throw new FormatError(file.name, [
      fileProblem('crs', { zh: `无法识别坐标系 ${crsName}`, en: `Unrecognised CRS ${crsName}` }),
    ]);
  const problems: InputProblem[] = [];
  const warnings: Bilingual[] = [];
  const features: LayerFeature[] = [];
  const types = new Map<string, FieldType | null>();
  entries.forEach((entry: unknown, index: number) => {
    if (index % 1000 === 0) progress(index / Math.max(1, entries.length));
    if (!isObject(entry) || entry.type !== 'Feature') {
      problems.push({
        index,
        field: 'feature',
        reason: { zh: '不是 GeoJSON 要素（Feature）', en: 'not a GeoJSON Feature' },
      });
      return;
    }
    const read = readGeometry(entry.geometry);
    if ('problem' in read) {
      problems.push({ index, field: 'geometry', reason: read.problem });
      return;
    }
    const { geometry, dropped } = read;
    if (dropped)
      warnings.push({
        zh: `要素 ${index}：几何集合中 ${dropped} 个其他类型的部分未读取（面优先，其次线）`,
        en: `feature ${index}: ${dropped} parts of another type in its GeometryCollection left out (polygons win, then lines)`,
      });
    const properties: Properties = {};
    const source = isObject(entry.properties) ? entry.properties : {};
    for (const key of Object.keys(source)) {
      const value = plainValue(source[key]);
      setProperty(properties, key, value);
      if (!types.has(key) || types.get(key) === null) types.set(key, typeOfValue(value));
    }
    features.push({ geometry, properties });
  });
  progress(1);
  const fields: FieldDef[] = [...types].map(([name, type]) => ({ name, type: type ?? 'string' }));
  const base = file.name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const layer: Layer = {
    name: typeof root.name === 'string' && root.name ? root.name : base,
    epsg,
    fields,
    features,
  };
  return {
    layers: [layer],
    problems,
    info: {
      format: 'geojson',
      encoding: { used: 'utf-8', source: 'fixed', candidates: ['utf-8'] },
      crs: { epsg, source: crsName ? 'file' : 'fixed' },
      warnings,
    },
    root,
  };
}

/** Twice the signed area of a ring in its own x/y (positive: counter-clockwise). */
function signedArea2(ring: readonly Coordinates[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}
const orient = (ring: Coordinates[], ccw: boolean) =>
  signedArea2(ring) > 0 === ccw ? ring : [...ring].reverse();
const orientPolygon = (rings: Coordinates[][]) => rings.map((ring, i) => orient(ring, i === 0));

/** RFC 7946 winding: exterior rings counter-clockwise, holes clockwise. */
export function orientGeometry(geometry: LayerGeometry): LayerGeometry {
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: orientPolygon(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon')
    return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(orientPolygon) };
  return geometry;
}

/** One layer as GeoJSON text. Lon/lat layers follow RFC 7946 (no `crs`); projected ones name theirs. */
export function writeGeoJsonLayer(layer: Layer): Uint8Array {
  const lonLat = layer.epsg === null || layer.epsg === 4326 || layer.epsg === 4490;
  const collection: Json = { type: 'FeatureCollection', name: layer.name };
  if (!lonLat) collection.crs = { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${layer.epsg}` } };
  collection.features = layer.features.map((f) => ({
    type: 'Feature',
    properties: f.properties,
    geometry: f.geometry && orientGeometry(f.geometry),
  }));
  return new TextEncoder().encode(JSON.stringify(collection));
}

/** The generic GeoJSON adapter: any GeoJSON in, any layer out (one file per layer). */
export const geojsonAdapter: FormatAdapter = {
  id: 'geojson',
  label: { zh: 'GeoJSON', en: 'GeoJSON' },
  extensions: ['geojson', 'json'],
  read(files, _options, progress) {
    // Without `root`: the parsed text is the size of the file in objects, and an import session
    // keeps what its read returns until accept; the layers hold what is needed of it.
    const results = files.map((file) => {
      const { root: _root, ...result } = readGeoJsonLayer(file, progress);
      return result;
    });
    if (results.length === 1) return results[0]!;
    return {
      layers: results.flatMap((r) => r.layers),
      problems: results.flatMap((r) => r.problems),
      info: results[0]!.info,
    };
  },
  write(layers, options) {
    const base = options.baseName ?? layers[0]?.name ?? 'export';
    const used = new Set<string>();
    return layers.map((layer) => {
      const stem = safeFileName(layers.length === 1 ? base : `${base}_${layer.name}`, 'export');
      return { name: `${uniqueName(stem, used)}.geojson`, bytes: writeGeoJsonLayer(layer) };
    });
  },
};
