import { gaussKrugerCrs } from '../../crs/definitions';
import type { Bilingual } from '../../domain/labels';
import type { ZoneGeometry } from '../../domain/geometry';
import type { DocumentZone, ProjectDocument } from '../projectDocument';
import {
  getProperty,
  type FormatAdapter,
  type Layer,
  type NamedBytes,
  type ReadOptions,
  type WriteOptions,
} from '../layer';
import { safeFileName, uniqueName } from '../safeFileName';
import type { CoordinateTableEntry, CoordinateTableOptions, ParcelSource } from './parcels';
import { readCoordinateTable } from './readCoordinateTable';
import { writeCoordinateCsv, writeCoordinateXlsx } from './tabular';
import { writeCoordinateTableBytes } from './writeCoordinateTable';

export type CoordinateTableFormat = 'txt' | 'csv' | 'xlsx';

export interface CoordinateExportOptions extends CoordinateTableOptions {
  format: CoordinateTableFormat;
  /** txt: GBK unless told; csv: UTF-8 with a byte-order mark unless told; xlsx: always UTF-8. */
  encoding?: 'gbk' | 'utf-8';
  /** Only this object's zones (the per-object export); all zones when absent. */
  objectId?: string;
  /** Only these zones (the per-zone export); wins over objectId. */
  zoneIds?: readonly string[];
  baseName: string;
}

/** The zones of an export with their objects, in document order. */
export function coordinateTableEntries(
  document: ProjectDocument,
  selection: { objectId?: string; zoneIds?: readonly string[] } = {},
): CoordinateTableEntry[] {
  const objects = new Map(document.objects.map((o) => [o.id, o]));
  const wanted = selection.zoneIds ? new Set(selection.zoneIds) : null;
  const keep = (z: DocumentZone) =>
    wanted ? wanted.has(z.id) : selection.objectId === undefined || z.objectId === selection.objectId;
  return document.zones.filter(keep).map((zone) => ({ zone, object: objects.get(zone.objectId) }));
}

/** The writer entry for the export UI: one file in the chosen layout. */
export function exportCoordinateTable(
  document: ProjectDocument,
  options: CoordinateExportOptions,
): NamedBytes {
  const entries = coordinateTableEntries(document, options);
  const name = `${options.baseName}.${options.format}`;
  switch (options.format) {
    case 'txt':
      return { name, bytes: writeCoordinateTableBytes(entries, options) };
    case 'csv':
      return {
        name,
        bytes: writeCoordinateCsv(entries, { ...options, encoding: options.encoding ?? 'utf-8' }),
      };
    case 'xlsx':
      return { name, bytes: writeCoordinateXlsx(entries, options) };
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** Layer features (lon/lat polygons) as parcels, named from parcel_name, object_name or name. */
export function layerParcelSources(layer: Layer): ParcelSource[] {
  return layer.features.flatMap((f, i) => {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return [];
    const p = f.properties;
    const name = text(
      getProperty(p, 'parcel_name') ?? getProperty(p, 'object_name') ?? getProperty(p, 'name'),
    );
    const use = text(getProperty(p, 'parcel_use') ?? getProperty(p, 'zone_type_label'));
    return [{ geometry: g as ZoneGeometry, name: name || `${i + 1}`, use }];
  });
}

/** Writer options: the target `epsg` (3° GK) plus the table choices of the export dialog. */
export interface CoordinateTableWriteOptions extends WriteOptions {
  coordinateTable?: {
    /** Overrides the prefix style implied by `epsg`. */
    zonePrefix?: boolean;
    pointPrefix?: string;
    decimals?: number;
    numbering?: 'continuous' | 'per-ring';
  };
}

const LABEL: Bilingual = { zh: '界址点坐标文本（.txt）', en: 'Coordinate table text (.txt)' };

/**
 * `coordinate-table`: reads into EPSG:4490 lon/lat; writes lon/lat layers (EPSG:4490 only) into
 * the Gauss-Krüger system given by `epsg` (a CGCS2000 3° code: 4513–4533 prefixed Y, 4534–4554
 * without prefix).
 */
export const coordinateTableAdapter: FormatAdapter<ReadOptions, CoordinateTableWriteOptions> = {
  id: 'coordinate-table',
  label: LABEL,
  extensions: ['txt'],
  read(files, options, progress) {
    const file = files.find((f) => f.name.toLowerCase().endsWith('.txt')) ?? files[0];
    if (!file) throw new RangeError('No file given');
    const result = readCoordinateTable(file.bytes, file.name, options);
    progress(1);
    return result;
  },
  write(layers, options, progress) {
    const crs = options.epsg !== undefined ? gaussKrugerCrs(options.epsg) : null;
    if (!crs || crs.width !== 3)
      throw new RangeError('Coordinate tables need a CGCS2000 3° Gauss-Krüger EPSG code');
    const used = new Set<string>();
    const files = layers.map((layer) => {
      if (layer.epsg !== 4490 && layer.epsg !== 4326)
        throw new RangeError(`Layer ${layer.name} is not in lon/lat`);
      const table = options.coordinateTable ?? {};
      const decimals = table.decimals;
      const bytes = writeCoordinateTableBytes(layerParcelSources(layer), {
        gkZone: crs.zone,
        prefixed: table.zonePrefix ?? crs.prefixed,
        ...(decimals === 2 || decimals === 3 || decimals === 4 ? { decimals } : {}),
        ...(table.pointPrefix ? { pointPrefix: table.pointPrefix } : {}),
        ...(table.numbering ? { numbering: table.numbering } : {}),
        encoding: options.encoding ?? 'gbk',
      });
      const stem = layers.length === 1 && options.baseName ? options.baseName : layer.name;
      return { name: `${uniqueName(safeFileName(stem), used)}.txt`, bytes };
    });
    progress(1);
    return files;
  },
};
