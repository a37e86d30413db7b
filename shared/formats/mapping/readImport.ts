import { suggestZoneTypeForCadLayer } from '../dxf/cadLayers';
import { FormatError, type InputProblem } from '../formatError';
import { CrsRefusal } from './crsOfLayer';
import type { CrsInfo, Layer, NamedBytes, Properties, ReadOptions } from '../layer';
import { readFiles, type FileRead } from '../registry';
import { layerToImport, type SourceLayer } from './layerToImport';
import type {
  ImportOptions,
  ImportResult,
  LayerMapping,
  LayerSummary,
  ReadImportInput,
  ReadImportOutput,
  ProfileId,
} from './types';

const PREVIEW_ROWS = 20;

function summary(layer: Layer, format: string, info: LayerSummary['info']): LayerSummary {
  const geometryTypes: Record<string, number> = {};
  const cad = new Map<string, number>();
  for (const f of layer.features) {
    const type = f.geometry?.type ?? 'null';
    geometryTypes[type] = (geometryTypes[type] ?? 0) + 1;
    const cadLayer = Object.hasOwn(f.properties, 'layer') ? f.properties.layer : undefined;
    if (typeof cadLayer === 'string') cad.set(cadLayer, (cad.get(cadLayer) ?? 0) + 1);
  }
  return {
    name: layer.name,
    format,
    epsg: layer.epsg,
    count: layer.features.length,
    fields: layer.fields,
    geometryTypes,
    ...(cad.size
      ? {
          cadLayers: [...cad].map(([name, count]) => ({
            name,
            count,
            suggested: suggestZoneTypeForCadLayer(name),
          })),
        }
      : {}),
    info: { ...info, warnings: [...info.warnings] },
  };
}

/** Report the decided CRS on the layer's summary, so the dialog's picker shows it and why. */
function setCrs(summary: LayerSummary | undefined, crs: CrsInfo | null): void {
  if (!summary || !crs) return;
  summary.epsg = crs.epsg;
  summary.info.crs = crs;
}

/** A project file as an import: its whole document, nothing refused. */
function projectImport(read: Extract<FileRead, { kind: 'project' }>): ImportResult {
  const { settings, objects, zones } = read.document;
  return { document: { settings, objects, zones }, rejected: [], total: zones.length };
}

function merge(results: ImportResult[]): ImportResult {
  return {
    document: {
      objects: results.flatMap((r) => r.document.objects),
      zones: results.flatMap((r) => r.document.zones),
      settings: results.find((r) => r.document.settings)?.document.settings ?? null,
    },
    rejected: results.flatMap((r) => r.rejected),
    total: results.reduce((n, r) => n + r.total, 0),
    ...mappedProperties(results),
  };
}

/** Properties any result took from its file; absent when one result supplies every property. */
function mappedProperties(results: ImportResult[]): Pick<ImportResult, 'mappedProperties'> {
  if (results.some((r) => !r.mappedProperties)) return {};
  return { mappedProperties: [...new Set(results.flatMap((r) => r.mappedProperties!))] };
}

/**
 * The `readImport` job: read any supported input, summarise its layers for the import dialog,
 * and map it into the heritage schema. A damaged file throws FormatError; a file that needs a
 * choice (its CRS) comes back with `refused` and an empty result.
 */
export async function readImport(
  input: ReadImportInput,
  progress: (f: number) => void = () => {},
): Promise<ReadImportOutput> {
  const reads = await parseImport(input.files, input.options, (f) => progress(f * 0.6));
  return mapImport(reads, input.options, (f) => progress(0.6 + f * 0.4));
}

/**
 * The parsing half of readImport: the files as their readers return them. Of the options only
 * the attribute encoding matters here; an import session keeps the result and maps it again when
 * the planner changes anything else (CRS, axis order, datum shift, field and value mapping).
 */
export function parseImport(
  files: readonly NamedBytes[],
  options: ImportOptions,
  progress: (f: number) => void = () => {},
): Promise<FileRead[]> {
  const readOptions: ReadOptions & Record<string, unknown> = { ...options };
  return readFiles(files, readOptions, progress);
}

/**
 * The mapping half of readImport: parsed files → layer summaries, preview rows and the import
 * into the heritage schema. It leaves `reads` as it found them, so it can run again on them.
 */
export function mapImport(
  reads: readonly FileRead[],
  o: ImportOptions,
  progress: (f: number) => void = () => {},
): ReadImportOutput {
  const layers: LayerSummary[] = [];
  const preview: ReadImportOutput['preview'] = [];
  const results: ImportResult[] = [];
  const refused: InputProblem[] = [];
  const mappings: LayerMapping[] = [];
  let profile: ProfileId | null = null;
  for (const read of reads) {
    if (read.kind === 'project') {
      results.push(projectImport(read));
      continue;
    }
    const wanted = read.result.layers.filter((l) => !o.layers || o.layers.includes(l.name));
    const first = layers.length;
    for (const layer of wanted) {
      layers.push(summary(layer, read.format, read.result.info));
      const rows: Properties[] = layer.features.slice(0, PREVIEW_ROWS).map((f) => f.properties);
      preview.push({ layer: layer.name, rows });
    }
    const single = read.result.layers.length === 1;
    const sources: SourceLayer[] = wanted.map((layer) => ({
      layer,
      // Adapter problems name their layer when a file has several; a one-layer file owns them all.
      problems: read.result.problems.filter((p) => single || (p as { layer?: string }).layer === layer.name),
    }));
    try {
      const imported = layerToImport(sources, read.fileName, o, progress);
      imported.warnings.forEach((w, i) => layers[first + i]?.info.warnings.push(...w));
      imported.crs.forEach((crs, i) => setCrs(layers[first + i], crs));
      profile ??= imported.profiles[0] ?? null;
      mappings.push(...imported.mappings);
      results.push({
        document: imported.document,
        rejected: imported.rejected,
        total: imported.total,
        mappedProperties: imported.mappedProperties ?? [],
      });
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      if (error instanceof CrsRefusal) {
        const index = layers.findIndex((l, i) => i >= first && l.name === error.layer);
        setCrs(layers[index >= 0 ? index : first], error.crs);
      }
      for (const problem of error.problems) refused.push(problem);
    }
  }
  progress(1);
  const empty: ImportResult = {
    document: { objects: [], zones: [], settings: null },
    rejected: [],
    total: 0,
  };
  return {
    info: layers.map((l) => l.info),
    layers,
    preview,
    result: refused.length ? { ...empty, total: merge(results).total } : merge(results),
    profile: profile ?? 'full',
    mappings,
    ...(refused.length ? { refused } : {}),
  };
}
