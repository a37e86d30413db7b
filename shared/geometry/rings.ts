import { polygonsOf, type Ring, type ZoneGeometry } from '../domain/geometry';

/** Any planar ring: lon/lat degrees or projected metres. */
export type PlanarRing = readonly (readonly [number, number])[];

export function samePosition(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** A ring is closed when it has a first position and the last one repeats it exactly. */
export function isClosed(ring: PlanarRing): boolean {
  return ring.length > 1 && samePosition(ring[0]!, ring[ring.length - 1]!);
}

/** The ring with its first position repeated at the end if it was not already. */
export function closeRing(ring: Ring): Ring {
  return ring.length === 0 || isClosed(ring) ? ring.slice() : [...ring, ring[0]!];
}

/**
 * The ring without consecutive repeated positions (a closed ring stays closed: its closing
 * position is the only repeat kept).
 */
export function removeDuplicateVertices(ring: Ring): Ring {
  const closed = isClosed(ring);
  const open = closed ? ring.slice(0, -1) : ring;
  const out: Ring = [];
  for (const p of open) if (out.length === 0 || !samePosition(out[out.length - 1]!, p)) out.push(p);
  while (out.length > 1 && samePosition(out[0]!, out[out.length - 1]!)) out.pop();
  if (closed && out.length > 0) out.push(out[0]!);
  return out;
}

/**
 * Twice the signed planar area of a ring (closed or not) in its own units: positive when
 * counter-clockwise (x east, y north). Summed as a fan from the first vertex so that large
 * projected coordinates (28 553 915 m) lose no precision.
 */
export function signedArea2(ring: PlanarRing): number {
  if (ring.length < 3) return 0;
  const [x0, y0] = ring[0]!;
  let sum = 0;
  for (let i = 1; i < ring.length - 1; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[i + 1]!;
    sum += (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
  }
  return sum;
}

/** Signed planar area of a closed ring: positive when counter-clockwise. */
export function signedArea(ring: PlanarRing): number {
  return signedArea2(ring) / 2;
}

export function isCounterClockwise(ring: PlanarRing): boolean {
  return signedArea2(ring) > 0;
}

/** The ring turning the requested way (a copy when it had to be reversed). */
export function orientRing(ring: Ring, counterClockwise: boolean): Ring {
  return isCounterClockwise(ring) === counterClockwise ? ring : ring.slice().reverse();
}

/** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
export function orientForRfc7946(geometry: ZoneGeometry): ZoneGeometry {
  const polygons = polygonsOf(geometry).map((rings) => rings.map((ring, i) => orientRing(ring, i === 0)));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Close every ring and drop consecutive repeated positions, keeping the geometry's shape. */
export function cleanRings(geometry: ZoneGeometry): ZoneGeometry {
  const polygons = polygonsOf(geometry).map((rings) =>
    rings.map((ring) => removeDuplicateVertices(closeRing(ring))),
  );
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}
