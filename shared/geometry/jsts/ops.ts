import BufferOp from 'jsts/org/locationtech/jts/operation/buffer/BufferOp.js';
import BufferParameters from 'jsts/org/locationtech/jts/operation/buffer/BufferParameters.js';
import OverlayOp from 'jsts/org/locationtech/jts/operation/overlay/OverlayOp.js';
import UnaryUnionOp from 'jsts/org/locationtech/jts/operation/union/UnaryUnionOp.js';
import RelateOp from 'jsts/org/locationtech/jts/operation/relate/RelateOp.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import Polygonizer from 'jsts/org/locationtech/jts/operation/polygonize/Polygonizer.js';
import TopologyPreservingSimplifier from 'jsts/org/locationtech/jts/simplify/TopologyPreservingSimplifier.js';
import InteriorPointArea from 'jsts/org/locationtech/jts/algorithm/InteriorPointArea.js';
import { factory, type JstsGeometry, type Planar } from './convert';

export interface BufferOptions {
  /** Corner style: 'round' (arcs, densified) or 'mitre' (sharp corners). Default 'round'. */
  join?: 'round' | 'mitre' | 'bevel';
  /** Segments per quarter circle for round corners/caps. Default 16 (≈0.2 % area error at worst). */
  quadrantSegments?: number;
  /** End cap for lines: 'round' (default), 'flat' (corridor with square-cut ends) or 'square'. */
  endCap?: 'round' | 'flat' | 'square';
  /** Mitre limit as a multiple of the distance; default 10 (keeps right angles sharp). */
  mitreLimit?: number;
}

const JOIN = {
  round: BufferParameters.JOIN_ROUND,
  mitre: BufferParameters.JOIN_MITRE,
  bevel: BufferParameters.JOIN_BEVEL,
};
const CAP = {
  round: BufferParameters.CAP_ROUND,
  flat: BufferParameters.CAP_FLAT,
  square: BufferParameters.CAP_SQUARE,
};

/** Planar buffer by `distance` metres (negative shrinks polygons). */
export function buffer(g: JstsGeometry, distance: number, options: BufferOptions = {}): JstsGeometry {
  const params = new BufferParameters();
  params.setQuadrantSegments(options.quadrantSegments ?? 16);
  params.setJoinStyle(JOIN[options.join ?? 'round']);
  params.setEndCapStyle(CAP[options.endCap ?? 'round']);
  params.setMitreLimit(options.mitreLimit ?? 10);
  return BufferOp.bufferOp(g, distance, params) as JstsGeometry;
}

export function union(a: JstsGeometry, b: JstsGeometry): JstsGeometry {
  return OverlayOp.union(a, b) as JstsGeometry;
}

/** Union of many geometries at once (cascaded, faster than folding `union`). Empty list → empty polygon. */
export function unionAll(list: readonly JstsGeometry[]): JstsGeometry {
  if (list.length === 0) return factory.createPolygon();
  const result = UnaryUnionOp.union(factory.createGeometryCollection([...list])) as JstsGeometry | null;
  return result ?? factory.createPolygon();
}

export function intersection(a: JstsGeometry, b: JstsGeometry): JstsGeometry {
  return OverlayOp.intersection(a, b) as JstsGeometry;
}

/** a minus b. */
export function difference(a: JstsGeometry, b: JstsGeometry): JstsGeometry {
  return OverlayOp.difference(a, b) as JstsGeometry;
}

/** Every point of b lies in a (boundary included). */
export function covers(a: JstsGeometry, b: JstsGeometry): boolean {
  return RelateOp.covers(a, b) as boolean;
}

export function intersects(a: JstsGeometry, b: JstsGeometry): boolean {
  return RelateOp.intersects(a, b) as boolean;
}

export function isValid(g: JstsGeometry): boolean {
  return new IsValidOp(g).isValid() as boolean;
}

/** Planar area in square metres (holes subtracted). */
export function area(g: JstsGeometry): number {
  return g.getArea();
}

export function length(g: JstsGeometry): number {
  return g.getLength();
}

export function isEmpty(g: JstsGeometry): boolean {
  return g.isEmpty();
}

/** The polygons formed by a set of noded lines (e.g. a boundary plus a cutting line, unioned). */
export function polygonize(lines: JstsGeometry): JstsGeometry[] {
  const p = new Polygonizer();
  p.add(lines);
  const out: JstsGeometry[] = [];
  const it = p.getPolygons().iterator();
  while (it.hasNext()) out.push(it.next() as JstsGeometry);
  return out;
}

/** The boundary of a polygon as (multi)line. */
export function boundary(g: JstsGeometry): JstsGeometry {
  return g.getBoundary() as JstsGeometry;
}

/** Douglas-Peucker simplification that keeps the topology (no self-intersections). */
export function simplify(g: JstsGeometry, tolerance: number): JstsGeometry {
  return TopologyPreservingSimplifier.simplify(g, tolerance) as JstsGeometry;
}

/** Repair a polygonal geometry by a zero buffer (fixes bow-ties and slivers). */
export function repair(g: JstsGeometry): JstsGeometry {
  return isValid(g) ? g : (BufferOp.bufferOp(g, 0) as JstsGeometry);
}

/** A point strictly inside a polygonal geometry (not the centroid: that may fall outside). */
export function interiorPoint(g: JstsGeometry): Planar {
  const c = InteriorPointArea.getInteriorPoint(g) as { x: number; y: number };
  return [c.x, c.y];
}
