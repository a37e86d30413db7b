import { ProjectSettingsSchema } from '../../domain/schema';
import { FormatError, fileProblem } from '../formatError';
import type { ProjectDocument } from '../projectDocument';
import { layerToImport } from '../mapping/layerToImport';
import type { ImportProblem } from '../mapping/types';
import { readGeoJsonLayer } from './geojsonLayer';

export interface GeoJsonImportResult {
  document: Pick<ProjectDocument, 'objects' | 'zones'> & { settings: ProjectDocument['settings'] | null };
  /** Features refused, each with its index in the file and the reason; none of them is imported. */
  rejected: ImportProblem[];
  total: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Read zones from GeoJSON (RFC 7946, lon/lat): GeoJSON → Layer (geojsonLayer.ts) → document
 * through the same mapping every format uses (mapping/layerToImport.ts). Every feature is checked
 * on its own: refused ones are listed with index and reason, the others form a complete document.
 * A file that is not GeoJSON at all, or declares a projected `crs`, is refused as a whole (the
 * registry's generic import reprojects such files instead).
 */
export function readGeoJson(
  bytes: Uint8Array,
  fileName: string,
  progress: (f: number) => void = () => {},
): GeoJsonImportResult {
  const read = readGeoJsonLayer({ name: fileName, bytes }, (f) => progress(f / 2));
  const layer = read.layers[0]!;
  if (layer.epsg !== 4326 && layer.epsg !== 4490) {
    const crs =
      isObject(read.root.crs) && isObject(read.root.crs.properties) ? read.root.crs.properties.name : '';
    throw new FormatError(fileName, [
      fileProblem('crs', {
        zh: `坐标系 ${String(crs)} 不是经纬度（RFC 7946 要求 WGS84/CGCS2000 经纬度）`,
        en: `CRS ${String(crs)} is not lon/lat (RFC 7946 requires WGS84/CGCS2000 lon/lat)`,
      }),
    ]);
  }
  const result = layerToImport([{ layer, problems: read.problems }], fileName, { profile: 'full' }, (f) =>
    progress(0.5 + f / 2),
  );
  return {
    document: { ...result.document, settings: settingsOf(read.root) },
    rejected: result.rejected,
    total: result.total,
  };
}

/** Project settings from our foreign member `hzw`, when the file was written by the workbench. */
export function settingsOf(root: Json): ProjectDocument['settings'] | null {
  const hzw = isObject(root.hzw) ? root.hzw : null;
  const settings = hzw ? ProjectSettingsSchema.safeParse(hzw.project) : null;
  return settings?.success ? settings.data : null;
}
