import { parseEpsg } from '../../shared/crs/transformLayer';
import type { Bilingual } from '../../shared/domain/labels';
import type { InputProblem } from '../../shared/formats/formatError';
import type { Layer, LayerGeometry, NamedBytes } from '../../shared/formats/layer';
import { readFiles } from '../../shared/formats/registry';
import { readDbf } from '../../shared/formats/shapefile/dbfRead';
import { decodeText } from '../../shared/formats/text/encoding';
import type { CliOptions } from './args';
import { convert, info, type InfoLayer } from './commands';
import { inputFiles } from './inputFiles';

/**
 * Our reading of a corpus file, exactly as `hzw` does it: the file and its sidecars gathered by
 * `inputFiles`, then `info` (what `hzw info` prints), `readFiles` (the features behind it) and
 * `convert` to RFC 7946 GeoJSON (what `hzw convert x.geojson` writes).
 */
export interface OursLayer {
  info: InfoLayer;
  layer: Layer;
}

export type OursRead =
  | {
      ok: true;
      layers: OursLayer[];
      problems: InputProblem[];
      /** Set when hzw refuses the file and the layers come from the .dbf alone (see readLoneDbf). */
      refusal?: string;
    }
  | { ok: false; error: string };

export interface LonLatFeature {
  geometry: LayerGeometry | null;
  properties: Record<string, unknown>;
}

export type OursConverted = { ok: true; layers: Map<string, LonLatFeature[]> } | { ok: false; error: string };

const quiet = () => {};
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function readOptions(cli: CliOptions) {
  const epsg = cli.fromCrs ? parseEpsg(cli.fromCrs) : null;
  return {
    ...(cli.encoding ? { encoding: cli.encoding } : {}),
    ...(epsg ? { epsg } : {}),
    ...(cli.gkZone ? { gkZone: Number(cli.gkZone) } : {}),
  };
}

/**
 * A .dbf without its .shp, which hzw refuses (a zone needs a geometry): its attributes read by
 * the Shapefile reader's own dBase code, so code pages are still compared with GDAL's.
 */
function readLoneDbf(files: NamedBytes[], cli: CliOptions, refusal: string): OursRead | null {
  const dbf = files.find((f) => /\.dbf$/i.test(f.name));
  if (!dbf || files.some((f) => /\.shp$/i.test(f.name))) return null;
  const cpg = files.find((f) => /\.cpg$/i.test(f.name));
  const warnings: Bilingual[] = [];
  const contents = readDbf(dbf.name, dbf.bytes, {
    ...(cli.encoding ? { encoding: cli.encoding } : {}),
    ...(cpg ? { cpg: decodeText(cpg.bytes, 'utf-8') } : {}),
    warnings,
  });
  const name = dbf.name.replace(/\.dbf$/i, '');
  const features = contents.records.flatMap((r) => (r ? [{ geometry: null, properties: r }] : []));
  const layer: Layer = { name, epsg: null, fields: contents.fields, features };
  const info: InfoLayer = {
    name,
    epsg: null,
    crs: 'unknown',
    count: features.length,
    geometryTypes: { null: features.length },
    fields: contents.fields.map((f) => ({ name: f.name, type: f.type })),
  };
  return { ok: true, layers: [{ layer, info }], problems: [], refusal };
}

export async function readOurs(path: string, cli: CliOptions): Promise<OursRead> {
  const files = await inputFiles(path);
  try {
    const reports = await info(files, cli, quiet);
    const reads = await readFiles(files, readOptions(cli), quiet);
    const infos = reports.flatMap((r) => r.layers);
    const layers: OursLayer[] = [];
    const problems: InputProblem[] = [];
    for (const read of reads) {
      if (read.kind !== 'layers') continue;
      problems.push(...read.result.problems);
      for (const layer of read.result.layers) layers.push({ layer, info: infos[layers.length]! });
    }
    return { ok: true, layers, problems };
  } catch (error) {
    return readLoneDbf(files, cli, message(error)) ?? { ok: false, error: message(error) };
  }
}

/** `hzw convert <file> out.geojson`: lon/lat features per layer name (from each file's `name`). */
export async function convertOurs(path: string, cli: CliOptions): Promise<OursConverted> {
  try {
    const result = await convert(await inputFiles(path), 'converted.geojson', cli, quiet);
    const layers = new Map<string, LonLatFeature[]>();
    for (const file of result.files) {
      const json = JSON.parse(new TextDecoder().decode(file.bytes)) as {
        name?: string;
        features: LonLatFeature[];
      };
      layers.set(json.name ?? file.name, json.features);
    }
    return { ok: true, layers };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}
