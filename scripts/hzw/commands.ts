import { crsDefOfEpsg } from '../../shared/crs/crsDef';
import type { DatumShift } from '../../shared/crs/datumShift';
import { DATUMS } from '../../shared/crs/datums';
import { resolveLayer } from '../../shared/crs/placeLayer';
import {
  DatumShiftRequiredError,
  datumShiftNote,
  isLonLat,
  layerCrs,
  parseEpsg,
  roundLayer,
  transformLayer,
  UnknownCrsError,
} from '../../shared/crs/transformLayer';
import type { Bilingual } from '../../shared/domain/labels';
import { coordinateProblems } from '../../shared/formats/finiteCoordinates';
import { FormatError, fileProblem } from '../../shared/formats/formatError';
import type { Layer, NamedBytes, Progress } from '../../shared/formats/layer';
import { layerToImport } from '../../shared/formats/mapping/layerToImport';
import type { ImportOptions, ProfileId, RenamedField } from '../../shared/formats/mapping/types';
import { exportFormatForFileName, writeLayers } from '../../shared/formats/mapping/writeLayers';
import { readFiles, type FileRead } from '../../shared/formats/registry';
import { writeProjectFile } from '../../shared/formats/projectFile';
import type { ProjectDocument } from '../../shared/formats/projectDocument';
import { gaussKrugerCrs } from '../../shared/crs/definitions';
import type { CliOptions } from './args';
import { UsageError } from './args';
import { crsChoiceOf, datumShiftOf, importOptions, placeOrRefuse, readOptions } from './crsOptions';
import { exportDocument } from './exportDocument';
import { mappingOptions } from './mappingOption';
import { convertStreamed, streamable, type PlainConversion } from './streamConvert';
import { fileSource, inputFiles } from './inputFiles';

const PROFILES: readonly ProfileId[] = ['full', 'generic', 'lswhbhx', 'zxcqcszx'];

function epsgOption(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const epsg = parseEpsg(value);
  if (epsg === null) throw new UsageError(`${option}: not an EPSG code: ${value}`);
  return epsg;
}

/** Every problem of the input as one refusal: `hzw convert` writes complete output or nothing. */
function refuseProblems(read: Extract<FileRead, { kind: 'layers' }>): void {
  if (read.result.problems.length) throw new FormatError(read.fileName, read.result.problems);
}

function outEncoding(o: CliOptions): 'gbk' | 'utf-8' | undefined {
  const encoding = o.outEncoding === 'gbk' || o.outEncoding === 'utf-8' ? o.outEncoding : undefined;
  if (o.outEncoding && !encoding) throw new UsageError('--out-encoding: gbk or utf-8');
  return encoding;
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
  const options: ImportOptions = { ...importOptions(o), ...mapping };
  const choice = crsChoiceOf(o);
  const reads = await readFiles(files, readOptions(o), (f) => progress(f * 0.5));
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
    layers.push(...read.result.layers);
  }
  // Binary formats keep the source CRS when the layers go through a profile (as without one), unless
  // it is an old datum: the zones are CGCS2000 by then.
  const sourceCrs = layers[0] ? resolveLayer(layers[0], choice).resolution.crs : null;
  const sourceEpsg =
    sourceCrs && DATUMS[sourceCrs.datum].compatible ? (sourceCrs.epsg ?? undefined) : undefined;
  const keepCrs = !document && (format === 'shapefile' || format === 'geopackage') ? sourceEpsg : undefined;
  if (toProject || ((profile || mapping) && !document)) {
    // Through the heritage schema: every feature must be a valid zone, or nothing is written.
    const source = reads[0]?.fileName ?? '';
    const imported = layerToImport(
      layers.map((layer) => ({ layer, problems: [] })),
      source,
      options,
    );
    if (imported.rejected.length) throw new FormatError(source, imported.rejected);
    warnings.push(...imported.warnings.flat());
    const gkZone = options.gkZone ?? 28;
    document = {
      settings: { name: baseName(output), xzqdm: '', gkZone, ...(document?.settings ?? {}) },
      objects: imported.document.objects,
      zones: imported.document.zones,
    };
    layers = [];
  } else {
    const source = reads[0]?.fileName ?? files[0]?.name ?? '';
    layers = layers.map((layer) => {
      const placed = placeOrRefuse(layer, source, choice);
      warnings.push(...placed.warnings);
      return placed.layer;
    });
  }
  if (toProject) {
    const bytes = await writeProjectFile(document!, { generator: 'hzw' }, (f) => progress(0.5 + f / 2));
    return { files: [{ name: `${baseName(output)}.hzw`, bytes }], renamed: [], warnings };
  }
  const encoding = outEncoding(o);
  if (document) {
    const written = await exportDocument(
      document,
      {
        format: format!,
        ...(profile ? { profile } : {}),
        ...(o.toCrs !== undefined
          ? { toCrs: epsgOption(o.toCrs, '--to-crs')! }
          : keepCrs !== undefined
            ? { toCrs: keepCrs }
            : {}),
        ...(encoding ? { encoding } : {}),
        baseName: baseName(output),
        zip: /\.zip$/i.test(output),
        strict: o.strict === true,
      },
      (f) => progress(0.5 + f / 2),
    );
    return { ...written, warnings: [...warnings, ...written.warnings] };
  }
  const target = targetEpsg(format!, epsgOption(o.toCrs, '--to-crs'), layers);
  const datumShift = datumShiftOf(o);
  const projected = layers.map((layer) => {
    const moved = sameSystem(layer, target.layerEpsg)
      ? layer
      : moveLayer(layer, target.layerEpsg, datumShift, files[0]?.name ?? '', warnings);
    // RFC 7946 GeoJSON: 7 decimals (≈ 1 cm), like GDAL's RFC7946=YES.
    return format === 'geojson' && isLonLat(target.layerEpsg) ? roundLayer(moved, 7) : moved;
  });
  // A reprojection can leave the plane (a latitude of 90° in a Gauss-Krüger zone): refuse, never write null.
  const outside = coordinateProblems(projected);
  if (outside.length) throw new FormatError(files[0]?.name ?? '', outside);
  const written = await writeLayers(
    projected,
    format!,
    {
      baseName: baseName(output),
      epsg: target.writerEpsg,
      ...(encoding ? { encoding } : {}),
      zip: /\.zip$/i.test(output),
      // Attributes travel as they are: text past the .dbf's 254 bytes goes to <base>_long.csv.
      longText: 'sidecar',
    },
    (f) => progress(0.5 + f / 2),
  );
  return {
    files: written.files,
    renamed: written.renamedFields,
    warnings: [...warnings, ...written.warnings],
  };
}

