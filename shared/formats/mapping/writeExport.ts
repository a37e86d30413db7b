import { safeFileName } from '../safeFileName';
import { gaussKrugerCrs, gaussKrugerEpsg } from '../../crs/definitions';
import { isLonLat, parseEpsg } from '../../crs/transformLayer';
import { exportCoordinateTable } from '../coordinateTable/adapter';
import { writeGeoJson } from '../geojson/writeGeoJson';
import { writeProjectedGeoJson } from '../geojson/writeProjectedGeoJson';
import type { ProjectDocument } from '../projectDocument';
import { PROFILES } from '../profiles/profiles';
import { documentToLayer } from './documentToLayer';
import type { ExportFormatId, WriteExportInput, WriteExportOutput } from './types';
import { writeLayers } from './writeLayers';
import { defaultDecimals, defaultProfile } from './exportDefaults';

const LON_LAT_FORMATS: readonly ExportFormatId[] = ['kml', 'kmz'];
const PROJECTED_FORMATS: readonly ExportFormatId[] = [
  'geojson-projected',
  'dxf',
  'coordinate-txt',
  'csv',
  'xlsx',
];

/** The CRS an export is written in: the option, else lon/lat, else the project's prefixed GK zone. */
export function exportEpsg(
  format: ExportFormatId,
  option: number | string | undefined,
  document: ProjectDocument,
): number {
  const given = option === undefined || option === '' ? null : parseEpsg(option);
  if (option !== undefined && option !== '' && given === null)
    throw new RangeError(`Not an EPSG code: ${String(option)}`);
  if (LON_LAT_FORMATS.includes(format)) {
    if (given !== null && !isLonLat(given))
      throw new RangeError(`${format.toUpperCase()} is always lon/lat (EPSG:4326)`);
    return 4326;
  }
  if (given !== null) return given;
  return PROJECTED_FORMATS.includes(format) ? gaussKrugerEpsg(document.settings.gkZone, 3, true)! : 4490;
}

function selected(
  document: ProjectDocument,
  zoneTypes: WriteExportInput['options']['zoneTypes'],
): ProjectDocument {
  if (!zoneTypes) return document;
  const wanted = new Set(zoneTypes);
  return { ...document, zones: document.zones.filter((z) => wanted.has(z.attributes.zoneType)) };
}

/**
 * The `writeExport` job: the project's zones in one format and field profile. Workbench GeoJSON
 * (full profile, lon/lat) and coordinate tables come from their own writers; everything else goes
 * document → layer (profile) → reprojection → rounding → adapter.
 */
export async function writeExport(
  input: WriteExportInput,
  progress: (f: number) => void = () => {},
): Promise<WriteExportOutput> {
  const o = input.options;
  const document = selected(input.document, o.zoneTypes);
  const epsg = exportEpsg(o.format, o.epsg, document);
  const profile = o.profile ?? defaultProfile(o.format);
  const baseName = safeFileName(o.baseName ?? document.settings.name, 'export');
  const lonLat = isLonLat(epsg);
  const decimals = o.decimals ?? defaultDecimals(o.format, epsg);
  const done = (output: WriteExportOutput) => (progress(1), output);
  if (profile === 'full' && o.format === 'geojson' && lonLat) {
    const bytes = writeGeoJson(document, { zoneTypes: null, decimals }, progress);
    return done({ files: [{ name: `${baseName}.geojson`, bytes }], renamedFields: [], warnings: [] });
  }
  if (profile === 'full' && o.format === 'geojson-projected' && !lonLat) {
    const bytes = writeProjectedGeoJson(document, { epsg, decimals });
    return done({ files: [{ name: `${baseName}.geojson`, bytes }], renamedFields: [], warnings: [] });
  }
  if (o.format === 'coordinate-txt' || o.format === 'csv' || o.format === 'xlsx') {
    const table = o.coordinateTable ?? {};
    const gk = gaussKrugerCrs(epsg);
    if (!gk || gk.width !== 3)
      throw new RangeError('Coordinate tables need a CGCS2000 3° Gauss-Krüger EPSG code');
    const file = exportCoordinateTable(document, {
      format: o.format === 'coordinate-txt' ? 'txt' : o.format,
      gkZone: gk.zone,
      prefixed: table.zonePrefix ?? gk.prefixed,
      ...(table.decimals === 2 || table.decimals === 3 || table.decimals === 4
        ? { decimals: table.decimals }
        : {}),
      ...(table.pointPrefix ? { pointPrefix: table.pointPrefix } : {}),
      ...(o.encoding ? { encoding: o.encoding } : {}),
      baseName,
    });
    return done({ files: [file], renamedFields: [], warnings: [] });
  }
  // "full" promises nothing lost. A Shapefile cannot hold its names (10 bytes) or long texts
  // (254 bytes): it gets the DBF-safe generic names and a `_long.csv` for the texts instead.
  const lossless = o.format === 'shapefile' && profile === 'full';
  const { layer, warnings } = documentToLayer(
    document,
    {
      profile: lossless ? 'generic' : profile,
      epsg,
      decimals,
      ...(o.lswhbhx ? { lswhbhx: o.lswhbhx } : {}),
    },
    (f) => progress(f * 0.5),
  );
  // A database layer keeps its name inside the files (LSWHBHX.shp, table LSWHBHX); the archive
  // or GeoPackage file takes the base name.
  const database = PROFILES[profile].layerName;
  const written = await writeLayers(
    [layer],
    o.format,
    {
      baseName: database && o.format === 'shapefile' ? database : baseName,
      zipBaseName: baseName,
      epsg,
      ...(o.encoding ? { encoding: o.encoding } : {}),
      ...(o.vertexLabels !== undefined ? { vertexLabels: o.vertexLabels } : {}),
      ...(o.coordinateTable ? { coordinateTable: o.coordinateTable } : {}),
      zip: o.zip ?? true,
      longText: lossless ? 'sidecar' : 'cut',
    },
    (f) => progress(0.5 + f / 2),
  );
  return done({ ...written, warnings: [...warnings, ...written.warnings] });
}
