import { polygonsOf, type Ring, type ZoneGeometry } from '../domain/geometry';

/** Twice the signed planar area in lon/lat units: positive for counter-clockwise rings. */
export function signedArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++)
    sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
}

function oriented(ring: Ring, counterClockwise: boolean): Ring {
  const ccw = signedArea2(ring) > 0;
  return ccw === counterClockwise ? ring : ring.slice().reverse();
}

/** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
export function orientForRfc7946(geometry: ZoneGeometry): ZoneGeometry {
  const polygons = polygonsOf(geometry).map((rings) => rings.map((ring, i) => oriented(ring, i === 0)));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}
