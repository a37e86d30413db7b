import type { Bilingual } from '../../domain/labels';
import { withFileBudget, type FileBudget } from '../budgets';
import { FormatError, fileProblem } from '../formatError';
import type { Coordinates, LayerGeometry } from '../layer';
import { assemblePolygon } from './polygonRings';
import { locateRecords, SHAPE_TYPES } from './shpRecords';

/**
 * The geometry file (.shp) of a Shapefile, per the ESRI technical description (1998): a 100-byte
 * header, then records of big-endian number/length followed by little-endian content. Z and M are
 * read past and dropped. Each record is read by its own shape type, as GDAL does (writers that mix
 * points, lines and polygons in one file exist). Every offset is checked against the bytes
 * actually present, so a truncated or lying file yields per-record outcomes, never a read out of
 * bounds.
 *
 * Outcomes, as GDAL reads the same records: shape type 0, no parts or no points → no geometry;
 * coordinates holding ESRI's "no data" value (below −10^38, −Infinity included) or a point of NaN
 * → no geometry with a note (GDAL: an empty point); NaN/∞ inside a line or polygon, counts that do
 * not fit the record → refused with a reason. A MultiPatch (3D surfaces) reads as GDAL reads it:
 * triangle strips and fans as triangles, rings as polygons (outer and first rings start one, the
 * rings after them are its holes), all in plan.
 */
export type ShapeOutcome = { geometry: LayerGeometry | null; note?: Bilingual } | { problem: Bilingual };

export interface ShpContents {
  /** Shape type in the file header (records may differ). */
  headerType: number;
  shapes: ShapeOutcome[];
  /** About the file as a whole (.shx disagreeing, damaged record header). */
  warnings: Bilingual[];
}

export const MAX_SHP_BYTES = 2 ** 31 - 1;

/** Shape type with Z/M folded away: 1 point, 3 line, 5 polygon, 8 multipoint, 31 multipatch. */
const BASE_TYPE: Record<number, number> = {
  1: 1,
  3: 3,
  5: 5,
  8: 8,
  11: 1,
  13: 3,
  15: 5,
  18: 8,
  21: 1,
  23: 3,
  25: 5,
  28: 8,
  31: 31,
};

/** ESRI: "any floating point number smaller than –10^38 is considered … to represent no data". */
const NO_DATA = -1e38;

const fail = (file: string, zh: string, en: string): never => {
  throw new FormatError(file, [fileProblem('shp', { zh: `${file}：${zh}`, en: `${file}: ${en}` })]);
};

const problem = (zh: string, en: string): ShapeOutcome => ({ problem: { zh, en } });

const NO_DATA_NOTE: Bilingual = {
  zh: '坐标为“无数据”值（小于 −10³⁸），按无几何读取',
  en: 'the coordinates hold the "no data" value (below −10^38); read without geometry',
};
const EMPTY_POINT_NOTE: Bilingual = {
  zh: '点坐标为 NaN（空点），按无几何读取',
  en: 'the point is empty (NaN coordinates); read without geometry',
};
const NOT_FINITE = problem(
  '坐标不是有限数（NaN 或无穷大）',
  'a coordinate is not a finite number (NaN or infinity)',
);

/** What the X/Y values of `count` points starting at `at` hold. */
function scanPoints(view: DataView, at: number, count: number): 'ok' | 'noData' | 'notFinite' {
  let notFinite = false;
  for (let i = 0; i < count * 2; i++) {
    const v = view.getFloat64(at + i * 8, true);
    if (v < NO_DATA) return 'noData';
    if (!Number.isFinite(v)) notFinite = true;
  }
  return notFinite ? 'notFinite' : 'ok';
}

function readPoints(view: DataView, at: number, count: number): Coordinates[] {
  const out: Coordinates[] = new Array(count);
  for (let i = 0; i < count; i++)
    out[i] = [view.getFloat64(at + i * 16, true), view.getFloat64(at + i * 16 + 8, true)];
  return out;
}

const closed = (ring: Coordinates[]): Coordinates[] => {
  const [first, last] = [ring[0]!, ring[ring.length - 1]!];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
};

/** MultiPatch part types (ESRI): triangle strip, triangle fan, outer, inner, first and plain ring. */
const STRIP = 0;
const FAN = 1;
const OUTER_RING = 2;
const FIRST_RING = 4;
const RING_TYPES = new Set([2, 3, 4, 5]);

/** The parts of a MultiPatch record as polygons, in the order GDAL gives them. */
function multiPatch(parts: Coordinates[][], types: number[]): ShapeOutcome {
  const polygons: Coordinates[][][] = [];
  let current: Coordinates[][] | null = null;
  for (const [i, p] of parts.entries()) {
    const type = types[i]!;
    if (type === STRIP || type === FAN) {
      current = null;
      for (let j = 0; j + 2 < p.length; j++) {
        const corner = type === STRIP ? p[j]! : p[0]!;
        polygons.push([[corner, p[j + 1]!, p[j + 2]!, corner]]);
      }
    } else if (RING_TYPES.has(type)) {
      if (p.length < 3)
        return problem(`第 ${i + 1} 部分少于 3 个点`, `part ${i + 1} has fewer than 3 points`);
      if (!current || type === OUTER_RING || type === FIRST_RING) polygons.push((current = []));
      current.push(closed(p));
    } else return problem(`第 ${i + 1} 部分的类型 ${type} 未知`, `part ${i + 1} has an unknown type ${type}`);
  }
  return { geometry: polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null };
}

