import { polygonsOf, type Ring, type ZoneGeometry } from '../domain/geometry';
import { toGaussKruger } from '../crs/gaussKruger';
import { cgcs2000 } from './ellipsoid';
import { isClosed, signedArea, type PlanarRing } from './rings';

/**
 * Geodesic area of one ring on the CGCS2000 ellipsoid, m², whatever its orientation (Karney's
 * PolygonArea, exact to round-off; edges are geodesics). Closed or open rings are both accepted.
 */
export function ringEllipsoidalArea(ring: Ring): number {
  const polygon = cgcs2000.Polygon(false);
  const count = isClosed(ring) ? ring.length - 1 : ring.length;
  for (let i = 0; i < count; i++) polygon.AddPoint(ring[i]![1], ring[i]![0]);
  // sign = true: a clockwise ring gives minus its area, not the area of the rest of the earth.
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

/**
 * Ellipsoidal area (what the national planning database uses), m²: outer rings minus their holes,
 * summed over the parts of a MultiPolygon. Assumes a valid geometry (holes inside, parts disjoint).
 */
export function ellipsoidalArea(geometry: ZoneGeometry): number {
  let total = 0;
  for (const [outer, ...holes] of polygonsOf(geometry)) {
    if (!outer) continue;
    total += ringEllipsoidalArea(outer) - holes.reduce((sum, hole) => sum + ringEllipsoidalArea(hole), 0);
  }
  return total;
}

/** Shoelace area of a ring in projected metres, whatever its orientation. */
export function ringPlanarArea(ring: PlanarRing): number {
  return Math.abs(signedArea(ring));
}

/**
 * Planar area in a 3° Gauss-Krüger zone (what coordinate-table workflows report), m²: the
 * shoelace over the projected vertices. Exceeds the ellipsoidal area by the projection's scale
 * error, about k² − 1 ≈ (Δλ·cos φ)² — 0.05 % at 1.5° from the central meridian at 44° N. The zone
 * prefix does not change areas, so none is used.
 */
export function planarGaussKrugerArea(geometry: ZoneGeometry, zone: number): number {
  let total = 0;
  for (const rings of polygonsOf(geometry)) {
    const areas = rings.map((ring) =>
      ringPlanarArea(ring.map((p) => toGaussKruger(p, zone, { prefixed: false }))),
    );
    total += (areas[0] ?? 0) - areas.slice(1).reduce((a, b) => a + b, 0);
  }
  return total;
}
