import type { Bilingual } from '../domain/labels';
import { FormatError, fileProblem } from './formatError';
import type { NamedBytes } from './layer';
import { ZipError, readZip } from './zip/zip';

/**
 * The input split into readable units: a file, a shapefile set (parts grouped by folder and base
 * name), a zip's datasets. A zip from a WFS or portal download carries side files — readme.txt,
 * metadata.xml, licence.pdf, a style, a nested archive — which are not data: when the zip holds a
 * real dataset they are ignored and named in a note on the first unit; a .txt alone in a zip is
 * still read as a coordinate table. Loose files are taken as chosen: an unknown one is refused.
 */
export interface ReadUnit {
  format: string;
  files: NamedBytes[];
  /** Said about the unit's source (files of its zip that were ignored). */
  notes?: Bilingual[];
}

/** The format of a file from its name (an adapter id, 'project', 'zip', 'shapefile'), or null. */
export type FormatOfName = (name: string) => string | null;

/** Most ignored files named in a note; the rest counted. */
const NAMED = 10;

/** Folder and base name; a shapefile's `<base>_long.csv` sidecar belongs to `<base>`. */
const keyOf = (name: string) =>
  name
    .replace(/\\/g, '/')
    .replace(/_long\.csv$|\.[^./]*$/i, '')
    .toLowerCase();

export const unknownFormat = (name: string): FormatError =>
  new FormatError(name, [
    fileProblem('file', {
      zh: `无法识别的文件类型 ${name}（支持 .geojson .json .shp .zip .gpkg .kml .kmz .dxf .txt .csv .xlsx .hzw）`,
      en: `Unrecognised file type ${name} (supported: .geojson .json .shp .zip .gpkg .kml .kmz .dxf .txt .csv .xlsx .hzw)`,
    }),
  ]);

/** Whether a .json holds GeoJSON (a metadata.json beside a shapefile does not). */
function looksLikeGeoJson(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 65536));
  return /"type"\s*:\s*"(FeatureCollection|Feature|Point|MultiPoint|LineString|MultiLineString|Polygon|MultiPolygon|GeometryCollection)"/.test(
    head,
  );
}

function entriesOf(file: NamedBytes): NamedBytes[] {
  try {
    // macOS resource forks and folders are not files of the download.
    return readZip(file.bytes).filter(
      (e) => !/(^|\/)__MACOSX\//.test(e.name) && !/(^|\/)\._/.test(e.name) && !e.name.endsWith('/'),
    );
  } catch (error) {
    if (error instanceof ZipError) throw new FormatError(file.name, [fileProblem('zip', error.reason)]);
    throw error;
  }
}

/** Shapefile parts grouped by folder and base name; groups without .shp or .dbf are not datasets. */
function shapefileGroups(files: readonly NamedBytes[]): { sets: NamedBytes[][]; stray: NamedBytes[] } {
  const groups = new Map<string, NamedBytes[]>();
  for (const f of files) groups.set(keyOf(f.name), [...(groups.get(keyOf(f.name)) ?? []), f]);
  const sets: NamedBytes[][] = [];
  const stray: NamedBytes[] = [];
  for (const group of groups.values()) {
    if (group.some((f) => /\.(shp|dbf)$/i.test(f.name))) sets.push(group);
    else stray.push(...group); // a lone .prj, .cpg or metadata .xml
  }
  return { sets, stray };
}

/**
 * One unit per shapefile set, except that sets sharing a base name in different folders
 * (data/a/zones.shp, data/b/zones.shp) are read together, so their layers are told apart by folder.
 */
function shapefileUnits(sets: readonly NamedBytes[][]): ReadUnit[] {
  const byBase = new Map<string, NamedBytes[]>();
  for (const set of sets) {
    const base = keyOf(set[0]!.name).replace(/^.*\//, '');
    byBase.set(base, [...(byBase.get(base) ?? []), ...set]);
  }
  return [...byBase.values()].map((files) => ({ format: 'shapefile', files }));
}

function ignoredNote(zip: string, ignored: readonly NamedBytes[]): Bilingual {
  const names = ignored.slice(0, NAMED).map((f) => f.name);
  const more = ignored.length - names.length;
  return {
    zh: `${zip}：以下文件不是数据，已忽略：${names.join('、')}${more > 0 ? ` 等 ${ignored.length} 个` : ''}`,
    en: `${zip}: not data, ignored: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
  };
}

function zipUnits(file: NamedBytes, formatOf: FormatOfName): ReadUnit[] {
  const entries = entriesOf(file);
  // A zip holding a .kml (and no shapefile) is a KMZ under another name.
  if (!entries.some((e) => /\.shp$/i.test(e.name)) && entries.some((e) => /\.kml$/i.test(e.name)))
    return [{ format: 'kml', files: [file] }];
  const datasets: ReadUnit[] = [];
  const tables: ReadUnit[] = [];
  const ignored: NamedBytes[] = [];
  const parts: NamedBytes[] = [];
  for (const entry of entries) {
    const format = formatOf(entry.name);
    if (format === 'shapefile') parts.push(entry);
    else if (format === 'coordinate-table') tables.push({ format, files: [entry] });
    else if (format === 'geojson' && /\.json$/i.test(entry.name) && !looksLikeGeoJson(entry.bytes))
      ignored.push(entry);
    else if (format && format !== 'zip') datasets.push({ format, files: [entry] });
    else ignored.push(entry); // unknown kinds and nested archives
  }
  const { sets, stray } = shapefileGroups(parts);
  datasets.unshift(...shapefileUnits(sets));
  ignored.push(...stray);
  if (datasets.length === 0) datasets.push(...tables);
  else ignored.push(...tables.flatMap((t) => t.files));
  if (datasets.length === 0) throw unknownFormat(`${file.name} (${entries.map((e) => e.name).join(', ')})`);
  if (ignored.length) datasets[0]!.notes = [ignoredNote(file.name, ignored)];
  return datasets;
}

export function readUnits(files: readonly NamedBytes[], formatOf: FormatOfName): ReadUnit[] {
  const out: ReadUnit[] = [];
  const parts: NamedBytes[] = [];
  for (const file of files) {
    const format = formatOf(file.name);
    if (format === 'zip') out.push(...zipUnits(file, formatOf));
    else if (format === 'shapefile') parts.push(file);
    else if (format) out.push({ format, files: [file] });
    else throw unknownFormat(file.name);
  }
  // Loose parts: a lone .prj or .cpg is nothing to read.
  out.push(...shapefileUnits(shapefileGroups(parts).sets));
  return out;
}