const sameSystem = (layer: Layer, epsg: number) => layer.epsg === epsg && !layer.crs;

/**
 * `hzw convert` of a file on disk: a large GeoJSON going to shapefiles in chunks, never whole in
 * memory (streamConvert.ts); anything else read whole and converted by `convert`.
 */
export async function convertFile(
  path: string,
  output: string,
  o: CliOptions,
  progress: Progress,
): Promise<ConvertResult> {
  if (streamable(path, output, o)) {
    const source = await fileSource(path);
    try {
      const plain = plainConversion(o, output, source.name);
      const streamed = await convertStreamed(source, output, o, plain, progress);
      if (streamed) return streamed;
    } finally {
      await source.close();
    }
  }
  return convert(await inputFiles(path), output, o, progress);
}

/** The plain path's CRS steps, as convert takes them, for a chunked conversion. */
export function plainConversion(o: CliOptions, output: string, source: string): PlainConversion {
  const choice = crsChoiceOf(o);
  const format = exportFormatForFileName(output)!;
  const toCrs = epsgOption(o.toCrs, '--to-crs');
  const datumShift = datumShiftOf(o);
  const encoding = outEncoding(o);
  return {
    place: (layer) => placeOrRefuse(layer, source, choice),
    target: (layer) => targetEpsg(format, toCrs, [layer]).layerEpsg,
    move: (layer, epsg, warnings) =>
      sameSystem(layer, epsg) ? layer : moveLayer(layer, epsg, datumShift, source, warnings),
    ...(encoding ? { encoding } : {}),
    baseName: baseName(output),
  };
}

/** Reproject a layer; a change of datum needs --datum-shift, and says what it did. */
function moveLayer(
  layer: Layer,
  epsg: number,
  datumShift: DatumShift | undefined,
  file: string,
  warnings: Bilingual[],
): Layer {
  try {
    const from = layerCrs(layer)!;
    const to = crsDefOfEpsg(epsg);
    if (!to) throw new UnknownCrsError(epsg);
    const note = datumShiftNote(from, to, datumShift);
    if (note) warnings.push(note);
    return transformLayer(layer, to, datumShift ? { datumShift } : {});
  } catch (error) {
    if (error instanceof DatumShiftRequiredError)
      throw new FormatError(file, [
        fileProblem('crs', {
          zh: `${error.reason.zh}（用 --datum-shift none 或 --datum-shift dx,dy,dz,rx,ry,rz,ds）`,
          en: `${error.reason.en} (give --datum-shift none or --datum-shift dx,dy,dz,rx,ry,rz,ds)`,
        }),
      ]);
    if (error instanceof UnknownCrsError) throw new FormatError(file, [fileProblem('crs', error.reason)]);
    throw error;
  }
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
