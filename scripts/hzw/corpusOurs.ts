import type { CrsDef } from '../../shared/crs/crsDef';
import type { AxisOrder } from '../../shared/crs/evidence';
import { resolveLayer } from '../../shared/crs/placeLayer';
import type { InputProblem } from '../../shared/formats/formatError';
import type { Layer, LayerGeometry } from '../../shared/formats/layer';
import { readFiles } from '../../shared/formats/registry';
import type { CliOptions } from './args';
import { convert } from './commands';
import { info, type InfoLayer } from './info';
import { crsChoiceOf } from './crsOptions';
import { inputFiles } from './inputFiles';

/**
 * Our reading of a corpus file, exactly as `hzw` does it: the file and its sidecars gathered by
 * `inputFiles`, then `info` (what `hzw info` prints), `readFiles` (the features behind it, as the
 * reader gives them), the CRS resolver's decision with the entry's choices (resolveLayer, as
 * `hzw convert` places the layer), and `convert` to RFC 7946 GeoJSON (what `hzw convert
 * x.geojson` writes).
 */
export interface OursLayer {
  info: InfoLayer;
  /** The layer as the reader gives it: positions as the file holds them. */
  layer: Layer;
  /** The coordinate system the resolver decided, null when it could not. */
  crs: CrsDef | null;
  /** 'ne' when the resolver reads the positions X = north first (and swaps them on convert). */
  axisOrder: AxisOrder;
}

export type OursRead =
  | {
      ok: true;
      layers: OursLayer[];
      problems: InputProblem[];
    }
  | { ok: false; error: string };

export interface LonLatFeature {
  geometry: LayerGeometry | null;
  properties: Record<string, unknown>;
}

export type OursConverted = { ok: true; layers: Map<string, LonLatFeature[]> } | { ok: false; error: string };

const quiet = () => {};
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function readOurs(path: string, cli: CliOptions): Promise<OursRead> {
  const files = await inputFiles(path);
  try {
    const reports = await info(files, cli, quiet);
    const reads = await readFiles(files, cli.encoding ? { encoding: cli.encoding } : {}, quiet);
    const choice = crsChoiceOf(cli);
    const infos = reports.flatMap((r) => r.layers);
    const layers: OursLayer[] = [];
    const problems: InputProblem[] = [];
    for (const read of reads) {
      if (read.kind !== 'layers') continue;
      problems.push(...read.result.problems);
      for (const layer of read.result.layers) {
        const { crs, axisOrder } = resolveLayer(layer, choice).resolution;
        layers.push({ layer, crs, axisOrder, info: infos[layers.length]! });
      }
    }
    return { ok: true, layers, problems };
  } catch (error) {
    return { ok: false, error: message(error) };
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
