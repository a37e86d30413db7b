import { safeFileName } from '../safeFileName';
import type { Bilingual } from '../../domain/labels';
import { isLonLat } from '../../crs/transformLayer';
import { coordinateTableAdapter, layerParcelSources } from '../coordinateTable/adapter';
import type { CoordinateTableOptions } from '../coordinateTable/parcels';
import { writeCoordinateCsv, writeCoordinateXlsx } from '../coordinateTable/tabular';
import { gaussKrugerCrs } from '../../crs/definitions';
import { dxfAdapter } from '../dxf/dxfAdapter';
import { geojsonAdapter } from '../geojson/geojsonLayer';
import { geopackageAdapter } from '../geopackage/adapter';
import { kmlAdapter } from '../kml/kmlAdapter';
import { type Layer, type NamedBytes, type Progress, type WriteOptions } from '../layer';
import { writeShapefile } from '../shapefile/writeShapefile';
import { writeZip } from '../zip/zip';
import type { CoordinateTableExportOptions, ExportFormatId, RenamedField, WriteExportOutput } from './types';

export interface WriteLayersOptions extends WriteOptions {
  coordinateTable?: CoordinateTableExportOptions;
  vertexLabels?: boolean;
  /** Pack several output files into one `<baseName>.zip`. */
  zip?: boolean;
  /** Base name of that .zip when it differs from the files' (LSWHBHX.shp in 乌苏.zip). */
  zipBaseName?: string;
  /** Shapefile: cut text past 254 bytes (with a warning), or keep it whole in `<base>_long.csv`. */
  longText?: 'cut' | 'sidecar';
}

/** File extension of each export format (the first one written). */
export const EXPORT_EXTENSIONS: Record<ExportFormatId, string> = {
  geojson: 'geojson',
  'geojson-projected': 'geojson',
  shapefile: 'shp',
  geopackage: 'gpkg',
  kml: 'kml',
  kmz: 'kmz',
  dxf: 'dxf',
  'coordinate-txt': 'txt',
  csv: 'csv',
  xlsx: 'xlsx',
};

/** Export format of an output file name, or null. */
export function exportFormatForFileName(name: string): ExportFormatId | null {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'json') return 'geojson';
  if (ext === 'zip') return 'shapefile';
  const found = (Object.keys(EXPORT_EXTENSIONS) as ExportFormatId[]).find(
    (f) => EXPORT_EXTENSIONS[f] === ext && f !== 'geojson-projected',
  );
  return found ?? null;
}

function tableOptions(
  epsg: number | undefined,
  o: CoordinateTableExportOptions = {},
): CoordinateTableOptions {
  const crs = epsg !== undefined ? gaussKrugerCrs(epsg) : null;
  if (!crs || crs.width !== 3)
    throw new RangeError('Coordinate tables need a CGCS2000 3° Gauss-Krüger EPSG code');
  return {
    gkZone: crs.zone,
    prefixed: o.zonePrefix ?? crs.prefixed,
    ...(o.decimals === 2 || o.decimals === 3 || o.decimals === 4 ? { decimals: o.decimals } : {}),
    ...(o.pointPrefix ? { pointPrefix: o.pointPrefix } : {}),
  };
}

/**
 * Write layers in one export format. Layers must already be in the CRS the format wants (lon/lat
 * for KML and coordinate tables, which project themselves into `epsg`); writers reproject nothing.
 */
export async function writeLayers(
  layers: readonly Layer[],
  format: ExportFormatId,
  options: WriteLayersOptions,
  progress: Progress = () => {},
): Promise<WriteExportOutput> {
  const base = safeFileName(options.baseName ?? layers[0]?.name ?? 'export', 'export');
  let files: NamedBytes[];
  let renamedFields: RenamedField[] = [];
  let warnings: Bilingual[] = [];
  switch (format) {
    case 'geojson':
    case 'geojson-projected':
      files = geojsonAdapter.write!(layers, options, progress);
      break;
    case 'shapefile': {
      const written = writeShapefile(layers, options);
      ({ files, warnings } = written);
      renamedFields = written.renamed;
      break;
    }
    case 'geopackage':
      files = await geopackageAdapter.write!(layers, options, progress);
      break;
    case 'kml':
    case 'kmz':
      files = kmlAdapter.write!(layers, { ...options, kmz: format === 'kmz' }, progress);
      break;
    case 'coordinate-txt':
      files = coordinateTableAdapter.write!(layers, options, progress);
      break;
    case 'csv':
    case 'xlsx': {
      const table = tableOptions(options.epsg, options.coordinateTable);
      const sources = layers.flatMap(layerParcelSources);
      if (layers.some((l) => !isLonLat(l.epsg)))
        throw new RangeError('Coordinate tables take lon/lat layers');
      const bytes =
        format === 'csv'
          ? writeCoordinateCsv(sources, { ...table, encoding: options.encoding ?? 'utf-8' })
          : writeCoordinateXlsx(sources, table);
      files = [{ name: `${base}.${format}`, bytes }];
      break;
    }
    case 'dxf':
      files = dxfAdapter.write!(layers, options, progress);
      break;
  }
  // Level 1: a shapefile set deflates to within 4 % of level 6's size in 70 % of the time.
  if (options.zip && files.length > 1)
    files = [
      {
        name: `${options.zipBaseName ? safeFileName(options.zipBaseName, base) : base}.zip`,
        bytes: writeZip(files, 1),
      },
    ];
  progress(1);
  return { files, renamedFields, warnings };
}
