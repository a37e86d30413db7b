import type { Bilingual, Lang } from '../domain/labels';

/**
 * The file types the workbench exchanges, with the names dialogs show and the MIME types
 * downloads carry. One table for main's save dialogs, the desktop and the browser platform, so
 * the two modes offer the same choices.
 */
interface FileType {
  label: Bilingual;
  mime: string;
}

const TYPES = {
  geojson: { label: { zh: 'GeoJSON', en: 'GeoJSON' }, mime: 'application/geo+json' },
  json: { label: { zh: 'GeoJSON', en: 'GeoJSON' }, mime: 'application/geo+json' },
  shp: { label: { zh: 'Shapefile 几何', en: 'Shapefile geometry' }, mime: 'application/vnd.shp' },
  shx: { label: { zh: 'Shapefile 索引', en: 'Shapefile index' }, mime: 'application/vnd.shx' },
  dbf: { label: { zh: 'Shapefile 属性表', en: 'Shapefile attributes' }, mime: 'application/vnd.dbf' },
  prj: { label: { zh: 'Shapefile 坐标系', en: 'Shapefile CRS' }, mime: 'text/plain' },
  cpg: { label: { zh: 'Shapefile 编码', en: 'Shapefile encoding' }, mime: 'text/plain' },
  zip: { label: { zh: 'Shapefile 压缩包', en: 'Zipped shapefile' }, mime: 'application/zip' },
  gpkg: { label: { zh: 'GeoPackage', en: 'GeoPackage' }, mime: 'application/geopackage+sqlite3' },
  kml: { label: { zh: 'KML', en: 'KML' }, mime: 'application/vnd.google-earth.kml+xml' },
  kmz: { label: { zh: 'KMZ', en: 'KMZ' }, mime: 'application/vnd.google-earth.kmz' },
  dxf: { label: { zh: 'AutoCAD DXF 图纸', en: 'AutoCAD DXF drawing' }, mime: 'image/vnd.dxf' },
  txt: { label: { zh: '界址点坐标表', en: 'Coordinate table' }, mime: 'text/plain' },
  csv: { label: { zh: 'CSV 坐标表', en: 'CSV coordinate table' }, mime: 'text/csv' },
  xlsx: {
    label: { zh: 'Excel 坐标表', en: 'Excel coordinate table' },
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  pdf: { label: { zh: 'PDF 图件', en: 'PDF figure' }, mime: 'application/pdf' },
  png: { label: { zh: 'PNG 图片', en: 'PNG image' }, mime: 'image/png' },
  // Reports (变化报告): one self-contained page with a strict CSP and no script.
  html: { label: { zh: 'HTML 报告', en: 'HTML report' }, mime: 'text/html' },
  hzw: {
    label: { zh: '文物保护区划项目', en: 'Heritage zone project' },
    mime: 'application/vnd.hzw.project',
  },
} satisfies Record<string, FileType>;

export type FileExtension = keyof typeof TYPES;

/** Everything the one import entry accepts: data sets add zones, a project opens as a project. */
export const IMPORT_EXTENSIONS: readonly FileExtension[] = [
  'geojson',
  'json',
  'shp',
  'shx',
  'dbf',
  'prj',
  'cpg',
  'zip',
  'gpkg',
  'kml',
  'kmz',
  'dxf',
  'txt',
  'csv',
  'xlsx',
  'hzw',
];

/** What an export may be saved as (each format writes one of these). */
export const EXPORT_EXTENSIONS: readonly FileExtension[] = [
  'zip',
  'gpkg',
  'kml',
  'kmz',
  'dxf',
  'txt',
  'csv',
  'xlsx',
  'geojson',
  'hzw',
  // Figures (出图): a PDF (one figure or an atlas) and a PNG.
  'pdf',
  'png',
  // Reports: the change report as one HTML page (PDF and XLSX above).
  'html',
  // A shapefile written unzipped: one save per part.
  'shp',
  'shx',
  'dbf',
  'prj',
  'cpg',
];

export interface NamedFilter {
  name: string;
  extensions: string[];
}

export function isKnownExtension(ext: string): ext is FileExtension {
  return Object.hasOwn(TYPES, ext);
}

/** The lower-case extension of a file name, without the dot ('' when there is none). */
export function extensionOfName(name: string): string {
  const file = name.replace(/^.*[\\/]/, '');
  const dot = file.lastIndexOf('.');
  return dot <= 0 ? '' : file.slice(dot + 1).toLowerCase();
}

/** The MIME type a download of this file carries; unknown types are opaque bytes. */
export function mimeTypeOfName(name: string): string {
  const ext = extensionOfName(name);
  return isKnownExtension(ext) ? TYPES[ext].mime : 'application/octet-stream';
}

/**
 * The import dialog's filter groups: everything first (the default), then one group per kind so
 * a planner can narrow a folder full of files. Names in the UI language.
 */
export function importFilters(lang: Lang): NamedFilter[] {
  const group = (zh: string, en: string, extensions: FileExtension[]) => ({
    name: lang === 'zh' ? zh : en,
    extensions,
  });
  return [
    group('所有支持的文件', 'All supported files', [...IMPORT_EXTENSIONS]),
    group('Shapefile（.shp 及配套文件、.zip）', 'Shapefile (.shp with sidecars, .zip)', [
      'shp',
      'shx',
      'dbf',
      'prj',
      'cpg',
      'zip',
    ]),
    group('GeoPackage', 'GeoPackage', ['gpkg']),
    group('KML / KMZ', 'KML / KMZ', ['kml', 'kmz']),
    group('CAD 图纸（DXF）', 'CAD drawing (DXF)', ['dxf']),
    group('坐标表（TXT、CSV、Excel）', 'Coordinate table (TXT, CSV, Excel)', ['txt', 'csv', 'xlsx']),
    group('GeoJSON', 'GeoJSON', ['geojson', 'json']),
    group('项目文件', 'Project file', ['hzw']),
  ];
}

/**
 * The save dialog's filter for an export named `fileName`: the format's own extension (GeoJSON
 * also accepts .json), named in the UI language. Null for a name the workbench never exports.
 */
export function exportFilter(fileName: string, lang: Lang): NamedFilter | null {
  const ext = extensionOfName(fileName);
  if (!isKnownExtension(ext) || !EXPORT_EXTENSIONS.includes(ext)) return null;
  const extensions = ext === 'geojson' ? ['geojson', 'json'] : [ext];
  return { name: `${TYPES[ext].label[lang]} (*.${ext})`, extensions };
}
