import type { Bilingual } from '../../domain/labels';
import { FormatError, fileProblem } from '../formatError';
import type { Coordinates, LayerGeometry } from '../layer';
import { assemblePolygon } from './polygonRings';

/**
 * The geometry file (.shp) of a Shapefile, per the ESRI technical description (1998): a 100-byte
 * header, then records of big-endian number/length followed by little-endian content. Z and M are
 * read past and dropped. Every offset is checked against the bytes actually present, so a
 * truncated or lying file yields per-record problems, never a read out of bounds.
 */
export type ShapeOutcome = { geometry: LayerGeometry | null } | { problem: Bilingual };

export interface ShpContents {
  /** Shape type from the header with Z/M folded away: 0 null, 1 point, 3 line, 5 polygon, 8 multipoint. */
  baseType: number;
  shapes: ShapeOutcome[];
}

export const MAX_SHP_BYTES = 2 ** 31 - 1;
const BASE_TYPE: Record<number, number> = {
  0: 0,
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
};

const fail = (file: string, zh: string, en: string): never => {
  throw new FormatError(file, [fileProblem('shp', { zh: `${file}：${zh}`, en: `${file}: ${en}` })]);
};

/** Record offsets from the .shx index, or null when it is absent or does not fit the .shp. */
function indexOffsets(
  shx: Uint8Array | undefined,
  shpLength: number,
): { offset: number; length: number }[] | null {
  if (!shx || shx.length < 100) return null;
  const view = new DataView(shx.buffer, shx.byteOffset, shx.byteLength);
  if (view.getInt32(0, false) !== 9994) return null;
  const count = Math.floor((shx.length - 100) / 8);
  const out: { offset: number; length: number }[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const offset = view.getInt32(100 + i * 8, false) * 2;
    const length = view.getInt32(104 + i * 8, false) * 2;
    if (offset < 100 || length < 0) return null;
    out[i] = { offset, length };
  }
  // An index pointing past a truncated .shp is still used: those records are reported as cut off.
  return out.length && out[0]!.offset === 100 ? out : shpLength === 100 ? [] : null;
}

function readPoints(view: DataView, at: number, count: number): Coordinates[] | null {
  const out: Coordinates[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const x = view.getFloat64(at + i * 16, true);
    const y = view.getFloat64(at + i * 16 + 8, true);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    out[i] = [x, y];
  }
  return out;
}

const problem = (zh: string, en: string): ShapeOutcome => ({ problem: { zh, en } });

function readShape(view: DataView, at: number, length: number, baseType: number): ShapeOutcome {
  if (length < 4) return problem('记录内容为空', 'the record has no content');
  const type = view.getInt32(at, true);
  if (type === 0) return { geometry: null };
  const base = BASE_TYPE[type];
  if (base === undefined || base !== baseType)
    return problem(`形状类型 ${type} 与文件类型不符`, `shape type ${type} does not match the file's type`);
  if (base === 1) {
    if (length < 20) return problem('点记录长度不足', 'the point record is too short');
    const p = readPoints(view, at + 4, 1);
    return p
      ? { geometry: { type: 'Point', coordinates: p[0]! } }
      : problem('坐标不是有限数', 'a coordinate is not a finite number');
  }
  if (base === 8) {
    if (length < 40) return problem('多点记录长度不足', 'the multipoint record is too short');
    const n = view.getInt32(at + 36, true);
    if (n < 1 || 40 + n * 16 > length)
      return problem(`点数 ${n} 与记录长度不符`, `point count ${n} does not fit the record length`);
    const p = readPoints(view, at + 40, n);
    return p
      ? { geometry: { type: 'MultiPoint', coordinates: p } }
      : problem('坐标不是有限数', 'a coordinate is not a finite number');
  }
  if (length < 44) return problem('记录长度不足', 'the record is too short');
  const parts = view.getInt32(at + 36, true);
  const points = view.getInt32(at + 40, true);
  if (parts < 1 || points < 1 || 44 + parts * 4 + points * 16 > length)
    return problem(
      `部分数 ${parts}、点数 ${points} 与记录长度不符`,
      `${parts} parts and ${points} points do not fit the record length`,
    );
  const pointsAt = at + 44 + parts * 4;
  const ranges: [number, number][] = new Array(parts);
  for (let i = 0; i < parts; i++) {
    const start = view.getInt32(at + 44 + i * 4, true);
    const end = i + 1 < parts ? view.getInt32(at + 48 + i * 4, true) : points;
    if (start < 0 || end > points || end <= start)
      return problem(`第 ${i + 1} 部分的起点索引无效`, `part ${i + 1} has an invalid start index`);
    ranges[i] = [start, end];
  }
  if (base === 5) return assemblePolygon(view, pointsAt, ranges);
  const pieces: Coordinates[][] = [];
  for (const [start, end] of ranges) {
    if (end - start < 2)
      return problem(
        `第 ${pieces.length + 1} 段少于 2 个点`,
        `part ${pieces.length + 1} has fewer than 2 points`,
      );
    const piece = readPoints(view, pointsAt + start * 16, end - start);
    if (!piece)
      return problem(
        '坐标不是有限数（NaN 或无穷大）',
        'a coordinate is not a finite number (NaN or infinity)',
      );
    pieces.push(piece);
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
  const baseType = BASE_TYPE[headerType];
  if (baseType === undefined)
    fail(
      file,
      `不支持的形状类型 ${headerType}（如多面体 MultiPatch）`,
      `has unsupported shape type ${headerType} (e.g. MultiPatch)`,
    );
  const declaredEnd = Math.min(view.getInt32(24, false) * 2, bytes.length);
  const end = declaredEnd >= 100 ? declaredEnd : bytes.length;
  const shapes: ShapeOutcome[] = [];
  const cutOff = (n: number) =>
    problem(
      `第 ${n} 条记录超出文件末尾（文件被截断）`,
      `record ${n} runs past the end of the file (truncated)`,
    );
  const index = indexOffsets(shx, bytes.length);
  if (index) {
    for (let i = 0; i < index.length; i++) {
      const { offset, length } = index[i]!;
      if (offset + 8 + length > bytes.length) shapes.push(cutOff(i + 1));
      else
        shapes.push(
          readShape(view, offset + 8, Math.min(length, view.getInt32(offset + 4, false) * 2), baseType!),
        );
    }
    return { baseType: baseType!, shapes };
  }
  // No usable index: walk the records one after another.
  let cut = false;
  for (let at = 100; at + 8 <= end;) {
    const length = view.getInt32(at + 4, false) * 2;
    if (length < 0 || at + 8 + length > bytes.length) {
      cut = true;
      break;
    }
    shapes.push(readShape(view, at + 8, length, baseType!));
    at += 8 + length;
  }
  // The header's file length says more records were there: the file was cut off.
  if (cut || view.getInt32(24, false) * 2 > bytes.length) shapes.push(cutOff(shapes.length + 1));
  return { baseType: baseType!, shapes };
}
