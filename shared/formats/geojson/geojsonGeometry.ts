import type { Bilingual } from '../../domain/labels';
import { isFinitePosition } from '../finiteCoordinates';
import type { Coordinates, LayerGeometry } from '../layer';

/**
 * A GeoJSON geometry object checked and turned into a layer geometry. The structure is the
 * reader's to check (every position a list of finite numbers, nested as its type says), so a
 * malformed geometry is a problem named by its real fault, never a crash further on; whether the
 * shape makes a valid zone (closed rings, no self-intersection) is the mapping's to say.
 * Empty coordinate lists mean no geometry (RFC 7946 §3.1) and empty parts are left out. A
 * GeometryCollection becomes the Multi type of its parts: polygons win, then lines (as KML's
 * MultiGeometry does), and parts of the other kinds are counted as dropped.
 */
export type GeometryRead = { geometry: LayerGeometry | null; dropped: number } | { problem: Bilingual };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class Fault extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

/** A value as the file wrote it, shortened; numbers JSON cannot hold (1e400 → Infinity) by name. */
const shown = (v: unknown) => {
  const marked = JSON.stringify(v, (_, x: unknown) =>
    typeof x === 'number' && !Number.isFinite(x) ? `\u0000${x}` : x,
  );
  const text = marked?.replace(/"\\u0000([^"]*)"/g, '$1') ?? String(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

/** Where a value sits in `coordinates`, counted from 1 as a planner counts ("2.1": part 2, item 1). */
const at = (path: number[]) => (path.length ? ` ${path.map((i) => i + 1).join('.')}` : '');

function list(v: unknown, path: number[]): unknown[] {
  if (Array.isArray(v)) return v;
  throw new Fault({
    zh: `coordinates${at(path)} 应为数组，实为 ${shown(v)}`,
    en: `coordinates${at(path)} must be an array, not ${shown(v)}`,
  });
}

function position(v: unknown, path: number[]): Coordinates {
  // The parsed array itself when it is [x, y] (the reader owns the parsed text): no copy per vertex.
  if (isFinitePosition(v)) return v.length === 2 ? v : v.slice(0, 3);
  throw new Fault({
    zh: `coordinates${at(path)}：${shown(v)} 不是由有限数字组成的坐标 [x, y]`,
    en: `coordinates${at(path)}: ${shown(v)} is not a position [x, y] of finite numbers`,
  });
}

/** The positions of a list; the path of one (an array per vertex) is made only for a fault. */
const positions = (v: unknown, path: number[]) =>
  list(v, path).map((p, i) => (isFinitePosition(p) && p.length === 2 ? p : position(p, [...path, i])));

const nonEmpty = <T>(items: T[][]) => items.filter((item) => item.length > 0);

/** A polygon's rings; none when its outer ring is empty. */
function rings(v: unknown, path: number[]): Coordinates[][] {
  const all = list(v, path).map((r, i) => positions(r, [...path, i]));
  return all[0]?.length ? nonEmpty(all) : [];
}

interface Parts {
  polygons: Coordinates[][][];
  lines: Coordinates[][];
  points: Coordinates[];
}

/** The parts one simple geometry adds. */
function addParts(parts: Parts, type: string, c: unknown): void {
  switch (type) {
    case 'Point': {
      const p = list(c, []);
      if (p.length) parts.points.push(position(p, []));
      return;
    }
    case 'MultiPoint':
      parts.points.push(...positions(c, []));
      return;
    case 'LineString':
      parts.lines.push(...nonEmpty([positions(c, [])]));
      return;
    case 'MultiLineString':
      parts.lines.push(...nonEmpty(list(c, []).map((l, i) => positions(l, [i]))));
      return;
    case 'Polygon':
      parts.polygons.push(...nonEmpty([rings(c, [])]));
      return;
    case 'MultiPolygon':
      parts.polygons.push(...nonEmpty(list(c, []).map((p, i) => rings(p, [i]))));
      return;
    default:
      throw new Fault({
        zh: `${shown(type)} 不是 GeoJSON 几何类型`,
        en: `${shown(type)} is not a GeoJSON geometry type`,
      });
  }
}

/** Every part of a geometry, GeometryCollection members walked in order with an explicit stack. */
function collect(root: unknown): Parts {
  const parts: Parts = { polygons: [], lines: [], points: [] };
  const stack: { value: unknown; member: number[] }[] = [{ value: root, member: [] }];
  while (stack.length) {
    const { value, member } = stack.pop()!;
    const label = member.map((i) => i + 1).join('.');
    try {
      if (!isObject(value))
        throw new Fault({ zh: `几何对象为 ${shown(value)}`, en: `the geometry is ${shown(value)}` });
      if (value.type !== 'GeometryCollection') addParts(parts, String(value.type), value.coordinates);
      else if (!Array.isArray(value.geometries))
        throw new Fault({
          zh: `geometries 应为数组，实为 ${shown(value.geometries)}`,
          en: `geometries must be an array, not ${shown(value.geometries)}`,
        });
      else
        for (let i = value.geometries.length - 1; i >= 0; i--)
          stack.push({ value: value.geometries[i], member: [...member, i] });
    } catch (error) {
      if (!(error instanceof Fault) || !label) throw error;
      throw new Fault({
        zh: `第 ${label} 个成员：${error.reason.zh}`,
        en: `member ${label}: ${error.reason.en}`,
      });
    }
  }
  return parts;
}

function shape(parts: Parts, type: string): { geometry: LayerGeometry | null; dropped: number } {
  const { polygons, lines, points } = parts;
  const multi = type !== 'Point' && type !== 'LineString' && type !== 'Polygon';
  if (polygons.length) {
    const geometry: LayerGeometry = multi
      ? { type: 'MultiPolygon', coordinates: polygons }
      : { type: 'Polygon', coordinates: polygons[0]! };
    return { geometry, dropped: lines.length + points.length };
  }
  if (lines.length) {
    const geometry: LayerGeometry = multi
      ? { type: 'MultiLineString', coordinates: lines }
      : { type: 'LineString', coordinates: lines[0]! };
    return { geometry, dropped: points.length };
  }
  if (points.length) {
    const geometry: LayerGeometry = multi
      ? { type: 'MultiPoint', coordinates: points }
      : { type: 'Point', coordinates: points[0]! };
    return { geometry, dropped: 0 };
  }
  return { geometry: null, dropped: 0 };
}

/** A feature's `geometry` member, or a bare geometry (null or absent: no geometry). */
export function readGeometry(value: unknown): GeometryRead {
  if (value === null || value === undefined) return { geometry: null, dropped: 0 };
  try {
    return shape(collect(value), String((value as Json).type));
  } catch (error) {
    if (error instanceof Fault) return { problem: error.reason };
    throw error;
  }
}

/** GeoJSON's geometry types: a root of one of these is a bare geometry (RFC 7946 §2). */
export const isGeometryType = (type: unknown): boolean =>
  typeof type === 'string' &&
  [
    'Point',
    'MultiPoint',
    'LineString',
    'MultiLineString',
    'Polygon',
    'MultiPolygon',
    'GeometryCollection',
  ].includes(type);
