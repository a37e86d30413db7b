import { crsDefinition } from '../../crs/definitions';
import { prjFor } from '../../crs/prj';
import type { Bilingual } from '../../domain/labels';
import { FormatError } from '../formatError';
import type {
  FieldDef,
  FieldType,
  Layer,
  LayerFeature,
  LayerGeometry,
  NamedBytes,
  WriteOptions,
} from '../layer';
import { encodeText } from '../text/encoding';
import { writeZip } from '../zip/zip';
import { safeFileName } from '../safeFileName';
import { writeDbf, type CutText, type DbfColumn } from './dbfWrite';
import { dbfFieldNames, type Renamed } from './fieldNames';
import { writeShp, type ShapeKind } from './shpWrite';
import { writeLongText } from './longText';

/**
 * Write layers as Shapefiles: per layer a .shp/.shx/.dbf/.cpg and a .prj when the CRS is one we
 * bundle. A Shapefile holds one geometry type, so a layer mixing polygons, lines and points is
 * split into `<base>_polygon`, `<base>_line`, `<base>_point` sets (features without geometry go
 * to the first of them); a layer of one type keeps `<base>`. Nothing is reprojected.
 */
export interface ShapefileWriteOptions extends WriteOptions {
  /**
   * Text longer than a .dbf field holds: 'cut' (default) cuts it with a warning naming field and
   * records; 'sidecar' also keeps it whole in `<base>_long.csv` (longText.ts), so nothing is lost.
   * A schema's fixed-width fields are always cut to their width, with the warning.
   */
  longText?: 'cut' | 'sidecar';
}

export interface ShapefileWriteResult {
  files: NamedBytes[];
  /** Fields whose names had to change to fit 10 bytes or stay unique. */
  renamed: Renamed[];
  warnings: Bilingual[];
}

const KIND_ORDER: ShapeKind[] = ['polygon', 'line', 'multipoint', 'point'];
const SUFFIX: Record<ShapeKind, string> = {
  polygon: 'polygon',
  line: 'line',
  multipoint: 'point',
  point: 'point',
  null: '',
};

export function kindOf(g: LayerGeometry): ShapeKind {
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') return 'polygon';
  if (g.type === 'LineString' || g.type === 'MultiLineString') return 'line';
  return g.type === 'MultiPoint' ? 'multipoint' : 'point';
}

/** Features grouped by the .shp type they need; Point and MultiPoint share a multipoint file. */
function splitByKind(features: readonly LayerFeature[]): Map<ShapeKind, LayerFeature[]> {
  const kinds = new Set(features.flatMap((f) => (f.geometry ? [kindOf(f.geometry)] : [])));
  if (kinds.has('multipoint')) kinds.delete('point');
  const groups = new Map<ShapeKind, LayerFeature[]>();
  for (const k of KIND_ORDER) if (kinds.has(k)) groups.set(k, []);
  if (!groups.size) groups.set('null', []);
  const first = [...groups.keys()][0]!;
  for (const f of features) {
    const k = f.geometry ? kindOf(f.geometry) : first;
    groups.get(k === 'point' && groups.has('multipoint') ? 'multipoint' : k)!.push(f);
  }
  return groups;
}

function inferType(values: unknown[]): FieldType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length && present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.length && present.every((v) => typeof v === 'number'))
    return present.every((v) => Number.isInteger(v) && Math.abs(v as number) < 1e15) ? 'integer' : 'real';
  return 'string';
}

/** The layer's declared fields, then any property the features carry that is not declared. */
function fieldsOf(layer: Layer): FieldDef[] {
  const fields = [...layer.fields];
  const known = new Set(fields.map((f) => f.name));
  for (const f of layer.features) {
    for (const key in f.properties) {
      if (known.has(key) || !Object.hasOwn(f.properties, key)) continue;
      known.add(key);
      fields.push({ name: key, type: inferType(layer.features.map((x) => x.properties[key])) });
    }
  }
  return fields;
}

/** Fields that name a record in messages, best first: our zone id, the database BSM. */
const KEY_FIELDS = ['ZONE_ID', 'zone_id', 'BSM'];

