import { arcFromDxf, densifyArc, densifyBulge, type Point } from '../../geometry/densify';
import { decimalNumber } from '../finiteCoordinates';
import { BudgetError } from '../budgets';
import { ellipseShape } from './dxfEllipse';
import { numberOf, type DxfEntity } from './dxfEntities';
import { hatchGeometry } from './dxfHatch';
import { distinctCount, invalid, type EntityShape } from './dxfShape';
import type { Vec3 } from './dxfOcs';
import { splineShape } from './dxfSpline';
import { textShape } from './dxfTextEntities';
import type { DxfPair } from './dxfText';

/**
 * One DXF entity to geometry in its own frame (its OCS for 2D entities, world coordinates for
 * LINE, POINT, 3DFACE, ELLIPSE, SPLINE, MTEXT, 3D polylines; see `frameOf`); the caller maps
 * the result to world coordinates and through any block insertion. Arcs, bulges and curves
 * become chords no farther than `tolerance` from the curve, in the entity's own units.
 * Degenerate entities (radius ≤ 0, zero length, fewer than 3 distinct ring points, values that
 * are not numbers) come back `invalid` with the reason, to be reported and skipped.
 */
const NOT_NUMERIC = invalid('坐标不是数字', 'a coordinate is not numeric');

/** Annotation entities: dimensions, leaders, tolerances (not read, counted). */
const ANNOTATION = new Set([
  'DIMENSION',
  'ARC_DIMENSION',
  'LARGE_RADIAL_DIMENSION',
  'LEADER',
  'MULTILEADER',
  'MLEADER',
  'TOLERANCE',
]);
/** Entities without plan geometry of their own (layout machinery, templates). */
const IGNORED = new Set(['VIEWPORT', 'SEQEND', 'ENDBLK']);

const WCS_TYPES = new Set(['LINE', 'POINT', '3DFACE', 'ELLIPSE', 'SPLINE', 'MTEXT']);

export function frameOf(entity: DxfEntity): 'ocs' | 'wcs' {
  if (WCS_TYPES.has(entity.type)) return 'wcs';
  if (entity.type === 'POLYLINE' && numberOf(entity.pairs, 70) & 8) return 'wcs';
  return 'ocs';
}

const point3 = (pairs: readonly DxfPair[], code: number, z = 0): Vec3 => [
  numberOf(pairs, code, NaN),
  numberOf(pairs, code + 10, NaN),
  numberOf(pairs, code + 20, z),
];
const finite = (...values: number[]) => values.every(Number.isFinite);
const samePoint = (a: Point, b: Point) => a[0] === b[0] && a[1] === b[1];
const lift = (points: Point[], z: number): Vec3[] => points.map(([x, y]) => [x, y, z]);

interface Vertex {
  point: Point;
  bulge: number;
  z: number;
}

function lwVertices(pairs: readonly DxfPair[]): Vertex[] {
  const vertices: Vertex[] = [];
  let x: number | null = null;
  for (const { code, value } of pairs) {
    if (code === 10) x = decimalNumber(value);
    else if (code === 20 && x !== null) {
      vertices.push({ point: [x, decimalNumber(value)], bulge: 0, z: 0 });
      x = null;
    } else if (code === 42 && vertices.length) vertices.at(-1)!.bulge = Number(value);
  }
  return vertices;
}

function polylineVertices(entity: DxfEntity): Vertex[] {
  return entity.vertices
    .filter((v) => (numberOf(v, 70) & (16 | 64 | 128)) === 0) // no spline frame or mesh records
    .map((v) => ({
      point: [numberOf(v, 10, NaN), numberOf(v, 20, NaN)] as Point,
      bulge: numberOf(v, 42),
      z: numberOf(v, 30),
    }));
}

function trace(vertices: Vertex[], closed: boolean, tolerance: number): Point[] {
  const points: Point[] = [];
  const count = closed ? vertices.length : vertices.length - 1;
  for (let i = 0; i < count; i++) {
    const from = vertices[i]!;
    const to = vertices[(i + 1) % vertices.length]!;
    const piece = densifyBulge(from.point, to.point, from.bulge, tolerance);
    points.push(...(points.length ? piece.slice(1) : piece));
  }
  if (closed && points.length && !samePoint(points[0]!, points.at(-1)!)) points.push(points[0]!);
  return points;
}

function polylineShape(
  vertices: Vertex[],
  closedFlag: boolean,
  elevation: number,
  tolerance: number,
  is3d: boolean,
): EntityShape {
  if (vertices.some((v) => !finite(...v.point, v.bulge, v.z))) return NOT_NUMERIC;
  if (is3d) {
    // 3D polylines have no bulges; each vertex keeps its own height.
    const points: Vec3[] = vertices.map((v) => [v.point[0], v.point[1], v.z]);
    const closes = points.length > 2 && samePoint(vertices[0]!.point, vertices.at(-1)!.point);
    if ((closedFlag || closes) && distinctCount(points) >= 3) {
      const ring = closes ? points : [...points, points[0]!];
      return { kind: 'polygon', polygons: [[ring]] };
    }
    if (distinctCount(points) < 2)
      return invalid('多段线少于 2 个不同顶点', 'polyline has fewer than 2 distinct vertices');
    return { kind: 'line', points };
  }
  // A last vertex repeating the first closes the polyline as well as the closed flag does.
  const closesItself = vertices.length > 2 && samePoint(vertices[0]!.point, vertices.at(-1)!.point);
  const ring = closesItself ? vertices.slice(0, -1) : vertices;
  const closed = closedFlag || closesItself;
  const bulged = ring.some((v) => v.bulge !== 0);
  if (closed && (ring.length >= 3 || (ring.length === 2 && bulged))) {
    const points = lift(trace(ring, true, tolerance), elevation);
    if (distinctCount(points) < 3)
      return invalid('闭合多段线少于 3 个不同顶点', 'closed polyline has fewer than 3 distinct vertices');
    return { kind: 'polygon', polygons: [[points]] };
  }
  const points = lift(trace(vertices, false, tolerance), elevation);
  if (distinctCount(points) < 2)
    return invalid('多段线少于 2 个不同顶点', 'polyline has fewer than 2 distinct vertices');
  return { kind: 'line', points };
}

