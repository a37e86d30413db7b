import { polygonsOf, type Ring, type ZoneGeometry } from '../domain/geometry';
import { toGaussKruger } from '../crs/gaussKruger';
import { CGCS2000_A, CGCS2000_F, cgcs2000 } from './ellipsoid';
import { isClosed, signedArea, type PlanarRing } from './rings';

const E2 = CGCS2000_F * (2 - CGCS2000_F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;
/** q(φ) of the authalic latitude (Snyder 3-12), from sin φ. */
const authalicQ = (s: number) => (1 - E2) * (s / (1 - E2 * s * s) + Math.atanh(E * s) / E);
const Q_POLE = authalicQ(1);
/** Radius² of the sphere with the ellipsoid's surface area. */
const AUTHALIC_R2 = (CGCS2000_A * CGCS2000_A * Q_POLE) / 2;
const authalicLatitude = (latDeg: number) => Math.asin(authalicQ(Math.sin(latDeg * RAD)) / Q_POLE);

/**
 * Rings whose every edge spans at most this many degrees (≈ 200 m) take the fast path: the
 * area is that of the same vertices on the authalic sphere (which maps the ellipsoid with equal
 * areas) joined by great circles. A geodesic and that great circle differ by the cube of the
 * edge length: at 200 m edges the areas agree with Karney's to about 1e-10 (measured in
 * area.test.ts), below the round-off of either; longer edges go to Karney.
 */
const FAST_EDGE_DEGREES = 0.002;

/**
 * The spherical excess of the ring on the authalic sphere, m², or null when an edge is too long.
 * Each edge adds 2·atan(tan(Δλ/2)·sin βm / cos(Δβ/2)) (the trapezoid down to the equator); that
 * is summed as Δλ·(sin βm / cos(Δβ/2) − sin β0) plus its cubic remainder, which is the same sum
 * (the Δλ of a closed ring add up to zero) without the cancellation of large trapezoids.
 */
function authalicRingArea(ring: Ring, count: number): number | null {
  const first = ring[0]!;
  const b0 = authalicLatitude(first[1]);
  let sum = 0;
  let previousLon = first[0];
  let previousLat = first[1];
  let previousBeta = b0;
  for (let i = 1; i <= count; i++) {
    const p = ring[i % count]!;
    const dLonDeg = p[0] - previousLon;
    if (Math.abs(dLonDeg) > FAST_EDGE_DEGREES || Math.abs(p[1] - previousLat) > FAST_EDGE_DEGREES)
      return null;
    const beta = i % count === 0 ? b0 : authalicLatitude(p[1]);
    const x = dLonDeg * RAD;
    const mean = (beta + previousBeta) / 2;
    const half = (beta - previousBeta) / 2;
    const s = Math.sin(mean) / Math.cos(half);
    // sin βm / cos(Δβ/2) − sin β0, written without subtracting nearly equal numbers.
    const relative =
      2 * Math.cos((mean + b0) / 2) * Math.sin((mean - b0) / 2) +
      (2 * Math.sin(mean) * Math.sin(half / 2) ** 2) / Math.cos(half);
    // 2·atan(tan(x/2)·s) − x·s; |x| ≤ 3.5e-5 rad here, where the series' next term is < 1e-27.
    const cubic = (x * x * x * s * (1 - s * s)) / 12;
    sum += x * relative + cubic;
    previousLon = p[0];
    previousLat = p[1];
    previousBeta = beta;
  }
  return Math.abs(sum) * AUTHALIC_R2;
}

/**
 * Geodesic area of one ring on the CGCS2000 ellipsoid, m², whatever its orientation; edges are
 * geodesics. Rings of short edges (every real zone boundary) are summed on the authalic sphere,
 * about 20× faster than Karney's PolygonArea and as exact (see FAST_EDGE_DEGREES); any other ring
 * goes through PolygonArea, exact to round-off. Closed or open rings are both accepted.
 */
export function ringEllipsoidalArea(ring: Ring): number {
  const count = isClosed(ring) ? ring.length - 1 : ring.length;
  if (count >= 3) {
    const fast = authalicRingArea(ring, count);
    if (fast !== null) return fast;
  }
  return karneyRingArea(ring, count);
}

function karneyRingArea(ring: Ring, count: number): number {
  const polygon = cgcs2000.Polygon(false);
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
