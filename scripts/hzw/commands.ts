import { crsName } from '../../shared/crs/definitions';
import { isLonLat, parseEpsg, roundLayer, transformLayer } from '../../shared/crs/transformLayer';
import type { Bilingual } from '../../shared/domain/labels';
import { FormatError, fileProblem } from '../../shared/formats/formatError';
import type { Layer, NamedBytes, Progress } from '../../shared/formats/layer';
import { documentToLayer } from '../../shared/formats/mapping/documentToLayer';
import { layerToImport } from '../../shared/formats/mapping/layerToImport';
import type { ProfileId, RenamedField } from '../../shared/formats/mapping/types';
import { exportFormatForFileName, writeLayers } from '../../shared/formats/mapping/writeLayers';
import { readFiles, type FileRead } from '../../shared/formats/registry';
import { writeProjectFile } from '../../shared/formats/projectFile';
import type { ProjectDocument } from '../../shared/formats/projectDocument';
import { gaussKrugerCrs } from '../../shared/crs/definitions';
import type { CliOptions } from './args';
import { UsageError } from './args';
import { mappingLines, mappingOptions, type MappingReport } from './mappingOption';

const PROFILES: readonly ProfileId[] = ['full', 'generic', 'lswhbhx'];

export interface InfoLayer {
  name: string;
  epsg: number | null;
  crs: string;
  count: number;
  geometryTypes: Record<string, number>;
  fields: { name: string; type: string }[];
}
export interface InfoReport {
  file: string;
  format: string;
  encoding: string | null;
  crsSource: string | null;
  layers: InfoLayer[];
  refused: number;
  warnings: Bilingual[];
  /** With --mapping: the mapping per layer and what it accepts and refuses. */
  mapping?: MappingReport;
  /** The same as text lines, for the plain output. */
  mappingLines?: string[];
}

const crsText = (epsg: number | null) =>
  epsg === null ? 'unknown' : `EPSG:${epsg} ${crsName(epsg)?.en ?? ''}`.trim();

function epsgOption(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const epsg = parseEpsg(value);
  if (epsg === null) throw new UsageError(`${option}: not an EPSG code: ${value}`);
  return epsg;
}

function readOptions(o: CliOptions) {
  const gkZone = o.gkZone === undefined ? undefined : Number(o.gkZone);
  if (gkZone !== undefined && !Number.isInteger(gkZone))
    throw new UsageError(`--gk-zone: not a zone number: ${o.gkZone}`);
  const epsg = epsgOption(o.fromCrs, '--from-crs');
  return {
    ...(o.encoding ? { encoding: o.encoding } : {}),
    ...(epsg ? { epsg } : {}),
    ...(gkZone ? { gkZone } : {}),
  };
}

function layerInfo(layer: Layer): InfoLayer {
  const geometryTypes: Record<string, number> = {};
  for (const f of layer.features)
    geometryTypes[f.geometry?.type ?? 'null'] = (geometryTypes[f.geometry?.type ?? 'null'] ?? 0) + 1;
  return {
    name: layer.name,
    epsg: layer.epsg,
    crs: crsText(layer.epsg),
    count: layer.features.length,
    geometryTypes,
    fields: layer.fields.map((f) => ({ name: f.name, type: f.type })),
  };
}

export async function info(files: NamedBytes[], o: CliOptions, progress: Progress): Promise<InfoReport[]> {
  const mapping = await mappingOptions(o.mapping);
  const options = { ...readOptions(o), ...mapping };
  const reads = await readFiles(files, options, progress);
  return reads.map((read) => {
    if (read.kind === 'project') {
      const { layer } = documentToLayer(read.document, { profile: 'full' });
      return {
        file: read.fileName,
        format: 'project (.hzw)',
        encoding: 'utf-8',
        crsSource: 'fixed',
        layers: [layerInfo(layer)],
        refused: 0,
        warnings: [],
      };
    }
    const i = read.result.info;
    const report: InfoReport = {
      file: read.fileName,
      format: i.format,
      encoding: i.encoding ? `${i.encoding.used} (${i.encoding.source})` : null,
      crsSource: i.crs?.source ?? null,
      layers: read.result.layers.map(layerInfo),
      refused: read.result.problems.length,
      warnings: i.warnings,
    };
    if (!mapping) return report;
    const single = read.result.layers.length === 1;
    const imported = layerToImport(
      read.result.layers.map((layer) => ({
        layer,
        problems: read.result.problems.filter(
          (p) => single || (p as { layer?: string }).layer === layer.name,
        ),
      })),
      read.fileName,
      options,
    );
    const result = {
      layers: imported.mappings,
      accepted: imported.document.zones.length,
      refused: imported.rejected,
    };
    return { ...report, mapping: result, mappingLines: mappingLines(result) };
  });
}

/** Every problem of the input as one refusal: `hzw convert` writes complete output or nothing. */
function refuseProblems(read: Extract<FileRead, { kind: 'layers' }>): void {
  if (read.result.problems.length) throw new FormatError(read.fileName, read.result.problems);
}

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

export interface ConvertResult {
  files: NamedBytes[];
  renamed: RenamedField[];
  warnings: Bilingual[];
}

