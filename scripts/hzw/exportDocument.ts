import { gaussKrugerCrs } from '../../shared/crs/definitions';
import { isLonLat } from '../../shared/crs/transformLayer';
import type { Bilingual } from '../../shared/domain/labels';
import { FormatError } from '../../shared/formats/formatError';
import type { Progress } from '../../shared/formats/layer';
import { defaultProfile } from '../../shared/formats/mapping/exportDefaults';
import { lintExport } from '../../shared/formats/mapping/exportLint';
import type { ExportFormatId, ExportOptions, ProfileId } from '../../shared/formats/mapping/types';
import { writeExport } from '../../shared/formats/mapping/writeExport';
import type { ProjectDocument } from '../../shared/formats/projectDocument';
import { UsageError } from './args';
import type { ConvertResult } from './commands';

export interface DocumentExportRequest {
  format: ExportFormatId;
  profile?: ProfileId;
  /** --to-crs; without it the app's default for the format (the project's prefixed 3° zone for DXF and tables). */
  toCrs?: number;
  encoding?: 'gbk' | 'utf-8';
  baseName: string;
  zip: boolean;
  /** Refuse when the pre-delivery check of a database profile finds a warning or an error. */
  strict: boolean;
}

const TABLES: readonly ExportFormatId[] = ['coordinate-txt', 'csv', 'xlsx'];

function checkTarget(format: ExportFormatId, toCrs: number | undefined): void {
  if (toCrs === undefined) return;
  if ((format === 'kml' || format === 'kmz') && !isLonLat(toCrs))
    throw new UsageError(`${format.toUpperCase()} is always lon/lat`);
  if (TABLES.includes(format) && gaussKrugerCrs(toCrs)?.width !== 3)
    throw new UsageError('coordinate tables need --to-crs with a CGCS2000 3° zone (EPSG:4513–4554)');
}

/**
 * A project (a .hzw, or layers mapped through --profile) written exactly as the app's export
 * writes it — the same `writeExport` job with the same defaults: DXF and coordinate tables in the
 * project's prefixed 3° zone, parcels named with their sub-area number and their use filled, the
 * format's default profile. A planning-database profile is checked first; its findings become
 * warnings, or refuse the export with --strict.
 */
export async function exportDocument(
  document: ProjectDocument,
  request: DocumentExportRequest,
  progress: Progress,
): Promise<ConvertResult> {
  checkTarget(request.format, request.toCrs);
  const lonLatGeoJson = request.toCrs === undefined || isLonLat(request.toCrs);
  const options: ExportOptions = {
    format: request.format === 'geojson' && !lonLatGeoJson ? 'geojson-projected' : request.format,
    profile: request.profile ?? defaultProfile(request.format),
    baseName: request.baseName,
    zip: request.zip,
    ...(request.toCrs !== undefined ? { epsg: request.toCrs } : {}),
    ...(request.encoding ? { encoding: request.encoding } : {}),
  };
  const lint = lintExport({ document, options });
  // Multipart zones are information: the export itself writes their parts as features.
  if (request.strict && lint.findings.some((f) => f.severity !== 'info'))
    throw new FormatError(
      lint.layer ?? request.baseName,
      lint.findings.map((f) => ({ index: null, field: f.code, reason: f.message })),
    );
  const checked: Bilingual[] = lint.findings.map((f) => ({
    zh: `入库前检查：${f.message.zh}`,
    en: `pre-delivery check: ${f.message.en}`,
  }));
  const written = await writeExport({ document, options }, progress);
  return {
    files: written.files,
    renamed: written.renamedFields,
    warnings: [...checked, ...written.warnings],
  };
}
