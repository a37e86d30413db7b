import { polygonsOf, type Position, type ZoneGeometry } from '../domain/geometry';
import { cgcs2000 } from './ellipsoid';

/** Geodesic distance between two lon/lat points on the CGCS2000 ellipsoid, metres. */
export function geodesicDistance(a: Position, b: Position): number {
  return cgcs2000.Inverse(a[1], a[0], b[1], b[0]).s12 ?? 0;
}

/** Geodesic length of a line through the given points, metres (what the measure tool shows). */
export function geodesicLength(points: readonly Position[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += geodesicDistance(points[i - 1]!, points[i]!);
  return total;
}

/** Total geodesic length of every ring (outer boundaries and holes), metres. */
export function geodesicPerimeter(geometry: ZoneGeometry): number {
  return polygonsOf(geometry)
    .flat()
    .reduce((sum, ring) => sum + geodesicLength(ring), 0);
}
