import type { Ellipsoid } from './datums';

/**
 * A 3- or 7-parameter (Bursa-Wolf) datum transformation between two ellipsoids, done as PROJ does
 * for `+towgs84`: geodetic → geocentric on the source ellipsoid (height 0), translation, small-angle
 * rotation and scale, geocentric → geodetic on the target ellipsoid.
 *
 * Parameters: dx, dy, dz in metres; rx, ry, rz in arc-seconds; ds in parts per million.
 * "position_vector" is PROJ's `+towgs84` convention (EPSG method 9606); "coordinate_frame"
 * (EPSG 9607, also called Bursa-Wolf in some Chinese software) has the rotations' signs reversed.
 */
export type HelmertConvention = 'position_vector' | 'coordinate_frame';

export interface HelmertParameters {
  /** [dx, dy, dz] or [dx, dy, dz, rx, ry, rz, ds]. */
  values: readonly number[];
  convention: HelmertConvention;
}

const ARC_SECOND = Math.PI / 180 / 3600;
const DEG = Math.PI / 180;

function geocentric(lon: number, lat: number, e: Ellipsoid): [number, number, number] {
  const f = 1 / e.rf;
  const e2 = f * (2 - f);
  const sinLat = Math.sin(lat * DEG);
  const n = e.a / Math.sqrt(1 - e2 * sinLat * sinLat);
  const cosLat = Math.cos(lat * DEG);
  return [n * cosLat * Math.cos(lon * DEG), n * cosLat * Math.sin(lon * DEG), n * (1 - e2) * sinLat];
}

function geodetic(x: number, y: number, z: number, e: Ellipsoid): [number, number] {
  const f = 1 / e.rf;
  const e2 = f * (2 - f);
  const p = Math.hypot(x, y);
  const lon = Math.atan2(y, x);
  let lat = Math.atan2(z, p * (1 - e2));
  for (let i = 0; i < 10; i++) {
    const sinLat = Math.sin(lat);
    const n = e.a / Math.sqrt(1 - e2 * sinLat * sinLat);
    const h = p / Math.cos(lat) - n;
    const next = Math.atan2(z, p * (1 - (e2 * n) / (n + h)));
    if (Math.abs(next - lat) < 1e-14) {
      lat = next;
      break;
    }
    lat = next;
  }
  return [lon / DEG, lat / DEG];
}

/** The 3×3 small-angle rotation of the position-vector convention, scaled, and the translation. */
function matrix(p: HelmertParameters): { t: number[]; m: number[][] } {
  const [dx = 0, dy = 0, dz = 0, rxs = 0, rys = 0, rzs = 0, ds = 0] = p.values;
  const sign = p.convention === 'position_vector' ? 1 : -1;
  const [rx, ry, rz] = [rxs, rys, rzs].map((r) => sign * r * ARC_SECOND) as [number, number, number];
  const k = 1 + ds * 1e-6;
  return {
    t: [dx, dy, dz],
    m: [
      [k, -k * rz, k * ry],
      [k * rz, k, -k * rx],
      [-k * ry, k * rx, k],
    ],
  };
}

function invert3(m: number[][]): number[][] {
  const [a, b, c, d, e, f, g, h, i] = m.flat() as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}

/**
 * lon/lat on `from` → lon/lat on `to` through the Helmert transformation; `inverse` applies the
 * parameters backwards (they always describe old datum → CGCS2000).
 */
export function helmertLonLat(
  p: HelmertParameters,
  from: Ellipsoid,
  to: Ellipsoid,
  inverse = false,
): (lon: number, lat: number) => [number, number] {
  const { t, m } = matrix(p);
  const r = inverse ? invert3(m) : m;
  return (lon, lat) => {
    const [x0, y0, z0] = geocentric(lon, lat, from);
    const [x, y, z] = inverse ? [x0 - t[0]!, y0 - t[1]!, z0 - t[2]!] : [x0, y0, z0];
    const row = (i: number) => r[i]![0]! * x + r[i]![1]! * y + r[i]![2]! * z + (inverse ? 0 : t[i]!);
    return geodetic(row(0), row(1), row(2), to);
  };
}
