import { polygonsOf, type Ring, type ZoneGeometry } from '../domain/geometry';
import { toGaussKruger } from '../crs/gaussKruger';
import { cgcs2000 } from './ellipsoid';

/** Geodesic area of one ring on the CGCS2000 ellipsoid, m², whatever its orientation. */
export function ringEllipsoidalArea(ring: Ring): number {
  const polygon = cgcs2000.Polygon(false);
  const last = ring.length - 1;
  const closed = last > 0 && ring[0]![0] === ring[last]![0] && ring[0]![1] === ring[last]![1];
  for (let i = 0; i < (closed ? last : ring.length); i++) polygon.AddPoint(ring[i]![1], ring[i]![0]);
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

/**
 * Ellipsoidal area (what the national planning database uses): outer rings minus holes, summed
 * over the parts of a MultiPolygon. Karney's algorithm, exact to round-off.
 */
export function ellipsoidalArea(geometry: ZoneGeometry): number {
  let total = 0;
  for (const [outer, ...holes] of polygonsOf(geometry)) {
    total += ringEllipsoidalArea(outer!) - holes.reduce((sum, hole) => sum + ringEllipsoidalArea(hole), 0);
  }
  return total;
}

/** Shoelace area of a ring in projected metres. */
export function ringPlanarArea(ring: readonly (readonly [number, number])[]): number {
  let twice = 0;
  for (let i = 0, n = ring.length; i < n - 1; i++) {
    twice += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  }
  return Math.abs(twice / 2);
}

/**
 * Planar area in a 3° Gauss-Krüger zone (what coordinate-table workflows report). Differs from the
 * ellipsoidal area by the projection's scale error, about 0.1 % at the zone edges.
 */
export function planarGaussKrugerArea(geometry: ZoneGeometry, zone: number): number {
  let total = 0;
  for (const rings of polygonsOf(geometry)) {
    const areas = rings.map((ring) =>
      ringPlanarArea(ring.map((p) => toGaussKruger(p, zone, { prefixed: false }))),
    );
    total += areas[0]! - areas.slice(1).reduce((a, b) => a + b, 0);
  }
  return total;
}
