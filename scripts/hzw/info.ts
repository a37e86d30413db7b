import { crsName } from '../../shared/crs/definitions';
import { crsInfoOf, resolveLayer } from '../../shared/crs/placeLayer';
import type { Bilingual } from '../../shared/domain/labels';
import type { CrsInfo, Layer, NamedBytes, Progress } from '../../shared/formats/layer';
import { documentToLayer } from '../../shared/formats/mapping/documentToLayer';
import { layerToImport } from '../../shared/formats/mapping/layerToImport';
import { readFiles } from '../../shared/formats/registry';
import type { CliOptions } from './args';
import { crsChoiceOf, importOptions, readOptions } from './crsOptions';
import { mappingLines, mappingOptions, type MappingReport } from './mappingOption';

/** `hzw info`: what each input holds, how its CRS was decided, and with --mapping what it would import. */
export interface InfoLayer {
  name: string;
  epsg: number | null;
  crs: string;
  count: number;
  geometryTypes: Record<string, number>;
  fields: { name: string; type: string }[];
  /** How the CRS was decided (shared/crs/resolveCrs.ts) and why, line by line. */
  crsSource: string | null;
  crsReasons: string[];
  axisOrder?: string;
  datum?: string;
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

function layerInfo(layer: Layer, crs: CrsInfo | null): InfoLayer {
  const geometryTypes: Record<string, number> = {};
  for (const f of layer.features)
    geometryTypes[f.geometry?.type ?? 'null'] = (geometryTypes[f.geometry?.type ?? 'null'] ?? 0) + 1;
  return {
    name: layer.name,
    epsg: crs?.epsg ?? layer.epsg,
    crs: crs?.name && crs.epsg === null ? crs.name.en : crsText(crs?.epsg ?? layer.epsg),
    crsSource: crs?.source ?? null,
    crsReasons: (crs?.reasons ?? []).map((r) => r.en),
    ...(crs?.axisOrder ? { axisOrder: crs.axisOrder } : {}),
    ...(crs?.datum ? { datum: crs.datum } : {}),
    count: layer.features.length,
    geometryTypes,
    fields: layer.fields.map((f) => ({ name: f.name, type: f.type })),
  };
}

export async function info(files: NamedBytes[], o: CliOptions, progress: Progress): Promise<InfoReport[]> {
  const mapping = await mappingOptions(o.mapping);
  const reads = await readFiles(files, readOptions(o), progress);
  const choice = crsChoiceOf(o);
  return reads.map((read) => {
    if (read.kind === 'project') {
      const { layer } = documentToLayer(read.document, { profile: 'full' });
      return {
        file: read.fileName,
        format: 'project (.hzw)',
        encoding: 'utf-8',
        crsSource: 'fixed',
        layers: [layerInfo(layer, null)],
        refused: 0,
        warnings: [],
      };
    }
    const i = read.result.info;
    const warnings = [...i.warnings];
    const layers = read.result.layers.map((layer) => {
      const { resolution } = resolveLayer(layer, choice);
      warnings.push(...resolution.warnings);
      if (resolution.refusal) warnings.push(resolution.refusal);
      return layerInfo(layer, crsInfoOf(resolution));
    });
    const report: InfoReport = {
      file: read.fileName,
      format: i.format,
      encoding: i.encoding ? `${i.encoding.used} (${i.encoding.source})` : null,
      crsSource: layers[0]?.crsSource ?? null,
      layers,
      refused: read.result.problems.length,
      warnings,
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
      { ...importOptions(o), ...mapping },
    );
    const result = {
      layers: imported.mappings,
      accepted: imported.document.zones.length,
      refused: imported.rejected,
    };
    return { ...report, mapping: result, mappingLines: mappingLines(result) };
  });
}