/** How messages name record i of a layer: its key field's value, else GDAL's feature id #i. */
function recordLabel(layer: Layer): (record: LayerFeature, index: number) => string {
  const key = KEY_FIELDS.find((k) => layer.fields.some((f) => f.name === k));
  return (record, index) => {
    const value = key ? record.properties[key] : null;
    return value === null || value === undefined || value === '' ? `#${index}` : String(value);
  };
}

const listed = (labels: string[], lang: 'zh' | 'en') =>
  labels.length <= 10
    ? labels.join(lang === 'zh' ? '、' : ', ')
    : `${labels.slice(0, 10).join(lang === 'zh' ? '、' : ', ')}${lang === 'zh' ? ` 等 ${labels.length} 条` : ` and ${labels.length - 10} more`}`;

/** One warning per field whose values were cut, naming the records. */
function cutWarnings(cut: readonly CutText[], labelOf: (record: number) => string): Bilingual[] {
  const byColumn = new Map<string, CutText[]>();
  for (const c of cut) byColumn.set(c.column.name, [...(byColumn.get(c.column.name) ?? []), c]);
  return [...byColumn].map(([name, cells]) => {
    const width = cells[0]!.column.width ?? 254;
    const labels = cells.map((c) => labelOf(c.record));
    return {
      zh: `字段 ${name} 宽 ${Math.min(width, 254)} 字节，${cells.length} 个值超长被截断：${listed(labels, 'zh')}`,
      en: `Field ${name} holds ${Math.min(width, 254)} bytes; ${cells.length} longer values were cut: ${listed(labels, 'en')}`,
    };
  });
}

/** Says where the whole texts went, so the planner keeps the file with the set. */
function keptNotice(file: string, count: number): Bilingual {
  return {
    zh: `${count} 个超过 254 字节的文本完整保存在 ${file}（.dbf 中为截断的开头），请与 Shapefile 一起保存`,
    en: `${count} texts longer than 254 bytes are kept whole in ${file} (the .dbf holds their beginning); keep it with the Shapefile`,
  };
}

export function checkCoordinates(file: string, features: readonly LayerFeature[], first = 0): void {
  const finite = (c: unknown): boolean =>
    Array.isArray(c) ? c.every(finite) : typeof c === 'number' && Number.isFinite(c);
  const bad = features.findIndex((f) => f.geometry && !finite(f.geometry.coordinates));
  if (bad >= 0) {
    throw new FormatError(file, [
      {
        index: first + bad,
        field: 'geometry',
        reason: {
          zh: '坐标不是有限数，无法写入',
          en: 'a coordinate is not a finite number and cannot be written',
        },
      },
    ]);
  }
}

/** A layer's .dbf columns: its fields with names fitted to 10 bytes (and what was renamed). */
export function layerColumns(
  layer: Layer,
  encoding: 'gbk' | 'utf-8',
): { fields: FieldDef[]; columns: DbfColumn[]; renamed: Renamed[] } {
  const fields = fieldsOf(layer);
  const names = dbfFieldNames(
    layer.name,
    fields.map((f) => f.name),
    encoding,
  );
  const columns: DbfColumn[] = fields.map((f, i) => ({
    name: names.names[i]!,
    source: f.name,
    type: f.type,
    ...(f.fixed && f.width ? { width: f.width, decimals: f.decimals ?? 0 } : {}),
  }));
  return { fields, columns, renamed: names.renamed };
}

/** The warning for a layer whose CRS cannot be written as a .prj, or null. */
export function prjWarning(layer: Layer, epsg: number | null): Bilingual | null {
  if (epsg !== null && crsDefinition(epsg)) return null;
  return {
    zh: `${layer.name}：坐标系${epsg === null ? '未知' : ` EPSG:${epsg} 未内置`}，未写 .prj`,
    en: `${layer.name}: the coordinate system is ${epsg === null ? 'unknown' : `EPSG:${epsg}, not bundled`}; no .prj written`,
  };
}

/** What one set needs besides its .shp and .shx, all decided by the layer and the options. */
export interface SetParts {
  layer: Layer;
  fields: FieldDef[];
  columns: DbfColumn[];
  epsg: number | null;
  encoding: 'gbk' | 'utf-8';
  longText?: 'cut' | 'sidecar';
}

