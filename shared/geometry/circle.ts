import type { PolygonGeometry, Position, Ring } from '../domain/geometry';
import { MAX_SEGMENTS_PER_TURN } from './densify';
import { cgcs2000 } from './ellipsoid';

export const MIN_CIRCLE_VERTICES = 32;
/** The same bound as every other arc (densify.ts): it binds only above about 130 km at 5 cm. */
export const MAX_CIRCLE_VERTICES = MAX_SEGMENTS_PER_TURN;
/** Default largest gap between the true circle and a chord, metres. */
export const DEFAULT_SAGITTA = 0.05;

/**
 * Vertices needed so that each chord's sagitta r·(1 − cos(π/n)) stays within `tolerance` metres,
 * clamped to 32…3600 (the national database forbids arcs, so circles are stored densified). The
 * old cap of 720 broke the 5 cm rule above a 5 km radius, and the arc check then flagged our own
 * derived buffers.
 */
export function circleVertexCount(radius: number, tolerance = DEFAULT_SAGITTA): number {
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be positive, got ${tolerance}`);
  if (radius <= tolerance) return MIN_CIRCLE_VERTICES;
  const n = Math.ceil(Math.PI / Math.acos(1 - tolerance / radius));
  return Math.min(MAX_CIRCLE_VERTICES, Math.max(MIN_CIRCLE_VERTICES, n));
}

/**
 * A circle of `radius` metres around a lon/lat centre, as a closed counter-clockwise polygon whose
 * every vertex lies exactly `radius` metres (geodesic, CGCS2000) from the centre. The first vertex
 * is due north of the centre.
 */
export function circlePolygon(
  center: Position,
  radius: number,
  tolerance = DEFAULT_SAGITTA,
): PolygonGeometry {
  if (!(radius > 0) || !Number.isFinite(radius))
    throw new RangeError(`radius must be positive, got ${radius}`);
  const n = circleVertexCount(radius, tolerance);
  const ring: Ring = [];
  for (let k = 0; k < n; k++) {
    // Azimuths are clockwise from north; walk them backwards so the ring turns counter-clockwise.
    const azimuth = k === 0 ? 0 : 360 - (k * 360) / n;
    const r = cgcs2000.Direct(center[1], center[0], azimuth, radius);
    ring.push([r.lon2!, r.lat2!]);
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}
