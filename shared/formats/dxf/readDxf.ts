import type { Bilingual } from '../../domain/labels';
import { DEFAULT_DEVIATION } from '../../geometry/densify';
import { withFileBudget } from '../budgets';
import type { InputProblem } from '../formatError';
import type { ReadOptions, ReadResult } from '../layer';
import { joinChains } from './dxfChains';
import { drawDocument, drawingContext } from './dxfDrawing';
import { groupDxf } from './dxfEntities';
import { drawingWarnings, toFeatures } from './dxfFeatures';
import { readDxfText } from './dxfText';
import { groupZones } from './dxfZoneGroups';

export { DXF_FIELDS } from './dxfFeatures';

export interface DxfReadOptions extends ReadOptions {
  /** Largest gap between an arc (bulge, CIRCLE, ARC) and its chords, drawing units; default 0.05 m. */
  maxDeviation?: number;
  /** Join LINE/ARC/open-polyline pieces whose ends meet into closed outlines; default true. */
  joinLines?: boolean;
  /** Largest gap between joined ends, drawing units; default 1 mm in the drawing's $INSUNITS (metres when absent). */
  joinTolerance?: number;
}

/** Metres per drawing unit for the $INSUNITS codes survey and design drawings use. */
const UNIT_METRES: Record<number, number> = {
  1: 0.0254,
  2: 0.3048,
  4: 0.001,
  5: 0.01,
  6: 1,
  7: 1000,
  10: 0.9144,
  14: 0.1,
};

export function readDxfBytes(file: string, bytes: Uint8Array, options: DxfReadOptions = {}): ReadResult {
  return withFileBudget(file, () => readDrawing(file, bytes, options));
}

function readDrawing(file: string, bytes: Uint8Array, options: DxfReadOptions): ReadResult {
  const text = readDxfText(file, bytes, options.encoding);
  const doc = groupDxf(text.pairs);
  const ctx = drawingContext(doc, options.maxDeviation ?? DEFAULT_DEVIATION);
  drawDocument(doc.entities, ctx);
  const tolerance = options.joinTolerance ?? 0.001 / (UNIT_METRES[doc.insUnits ?? 6] ?? 1);
  const grouped = groupZones(ctx.drawn);
  const joined =
    options.joinLines === false
      ? { drawn: grouped.drawn, rings: 0, pieces: 0 }
      : joinChains(grouped.drawn, tolerance);
  const { features, fields } = toFeatures(joined.drawn);
  // Refused entities follow the features in the numbering, so every index names one item.
  const problems: InputProblem[] = ctx.problems.map((p, k) => ({
    index: features.length + k,
    field: 'geometry',
    reason: p.reason,
  }));

  // No CRS in a drawing: shared/crs/resolveCrs.ts decides it from the numbers and the planner.
  const warnings: Bilingual[] = [];
  warnings.push(...drawingWarnings(joined.drawn, ctx, joined, grouped.outlines));
  return {
    layers: [{ name: file.replace(/\.dxf$/i, ''), epsg: null, fields, features }],
    problems,
    info: { format: 'dxf', encoding: text.encoding, warnings },
  };
}