function readShape(view: DataView, at: number, length: number, budget: FileBudget): ShapeOutcome {
  const type = view.getInt32(at, true);
  if (type === 0) return { geometry: null };
  const base = BASE_TYPE[type];
  if (base === undefined) return problem(`未知的形状类型 ${type}`, `unknown shape type ${type}`);
  if (base === 1) {
    if (length < 20) return problem('点记录长度不足', 'the point record is too short');
    // ESRI writes "no data" for a null point; GDAL reads a point of NaN as an empty point.
    const scan = scanPoints(view, at + 4, 1);
    if (scan === 'noData') return { geometry: null, note: NO_DATA_NOTE };
    if (scan === 'notFinite') return { geometry: null, note: EMPTY_POINT_NOTE };
    return { geometry: { type: 'Point', coordinates: readPoints(view, at + 4, 1)[0]! } };
  }
  if (base === 8) {
    if (length < 40) return problem('多点记录长度不足', 'the multipoint record is too short');
    const n = view.getInt32(at + 36, true);
    if (n === 0) return { geometry: null };
    if (n < 0 || 40 + n * 16 > length)
      return problem(`点数 ${n} 与记录长度不符`, `point count ${n} does not fit the record length`);
    const scan = scanPoints(view, at + 40, n);
    if (scan === 'noData') return { geometry: null, note: NO_DATA_NOTE };
    if (scan === 'notFinite') return NOT_FINITE;
    return { geometry: { type: 'MultiPoint', coordinates: readPoints(view, at + 40, n) } };
  }
  if (length < 44) return problem('记录长度不足', 'the record is too short');
  const parts = view.getInt32(at + 36, true);
  const points = view.getInt32(at + 40, true);
  if (parts === 0 || points === 0) return { geometry: null }; // an empty shape, as GDAL reads it
  // A MultiPatch stores a part type after each part's start index.
  const indexBytes = parts * (base === 31 ? 8 : 4);
  if (parts < 0 || points < 0 || 44 + indexBytes + points * 16 > length)
    return problem(
      `部分数 ${parts}、点数 ${points} 与记录长度不符`,
      `${parts} parts and ${points} points do not fit the record length`,
    );
  const pointsAt = at + 44 + indexBytes;
  const ranges: [number, number][] = new Array(parts);
  for (let i = 0; i < parts; i++) {
    const start = view.getInt32(at + 44 + i * 4, true);
    const end = i + 1 < parts ? view.getInt32(at + 48 + i * 4, true) : points;
    if (start < 0 || end > points || end <= start)
      return problem(`第 ${i + 1} 部分的起点索引无效`, `part ${i + 1} has an invalid start index`);
    ranges[i] = [start, end];
  }
  const scan = scanPoints(view, pointsAt, points);
  if (scan === 'noData') return { geometry: null, note: NO_DATA_NOTE };
  if (scan === 'notFinite') return NOT_FINITE;
  if (base === 31)
    return multiPatch(
      ranges.map(([start, end]) => readPoints(view, pointsAt + start * 16, end - start)),
      ranges.map((_, i) => view.getInt32(at + 44 + parts * 4 + i * 4, true)),
    );
  if (base === 5) return assemblePolygon(view, pointsAt, ranges, budget);
  const pieces: Coordinates[][] = [];
  for (const [start, end] of ranges) {
    if (end - start < 2)
      return problem(
        `第 ${pieces.length + 1} 段少于 2 个点`,
        `part ${pieces.length + 1} has fewer than 2 points`,
      );
    pieces.push(readPoints(view, pointsAt + start * 16, end - start));
  }
  return pieces.length === 1
    ? { geometry: { type: 'LineString', coordinates: pieces[0]! } }
    : { geometry: { type: 'MultiLineString', coordinates: pieces } };
}

export function readShp(file: string, bytes: Uint8Array, shx?: Uint8Array): ShpContents {
  if (bytes.length > MAX_SHP_BYTES)
    fail(file, '超过 2 GB，Shapefile 不支持', 'is larger than 2 GB, which Shapefile does not allow');
  if (bytes.length < 100) fail(file, '文件太短，不是 Shapefile', 'is too short to be a shapefile');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== 9994 || view.getInt32(28, true) !== 1000)
    fail(file, '不是 Shapefile（文件头标识不符）', 'is not a shapefile (wrong header code)');
  const headerType = view.getInt32(32, true);
  if (!SHAPE_TYPES.has(headerType))
    fail(file, `未知的形状类型 ${headerType}`, `has an unknown shape type ${headerType}`);
  return withFileBudget(file, (budget) => {
    const layout = locateRecords(file, bytes, shx, budget);
    const shapes = layout.spans.map((span, i): ShapeOutcome => {
      if ('cut' in span)
        return problem(
          `第 ${i + 1} 条记录超出文件末尾（文件被截断）`,
          `record ${i + 1} runs past the end of the file (truncated)`,
        );
      return readShape(view, span.offset + 8, span.length, budget);
    });
    return { headerType, shapes, warnings: layout.warnings };
  });
}