/** The files of one set in order (.shp, .shx, .dbf, long texts, .prj, .cpg) and its warnings. */
export function setFiles(
  base: string,
  parts: SetParts,
  features: readonly LayerFeature[],
  geometry: { shp: Uint8Array; shx: Uint8Array },
): { files: NamedBytes[]; warnings: Bilingual[] } {
  const { columns, encoding, epsg } = parts;
  const label = recordLabel(parts.layer);
  const dbf = writeDbf(
    `${base}.dbf`,
    columns,
    features.map((f) => f.properties),
    encoding,
  );
  const kept = parts.longText === 'sidecar' ? dbf.cut.filter((c) => c.column.width === undefined) : [];
  const cut = dbf.cut.filter((c) => !kept.includes(c));
  const warnings = cutWarnings(cut, (record) => label(features[record]!, record));
  const files: NamedBytes[] = [
    { name: `${base}.shp`, bytes: geometry.shp },
    { name: `${base}.shx`, bytes: geometry.shx },
    { name: `${base}.dbf`, bytes: dbf.bytes },
  ];
  const sidecar = writeLongText(base, { fields: parts.fields }, features, kept);
  if (sidecar) {
    files.push(sidecar);
    warnings.push(keptNotice(sidecar.name, kept.length));
  }
  if (epsg !== null && crsDefinition(epsg))
    files.push({ name: `${base}.prj`, bytes: encodeText(prjFor(epsg), 'utf-8') });
  files.push({ name: `${base}.cpg`, bytes: encodeText(encoding === 'gbk' ? 'GBK' : 'UTF-8', 'utf-8') });
  return { files, warnings };
}

export function writeShapefile(
  layers: readonly Layer[],
  options: ShapefileWriteOptions = {},
): ShapefileWriteResult {
  const encoding = options.encoding ?? 'utf-8';
  const files: NamedBytes[] = [];
  const renamed: Renamed[] = [];
  const warnings: Bilingual[] = [];
  const usedBases = new Set<string>();
  for (const layer of layers) {
    const layerBase = safeFileName(layers.length === 1 && options.baseName ? options.baseName : layer.name);
    const { fields, columns, renamed: names } = layerColumns(layer, encoding);
    renamed.push(...names);
    const epsg = options.epsg ?? layer.epsg;
    const noPrj = prjWarning(layer, epsg);
    if (noPrj) warnings.push(noPrj);
    const parts: SetParts = { layer, fields, columns, epsg, encoding, longText: options.longText ?? 'cut' };
    const groups = splitByKind(layer.features);
    for (const [kind, features] of groups) {
      let base = groups.size > 1 ? `${layerBase}_${SUFFIX[kind]}` : layerBase;
      for (let k = 2; usedBases.has(base.toLowerCase()); k++) base = `${layerBase}_${k}`;
      usedBases.add(base.toLowerCase());
      checkCoordinates(`${base}.shp`, features);
      const geometry = writeShp(
        kind,
        features.map((f) => f.geometry),
      );
      const set = setFiles(base, parts, features, geometry);
      files.push(...set.files);
      warnings.push(...set.warnings);
    }
    if (groups.size > 1) {
      warnings.push({
        zh: `${layer.name} 含多种几何类型，已分别写为 ${[...groups.keys()].map((k) => `${layerBase}_${SUFFIX[k]}`).join('、')}`,
        en: `${layer.name} mixes geometry types; written as ${[...groups.keys()].map((k) => `${layerBase}_${SUFFIX[k]}`).join(', ')}`,
      });
    }
  }
  return { files, renamed, warnings };
}

/** The same files in one `<base>.zip` (base = options.baseName, else the first layer's name). */
export function writeShapefileZip(layers: readonly Layer[], options: ShapefileWriteOptions = {}): NamedBytes {
  const { files } = writeShapefile(layers, options);
  const base = safeFileName(options.baseName ?? layers[0]?.name ?? 'shapefile');
  return { name: `${base}.zip`, bytes: writeZip(files) };
}