/** Layers read from any format → layers in another; attributes unchanged unless --profile. */
export async function convert(
  files: NamedBytes[],
  output: string,
  o: CliOptions,
  progress: Progress,
): Promise<ConvertResult> {
  const format = exportFormatForFileName(output);
  const toProject = /\.hzw$/i.test(output);
  if (!format && !toProject) throw new UsageError(`unknown output format: ${output}`);
  const profile = o.profile as ProfileId | undefined;
  if (profile !== undefined && !PROFILES.includes(profile))
    throw new UsageError(`--profile: one of ${PROFILES.join(', ')}`);
  const mapping = await mappingOptions(o.mapping);
  const options = { ...readOptions(o), ...mapping };
  const reads = await readFiles(files, options, (f) => progress(f * 0.5));
  const warnings: Bilingual[] = [];
  let layers: Layer[] = [];
  let document: ProjectDocument | null = null;
  for (const read of reads) {
    if (read.kind === 'project') {
      document = read.document;
      continue;
    }
    refuseProblems(read);
    warnings.push(...read.result.info.warnings);
    const fromCrs = options.epsg;
    layers.push(...read.result.layers.map((l) => (fromCrs ? { ...l, epsg: fromCrs } : l)));
  }
  if (toProject || ((profile || mapping) && !document)) {
    // Through the heritage schema: every feature must be a valid zone, or nothing is written.
    const source = reads[0]?.fileName ?? '';
    const imported = layerToImport(
      layers.map((layer) => ({ layer, problems: [] })),
      source,
      options,
    );
    if (imported.rejected.length) throw new FormatError(source, imported.rejected);
    const gkZone = options.gkZone ?? 28;
    document = {
      settings: { name: baseName(output), xzqdm: '', gkZone, ...(document?.settings ?? {}) },
      objects: imported.document.objects,
      zones: imported.document.zones,
    };
    layers = [];
  }
  if (toProject) {
    const bytes = await writeProjectFile(document!, { generator: 'hzw' }, (f) => progress(0.5 + f / 2));
    return { files: [{ name: `${baseName(output)}.hzw`, bytes }], renamed: [], warnings };
  }
  if (document) layers = [documentToLayer(document, { profile: profile ?? 'full' }).layer];
  const target = targetEpsg(format!, epsgOption(o.toCrs, '--to-crs'), layers);
  const projected = layers.map((layer) => {
    if (layer.epsg === null)
      throw new FormatError(files[0]?.name ?? '', [
        fileProblem('crs', {
          zh: `图层 ${layer.name} 未声明坐标系：请用 --from-crs 指定`,
          en: `Layer ${layer.name} declares no CRS: give it with --from-crs`,
        }),
      ]);
    const moved = target.layerEpsg === layer.epsg ? layer : transformLayer(layer, target.layerEpsg);
    // RFC 7946 GeoJSON: 7 decimals (≈ 1 cm), like GDAL's RFC7946=YES.
    return format === 'geojson' && isLonLat(target.layerEpsg) ? roundLayer(moved, 7) : moved;
  });
  const encoding = o.outEncoding === 'gbk' || o.outEncoding === 'utf-8' ? o.outEncoding : undefined;
  if (o.outEncoding && !encoding) throw new UsageError('--out-encoding: gbk or utf-8');
  const written = await writeLayers(
    projected,
    format!,
    {
      baseName: baseName(output),
      epsg: target.writerEpsg,
      ...(encoding ? { encoding } : {}),
      zip: /\.zip$/i.test(output),
    },
    (f) => progress(0.5 + f / 2),
  );
  return {
    files: written.files,
    renamed: written.renamedFields,
    warnings: [...warnings, ...written.warnings],
  };
}

/**
 * The CRS layers are brought to (layerEpsg) and the one the writer is told (writerEpsg):
 * GeoJSON and KML lon/lat (RFC 7946 → EPSG:4326); coordinate tables take lon/lat and project
 * into a 3° zone themselves; other formats keep the source CRS unless --to-crs.
 */
function targetEpsg(
  format: string,
  toCrs: number | undefined,
  layers: readonly Layer[],
): { layerEpsg: number; writerEpsg: number } {
  const source = layers[0]?.epsg ?? 4326;
  if (format === 'geojson' || format === 'kml' || format === 'kmz') {
    if (toCrs !== undefined && !isLonLat(toCrs) && format !== 'geojson')
      throw new UsageError(`${format.toUpperCase()} is always lon/lat`);
    const epsg = toCrs ?? 4326;
    return { layerEpsg: epsg, writerEpsg: epsg };
  }
  if (format === 'coordinate-txt' || format === 'csv' || format === 'xlsx') {
    const gk = toCrs ?? (gaussKrugerCrs(source)?.width === 3 ? source : undefined);
    if (gk === undefined)
      throw new UsageError('coordinate tables need --to-crs with a CGCS2000 3° zone (EPSG:4513–4554)');
    return { layerEpsg: 4490, writerEpsg: gk };
  }
  const epsg = toCrs ?? source;
  return { layerEpsg: epsg, writerEpsg: epsg };
}
