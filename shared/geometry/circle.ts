import type { PolygonGeometry, Position, Ring } from '../domain/geometry';
import { cgcs2000 } from './ellipsoid';

export const MIN_CIRCLE_VERTICES = 32;
export const MAX_CIRCLE_VERTICES = 720;

/**
 * Vertices needed so that the chord's sagitta r·(1 − cos(π/n)) stays within `tolerance` metres —
 * the national database forbids arcs, so circles are stored densified.
 */
export function circleVertexCount(radius: number, tolerance: number): number {
  if (radius <= tolerance) return MIN_CIRCLE_VERTICES;
  const n = Math.ceil(Math.PI / Math.acos(1 - tolerance / radius));
  return Math.min(MAX_CIRCLE_VERTICES, Math.max(MIN_CIRCLE_VERTICES, n));
}

/**
 * A circle of `radius` metres around a lon/lat centre, as a counter-clockwise polygon whose every
 * vertex lies exactly `radius` metres (geodesic, CGCS2000) from the centre.
 */
export function circlePolygon(center: Position, radius: number, tolerance = 0.05): PolygonGeometry {
  const n = circleVertexCount(radius, tolerance);
  const ring: Ring = [];
  for (let k = 0; k < n; k++) {
    // Azimuths clockwise from north; walk them backwards so the ring turns counter-clockwise.
    const azimuth = 360 - (k * 360) / n;
    const r = cgcs2000.Direct(center[1], center[0], azimuth, radius);
    ring.push([r.lon2!, r.lat2!]);
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}
