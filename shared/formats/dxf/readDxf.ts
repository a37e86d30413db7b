import type { Bilingual } from '../../domain/labels';
import { guessCrsFromCoordinates } from '../../crs/guessFromCoordinates';
import { crsName } from '../../crs/definitions';
import { DEFAULT_DEVIATION } from '../../geometry/densify';
import type { InputProblem } from '../formatError';
import type { Coordinates, LayerFeature, ReadOptions, ReadResult } from '../layer';
import { measureBlocks } from './dxfBlocks';
import { joinChains } from './dxfChains';
import { drawDocument } from './dxfDrawing';
import { groupDxf } from './dxfEntities';
import { drawingWarnings, toFeatures } from './dxfFeatures';
import type { DrawContext } from './dxfPlacement';
import { readDxfText } from './dxfText';
import { groupZones } from './dxfZoneGroups';

export { DXF_FIELDS } from './dxfFeatures';

export interface DxfReadOptions extends ReadOptions {
  /** Largest gap between an arc (bulge, CIRCLE, ARC) and its chords, drawing units; default 0.05 m. */
  maxDeviation?: number;
  /** The project's Gauss-Krüger zone, for eastings without the zone prefix. */
  gkZone?: number;
  /** Swap X and Y of every coordinate (a drawing in survey X = north order). */
  swapXY?: boolean;
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

function* positionsOf(features: readonly LayerFeature[]): Generator<Coordinates> {
  for (const f of features) {
    const g = f.geometry;
    if (g?.type === 'Polygon') yield* g.coordinates[0]!;
    else if (g?.type === 'MultiPolygon') for (const p of g.coordinates) yield* p[0]!;
    else if (g?.type === 'LineString') yield* g.coordinates;
  }
}

const swap = (c: Coordinates[]): Coordinates[] => c.map(([x, y]) => [y!, x!]);

export function readDxfBytes(file: string, bytes: Uint8Array, options: DxfReadOptions = {}): ReadResult {
  const text = readDxfText(file, bytes, options.encoding);
  const doc = groupDxf(text.pairs);
  const ctx: DrawContext = {
    blocks: doc.blocks,
    sizes: measureBlocks(doc.blocks),
    layerColors: doc.layerColors,
    maxDeviation: options.maxDeviation ?? DEFAULT_DEVIATION,
    drawn: [],
    problems: [],
    unsupported: new Map(),
    annotation: new Map(),
    paperSpace: 0,
    expanded: 0,
    overLimit: 0,
    reportedInBlocks: new Set(),
  };
  drawDocument(doc.entities, ctx);
  const tolerance = options.joinTolerance ?? 0.001 / (UNIT_METRES[doc.insUnits ?? 6] ?? 1);
  const grouped = groupZones(ctx.drawn);
  const joined =
    options.joinLines === false
      ? { drawn: grouped.drawn, rings: 0, pieces: 0 }
      : joinChains(grouped.drawn, tolerance);
  const { features, fields } = toFeatures(joined.drawn);
  for (const { geometry } of features) {
    if (options.swapXY && geometry?.type === 'Point') geometry.coordinates = swap([geometry.coordinates])[0]!;
    if (options.swapXY && geometry?.type === 'Polygon') geometry.coordinates = geometry.coordinates.map(swap);
    if (options.swapXY && geometry?.type === 'MultiPolygon')
      geometry.coordinates = geometry.coordinates.map((p) => p.map(swap));
    if (options.swapXY && geometry?.type === 'LineString') geometry.coordinates = swap(geometry.coordinates);
  }
  // Refused entities follow the features in the numbering, so every index names one item.
  const problems: InputProblem[] = ctx.problems.map((p, k) => ({
    index: features.length + k,
    field: 'geometry',
    reason: p.reason,
  }));

  const warnings: Bilingual[] = [];
  const guess = guessCrsFromCoordinates(positionsOf(features), { gkZone: options.gkZone });
  if (guess.swapped) {
    warnings.push({
      zh: '第一个坐标像北坐标（测量 X=北、Y=东 的顺序）：X/Y 可能颠倒，请选择“交换 X/Y”后重新读取',
      en: 'The first coordinate looks like a northing (survey X = north, Y = east): X/Y are probably swapped; re-read with “swap X/Y”',
    });
  }
  if (guess.epsg === null && guess.candidates.length > 1) {
    warnings.push({
      zh: '东坐标没有带号前缀，无法判断高斯-克吕格带号：请选择带号（项目设置）',
      en: 'The eastings carry no zone prefix, so the Gauss-Krüger zone cannot be told: choose the zone (project settings)',
    });
  }
  warnings.push(...drawingWarnings(joined.drawn, ctx, joined, grouped.outlines));
  const userEpsg = options.epsg;
  const crs = userEpsg
    ? { epsg: userEpsg, source: 'user' as const, note: crsName(userEpsg) ?? guess.note }
    : {
        epsg: guess.epsg,
        source: guess.epsg === null ? ('unknown' as const) : ('magnitude' as const),
        note: guess.note,
      };
  return {
    layers: [{ name: file.replace(/\.dxf$/i, ''), epsg: null, fields, features }],
    problems,
    info: { format: 'dxf', encoding: text.encoding, crs, warnings },
  };
}