function circleShape(pairs: readonly DxfPair[], tolerance: number, arc: boolean): EntityShape {
  const center = point3(pairs, 10);
  const radius = numberOf(pairs, 40, NaN);
  if (!finite(...center, radius)) return NOT_NUMERIC;
  if (!(radius > 0)) return invalid(`半径 ${radius} 不大于 0`, `radius ${radius} is not greater than 0`);
  const start = arc ? numberOf(pairs, 50) : 0;
  const end = arc ? numberOf(pairs, 51) : 0;
  const points = lift(
    densifyArc(arcFromDxf([center[0], center[1]], radius, start, end), tolerance),
    center[2],
  );
  if (arc) return { kind: 'line', points };
  points[points.length - 1] = points[0]!;
  return { kind: 'polygon', polygons: [[points]] };
}

/** SOLID and TRACE draw corners 1-2-4-3 (a "Z"); 3DFACE 1-2-3-4. A repeated last corner makes a triangle. */
function cornersShape(pairs: readonly DxfPair[], order: number[]): EntityShape {
  const corners = [10, 11, 12, 13].map((code) => point3(pairs, code));
  if (!finite(...corners[3]!)) corners[3] = corners[2]!;
  if (!corners.every((c) => finite(...c))) return NOT_NUMERIC;
  const ring = order.map((i) => corners[i]!);
  const distinct = ring.filter((p, i) => i === 0 || p.some((v, k) => v !== ring[i - 1]![k]));
  if (distinct.length > 1 && distinct.at(-1)!.every((v, k) => v === distinct[0]![k])) distinct.pop();
  if (new Set(distinct.map((p) => p.join())).size < 3)
    return invalid('少于 3 个不同角点', 'fewer than 3 distinct corners');
  return { kind: 'polygon', polygons: [[[...distinct, distinct[0]!]]] };
}

function hatchShape(pairs: readonly DxfPair[], tolerance: number): EntityShape {
  try {
    const { geometry: g, sources } = hatchGeometry(pairs, tolerance);
    const z = numberOf(pairs, 30);
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    return {
      kind: 'polygon',
      polygons: polygons.map((rings) => rings.map((r) => lift(r as Point[], z))),
      sources,
    };
  } catch (error) {
    if (error instanceof BudgetError) throw error;
    const text = error instanceof Error ? error.message : String(error);
    return invalid(`填充边界无法读取：${text}`, `hatch boundary unreadable: ${text}`);
  }
}

export function entityShape(entity: DxfEntity, tolerance: number): EntityShape {
  const { pairs } = entity;
  switch (entity.type) {
    case 'LWPOLYLINE':
      return polylineShape(
        lwVertices(pairs),
        (numberOf(pairs, 70) & 1) === 1,
        numberOf(pairs, 38),
        tolerance,
        false,
      );
    case 'POLYLINE': {
      const flags = numberOf(pairs, 70);
      if (flags & (16 | 64)) return { kind: 'skipped', why: 'unsupported' }; // polygon and polyface meshes
      return polylineShape(
        polylineVertices(entity),
        (flags & 1) === 1,
        numberOf(pairs, 30),
        tolerance,
        (flags & 8) !== 0,
      );
    }
    case 'CIRCLE':
      return circleShape(pairs, tolerance, false);
    case 'ARC':
      return circleShape(pairs, tolerance, true);
    case 'LINE': {
      const a = point3(pairs, 10);
      const b = point3(pairs, 11);
      if (!finite(...a, ...b)) return NOT_NUMERIC;
      if (a[0] === b[0] && a[1] === b[1]) return invalid('线段长度为 0', 'zero-length line');
      return { kind: 'line', points: [a, b] };
    }
    case 'POINT': {
      const p = point3(pairs, 10);
      return finite(...p) ? { kind: 'point', point: p } : NOT_NUMERIC;
    }
    case 'SOLID':
    case 'TRACE':
      return cornersShape(pairs, [0, 1, 3, 2]);
    case '3DFACE':
      return cornersShape(pairs, [0, 1, 2, 3]);
    case 'HATCH':
      return hatchShape(pairs, tolerance);
    case 'ELLIPSE':
      return ellipseShape(pairs, tolerance);
    case 'SPLINE':
      return splineShape(pairs, tolerance);
    case 'TEXT':
    case 'MTEXT':
    case 'ATTRIB':
    case 'ATTDEF':
      return textShape(entity);
    default:
      if (ANNOTATION.has(entity.type)) return { kind: 'skipped', why: 'annotation' };
      if (IGNORED.has(entity.type)) return { kind: 'skipped', why: 'ignored' };
      return { kind: 'skipped', why: 'unsupported' };
  }
}
