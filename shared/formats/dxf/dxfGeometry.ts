import { arcFromDxf, densifyArc, densifyBulge, type Point } from '../../geometry/densify';
import type { LayerGeometry } from '../layer';
import { numberOf, type DxfEntity } from './dxfEntities';
import { hatchGeometry } from './dxfHatch';
import type { DxfPair } from './dxfText';

/**
 * DXF entities to planar geometry in drawing units. Bulges and circles become chords whose
 * distance from the true arc stays within `maxDeviation` (drawing units, metres for survey
 * drawings; default 0.05 m as for every densified curve in the workbench). Entities in a mirrored
 * object coordinate system (extrusion 0,0,-1) are mirrored back into world X.
 */
interface Vertex {
  point: Point;
  bulge: number;
}

export type EntityShape =
  | { kind: 'polygon'; geometry: LayerGeometry }
  | { kind: 'line'; geometry: LayerGeometry }
  | { kind: 'skipped' }
  | { kind: 'invalid'; reason: { zh: string; en: string } };

const mirrored = (pairs: readonly DxfPair[]) => numberOf(pairs, 230, 1) < 0;
const same = (a: Point, b: Point) => a[0] === b[0] && a[1] === b[1];

function lwVertices(pairs: readonly DxfPair[]): Vertex[] {
  const vertices: Vertex[] = [];
  let x: number | null = null;
  for (const { code, value } of pairs) {
    if (code === 10) x = Number(value);
    else if (code === 20 && x !== null) {
      vertices.push({ point: [x, Number(value)], bulge: 0 });
      x = null;
    } else if (code === 42 && vertices.length) vertices.at(-1)!.bulge = Number(value);
  }
  return vertices;
}

function polylineVertices(entity: DxfEntity): Vertex[] {
  return entity.vertices
    .filter((v) => (numberOf(v, 70) & (16 | 64 | 128)) === 0) // no spline frame or mesh records
    .map((v) => ({ point: [numberOf(v, 10, NaN), numberOf(v, 20, NaN)] as Point, bulge: numberOf(v, 42) }));
}

function trace(vertices: Vertex[], closed: boolean, maxDeviation: number): Point[] {
  const points: Point[] = [];
  const count = closed ? vertices.length : vertices.length - 1;
  for (let i = 0; i < count; i++) {
    const from = vertices[i]!;
    const to = vertices[(i + 1) % vertices.length]!;
    const piece = densifyBulge(from.point, to.point, from.bulge, maxDeviation);
    points.push(...(points.length ? piece.slice(1) : piece));
  }
  if (closed && points.length && !same(points[0]!, points.at(-1)!)) points.push(points[0]!);
  return points;
}

const mirror = (points: Point[], on: boolean): Point[] => (on ? points.map(([x, y]) => [-x, y]) : points);

function polylineShape(
  vertices: Vertex[],
  closedFlag: boolean,
  flip: boolean,
  maxDeviation: number,
): EntityShape {
  if (vertices.some((v) => !v.point.every(Number.isFinite) || !Number.isFinite(v.bulge)))
    return { kind: 'invalid', reason: { zh: '顶点坐标不是数字', en: 'a vertex coordinate is not numeric' } };
  // A last vertex repeating the first closes the polyline as well as the closed flag does.
  const closesItself = vertices.length > 2 && same(vertices[0]!.point, vertices.at(-1)!.point);
  const ring = closesItself ? vertices.slice(0, -1) : vertices;
  const closed = closedFlag || closesItself;
  if (closed && ring.length >= 3) {
    const points = mirror(trace(ring, true, maxDeviation), flip);
    return { kind: 'polygon', geometry: { type: 'Polygon', coordinates: [points] } };
  }
  if (closed && ring.length === 2 && ring.some((v) => v.bulge !== 0)) {
    const points = mirror(trace(ring, true, maxDeviation), flip); // two bulged segments: a round shape
    return { kind: 'polygon', geometry: { type: 'Polygon', coordinates: [points] } };
  }
  if (vertices.length < 2)
    return {
      kind: 'invalid',
      reason: { zh: '多段线少于 2 个顶点', en: 'polyline has fewer than 2 vertices' },
    };
  return {
    kind: 'line',
    geometry: { type: 'LineString', coordinates: mirror(trace(vertices, false, maxDeviation), flip) },
  };
}

function mirrorGeometry(g: LayerGeometry): void {
  if (g.type === 'Polygon') g.coordinates = g.coordinates.map((r) => r.map(([x, y]) => [-x!, y!]));
  if (g.type === 'MultiPolygon')
    g.coordinates = g.coordinates.map((p) => p.map((r) => r.map(([x, y]) => [-x!, y!])));
}

export function entityShape(entity: DxfEntity, maxDeviation: number): EntityShape {
  const { pairs } = entity;
  const flip = mirrored(pairs);
  switch (entity.type) {
    case 'LWPOLYLINE':
      return polylineShape(lwVertices(pairs), (numberOf(pairs, 70) & 1) === 1, flip, maxDeviation);
    case 'POLYLINE': {
      const flags = numberOf(pairs, 70);
      if (flags & (16 | 64)) return { kind: 'skipped' }; // polygon and polyface meshes
      return polylineShape(polylineVertices(entity), (flags & 1) === 1, flip, maxDeviation);
    }
    case 'CIRCLE': {
      const center: Point = [numberOf(pairs, 10, NaN), numberOf(pairs, 20, NaN)];
      const radius = numberOf(pairs, 40, NaN);
      if (!center.every(Number.isFinite) || !(radius > 0))
        return { kind: 'invalid', reason: { zh: '圆心或半径无效', en: 'invalid centre or radius' } };
      const points = densifyArc(arcFromDxf(center, radius, 0, 0), maxDeviation);
      points[points.length - 1] = points[0]!;
      return { kind: 'polygon', geometry: { type: 'Polygon', coordinates: [mirror(points, flip)] } };
    }
    case 'ARC': {
      const center: Point = [numberOf(pairs, 10, NaN), numberOf(pairs, 20, NaN)];
      const radius = numberOf(pairs, 40, NaN);
      if (!center.every(Number.isFinite) || !(radius > 0))
        return { kind: 'invalid', reason: { zh: '圆心或半径无效', en: 'invalid centre or radius' } };
      const arc = arcFromDxf(center, radius, numberOf(pairs, 50), numberOf(pairs, 51));
      return {
        kind: 'line',
        geometry: { type: 'LineString', coordinates: mirror(densifyArc(arc, maxDeviation), flip) },
      };
    }
    case 'LINE': {
      const a: Point = [numberOf(pairs, 10, NaN), numberOf(pairs, 20, NaN)];
      const b: Point = [numberOf(pairs, 11, NaN), numberOf(pairs, 21, NaN)];
      if (![...a, ...b].every(Number.isFinite))
        return { kind: 'invalid', reason: { zh: '端点坐标不是数字', en: 'an end point is not numeric' } };
      return { kind: 'line', geometry: { type: 'LineString', coordinates: [a, b] } };
    }
    case 'HATCH':
      try {
        const geometry = hatchGeometry(pairs, maxDeviation);
        if (flip) mirrorGeometry(geometry);
        return { kind: 'polygon', geometry };
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        return {
          kind: 'invalid',
          reason: { zh: `填充边界无法读取：${text}`, en: `hatch boundary unreadable: ${text}` },
        };
      }
    default:
      return { kind: 'skipped' };
  }
}
