import type { Bilingual } from '../../shared/domain/labels';
import { coordinateProblems } from '../../shared/formats/finiteCoordinates';
import { FormatError, type InputProblem } from '../../shared/formats/formatError';
import type { Layer, Progress } from '../../shared/formats/layer';
import { exportFormatForFileName } from '../../shared/formats/mapping/writeLayers';
import { readFiles } from '../../shared/formats/registry';
import { MAX_JSON_BYTES } from '../../shared/formats/safeJson';
import { NotStreamable, ShapefileStream } from '../../shared/formats/shapefile/writeShapefileStream';
import type { CliOptions } from './args';
import { chunkOf, FeatureScanner } from './featureChunks';
import type { ConvertResult } from './commands';

/** Features read and written per batch: a few MB of JSON, parsed and gone before the next. */
export const CHUNK_FEATURES = 250;

/** The conversion's steps that do not depend on streaming (commands.ts supplies them). */
export interface PlainConversion {
  /** Resolve the layer's CRS (or refuse), with the warnings that explains it. */
  place(layer: Layer): { layer: Layer; warnings: Bilingual[] };
  /** The CRS the output is written in, decided from the first placed batch. */
  target(layer: Layer): number;
  /** Move a placed batch to the target CRS. */
  move(layer: Layer, epsg: number, warnings: Bilingual[]): Layer;
  encoding?: 'gbk' | 'utf-8';
  baseName: string;
}

/** A file read in pieces: its name, its length and any range of its bytes. */
export interface ChunkSource {
  name: string;
  read(start: number, end: number): Promise<Uint8Array>;
  /** Every byte in order, in blocks (for the scan). */
  blocks(): AsyncIterable<Uint8Array>;
}

function addOnce(list: Bilingual[], seen: Set<string>, items: readonly Bilingual[]): void {
  for (const w of items) {
    const key = `${w.zh}\u0000${w.en}`;
    if (seen.has(key)) continue;
    list.push(w);
    seen.add(key);
  }
}

/**
 * `hzw convert` of a GeoJSON FeatureCollection to loose shapefiles, read from the disk
 * CHUNK_FEATURES features at a time: one scan finds where the features lie, then each chunk goes
 * through the same reader, CRS placement and reprojection as the whole file would, its geometry
 * straight into the .shp; only attributes wait for the .dbf. The input is never whole in memory,
 * nor every feature's coordinates as JavaScript arrays (docs/benchmarks.md). The files equal the
 * whole-file conversion's. Null when the input or the options need the whole-file path (any other
 * format or profile, several geometry types, a file the scan cannot split…).
 */
export async function convertStreamed(
  source: ChunkSource,
  output: string,
  o: CliOptions,
  plain: PlainConversion,
  progress: Progress,
): Promise<ConvertResult | null> {
  if (!streamable(source.name, output, o)) return null;
  const scanner = new FeatureScanner();
  for await (const block of source.blocks()) scanner.feed(block);
  const ranges = scanner.ranges();
  if (!ranges || ranges.length > MAX_JSON_BYTES) return null;
  const count = ranges.starts.length;
  const warnings: Bilingual[] = [];
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  // The .shp takes 52 bytes per record and 16 per position, plus 4 per ring; each position and
  // ring opens an array, so this is enough (a little more), and the file is written in one piece.
  const shpCapacity = 100 + count * 52 + ranges.arrays * 20;
  const sink = new ShapefileStream({
    baseName: plain.baseName,
    longText: 'sidecar',
    shpCapacity,
    ...(plain.encoding ? { encoding: plain.encoding } : {}),
  });
  let epsg: number | null = null;
  try {
    for (let from = 0; from < Math.max(1, count); from += CHUNK_FEATURES) {
      const to = Math.min(count, from + CHUNK_FEATURES);
      const bytes = await chunkOf((a, b) => source.read(a, b), ranges, from, to);
      const [read] = await readFiles(
        [{ name: source.name, bytes }],
        o.encoding ? { encoding: o.encoding } : {},
      );
      if (read?.kind !== 'layers' || read.result.layers.length !== 1) return null;
      for (const p of read.result.problems)
        problems.push({ ...p, index: p.index === null ? null : p.index + from });
      addOnce(warnings, seen, read.result.info.warnings);
      if (problems.length) continue;
      const placed = plain.place(read.result.layers[0]!);
      addOnce(warnings, seen, placed.warnings);
      epsg ??= plain.target(placed.layer);
      const moved: Bilingual[] = [];
      const layer = plain.move(placed.layer, epsg, moved);
      const outside = coordinateProblems([layer]);
      if (outside.length)
        throw new FormatError(
          source.name,
          outside.map((p) => ({ ...p, index: p.index === null ? null : p.index + from })),
        );
      sink.add(layer);
      addOnce(warnings, seen, moved);
      progress((0.9 * to) / Math.max(1, count));
    }
  } catch (error) {
    if (error instanceof NotStreamable) return null;
    throw error;
  }
  if (problems.length) throw new FormatError(source.name, problems);
  const written = sink.finish(epsg ?? undefined);
  progress(1);
  return { files: written.files, renamed: written.renamed, warnings: [...warnings, ...written.warnings] };
}

/** Whether a conversion could go through convertStreamed (it may still fall back). */
export function streamable(input: string, output: string, o: CliOptions): boolean {
  if (!/\.(geo)?json$/i.test(input) || /\.zip$/i.test(output)) return false;
  return exportFormatForFileName(output) === 'shapefile' && !o.profile && !o.mapping;
}
