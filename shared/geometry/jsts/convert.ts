import Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import type { Position, Ring, ZoneGeometry } from '../../domain/geometry';
import { polygonsOf } from '../../domain/geometry';

/** A JTS geometry, opaque outside this folder: pass it back to the functions here. */
export interface JstsGeometry {
  getArea(): number;
  getLength(): number;
  isEmpty(): boolean;
  getNumGeometries(): number;
  getGeometryN(n: number): JstsGeometry;
  getGeometryType(): string;
  getCoordinates(): Coordinate[];
  getBoundary(): JstsGeometry;
}
type Geometry = JstsGeometry;
/** Planar coordinates in metres, [easting, northing]. */
export type Planar = [number, number];
/** lon/lat → planar metres (e.g. Gauss-Krüger); identity when the input is already planar. */
export type Project = (p: Position) => Planar;
/** planar metres → lon/lat. */
export type Unproject = (p: Planar) => Position;

const identity = (p: [number, number]): [number, number] => [p[0], p[1]];

/** One factory for the whole program: floating precision, no per-call setup. */
export const factory = new GeometryFactory();

function coords(ring: readonly Position[], project: Project): Coordinate[] {
  const out: Coordinate[] = [];
  for (const p of ring) {
    const [x, y] = project(p);
    out.push(new Coordinate(x, y));
  }
  // Close the ring if the caller handed an open one.
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && !first.equals2D(last)) out.push(new Coordinate(first.x, first.y));
  return out;
}

function polygonToJsts(rings: readonly Ring[], project: Project): JstsGeometry {
  const [outer, ...holes] = rings;
  const shell = factory.createLinearRing(coords(outer ?? [], project));
  return factory.createPolygon(
    shell,
    holes.map((h) => factory.createLinearRing(coords(h, project))),
  ) as JstsGeometry;
}

/** A stored zone geometry (lon/lat) → JTS geometry in planar metres through `project`. */
export function toJsts(geometry: ZoneGeometry, project: Project = identity): JstsGeometry {
  const polygons = polygonsOf(geometry).map((rings) => polygonToJsts(rings, project));
  if (geometry.type === 'Polygon') return polygons[0]!;
  return factory.createMultiPolygon(polygons) as unknown as JstsGeometry;
}

/** Planar rings (already in metres) → JTS polygon; `[outer, ...holes]`. */
export function planarPolygon(rings: readonly Planar[][]): JstsGeometry {
  return polygonToJsts(rings, identity);
}

/** A line (lon/lat positions) → JTS LineString in planar metres. */
export function lineToJsts(line: readonly Position[], project: Project = identity): JstsGeometry {
  return factory.createLineString(line.map((p) => new Coordinate(...project(p))));
}

/** A point → JTS Point in planar metres. */
export function pointToJsts(point: Position, project: Project = identity): JstsGeometry {
  return factory.createPoint(new Coordinate(...project(point)));
}

function ringOut(ring: Geometry, unproject: Unproject): Ring {
  return ring.getCoordinates().map((c: Coordinate) => unproject([c.x, c.y]));
}

/** The polygons of a JTS geometry (polygonal parts only, empty ones dropped). */
export function polygonParts(g: JstsGeometry): JstsGeometry[] {
  const out: JstsGeometry[] = [];
  for (let i = 0; i < g.getNumGeometries(); i++) {
    const part = g.getGeometryN(i);
    const type = part.getGeometryType();
    if (type === 'Polygon' && !part.isEmpty()) out.push(part);
    else if (type === 'MultiPolygon' || type === 'GeometryCollection') out.push(...polygonParts(part));
  }
  return out;
}

/** Rings of one JTS polygon as planar coordinates, outer first. */
export function planarRings(polygon: JstsGeometry): Planar[][] {
  return ringsOf(polygon).map((r) => r.getCoordinates().map((c: Coordinate): Planar => [c.x, c.y]));
}

function ringsOf(polygon: JstsGeometry): Geometry[] {
  const p = polygon as unknown as {
    getExteriorRing(): Geometry;
    getNumInteriorRing(): number;
    getInteriorRingN(i: number): Geometry;
  };
  const rings = [p.getExteriorRing()];
  for (let i = 0; i < p.getNumInteriorRing(); i++) rings.push(p.getInteriorRingN(i));
  return rings;
}

/**
 * JTS geometry (planar metres) → stored zone geometry in lon/lat through `unproject`: a Polygon
 * for one part, a MultiPolygon for several, null when nothing polygonal is left. Lines and points
 * in the result (e.g. from an intersection touching along an edge) are dropped.
 */
export function fromJsts(g: JstsGeometry, unproject: Unproject = identity): ZoneGeometry | null {
  const parts = polygonParts(g).map((p) => ringsOf(p).map((r) => ringOut(r, unproject)));
  if (parts.length === 0) return null;
  if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0]! };
  return { type: 'MultiPolygon', coordinates: parts };
}

/** The coordinates of a JTS line (or any geometry) as planar pairs. */
export function planarCoordinates(g: JstsGeometry): Planar[] {
  return g.getCoordinates().map((c: Coordinate): Planar => [c.x, c.y]);
}
