/**
 * Arcs turned into vertices, in a planar projected frame (metres, x east, y north): DXF ARC and
 * bulge segments on import, buffers' round corners. The national database forbids arcs, so every
 * curve is stored as chords whose distance from the true arc (the sagitta) stays within a tolerance.
 * While a file is read, every chord spends from its curve-vertex budget (shared/formats/budgets.ts).
 */
import { spendActive } from '../formats/budgets';

export type Point = [number, number];

/** A circular arc: from `startDeg` (counter-clockwise from +x) turning `sweepDeg` (negative = clockwise). */
export interface Arc {
  center: Point;
  radius: number;
  startDeg: number;
  sweepDeg: number;
}

/** Default largest gap between an arc and its chords, metres (as for circles). */
export const DEFAULT_DEVIATION = 0.05;
/**
 * Chords per full turn never exceed this (one per 0.1°), whatever the tolerance, to bound the
 * vertex count. It binds only for radii above about 130 km at the default 0.05 m tolerance.
 */
export const MAX_SEGMENTS_PER_TURN = 3600;

const RAD = Math.PI / 180;

/**
 * Chords needed so each deviates at most `maxDeviation` from the arc: a chord spanning angle φ
 * has sagitta r·(1 − cos(φ/2)). At least one chord; at most MAX_SEGMENTS_PER_TURN per full turn.
 */
export function arcSegmentCount(radius: number, sweepDeg: number, maxDeviation = DEFAULT_DEVIATION): number {
  if (!(maxDeviation > 0)) throw new RangeError(`maxDeviation must be positive, got ${maxDeviation}`);
  const turns = Math.abs(sweepDeg) / 360;
  if (!(radius > 0) || turns === 0) return 1;
  const widest = 2 * Math.acos(1 - Math.min(1, maxDeviation / radius));
  const needed = Math.ceil((Math.abs(sweepDeg) * RAD) / widest);
  const count = Math.max(1, Math.min(needed, Math.ceil(MAX_SEGMENTS_PER_TURN * turns)));
  spendActive('curveVertices', count);
  return count;
}

/** The arc's vertices from start to end, both included. */
export function densifyArc(arc: Arc, maxDeviation = DEFAULT_DEVIATION): Point[] {
  const n = arcSegmentCount(arc.radius, arc.sweepDeg, maxDeviation);
  const points: Point[] = [];
  for (let k = 0; k <= n; k++) {
    const angle = (arc.startDeg + (arc.sweepDeg * k) / n) * RAD;
    points.push([arc.center[0] + arc.radius * Math.cos(angle), arc.center[1] + arc.radius * Math.sin(angle)]);
  }
  return points;
}

/**
 * A DXF ARC entity: counter-clockwise from the start angle to the end angle, degrees. Equal
 * angles mean a full circle, as in CAD programs.
 */
export function arcFromDxf(center: Point, radius: number, startDeg: number, endDeg: number): Arc {
  const sweep = (((endDeg - startDeg) % 360) + 360) % 360;
  return { center, radius, startDeg, sweepDeg: sweep === 0 ? 360 : sweep };
}

/**
 * The arc of a DXF polyline segment with a bulge: bulge = tan(θ/4), θ the included angle,
 * positive counter-clockwise. Null for a zero bulge (a straight segment) or coincident ends.
 */
export function arcFromBulge(from: Point, to: Point, bulge: number): Arc | null {
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const chord = Math.hypot(dx, dy);
  if (bulge === 0 || chord === 0 || !Number.isFinite(bulge)) return null;
  const theta = 4 * Math.atan(bulge);
  // The centre sits on the chord's perpendicular bisector, (c/2)/tan(θ/2) to the left of from→to.
  const offset = chord / 2 / Math.tan(theta / 2);
  const center: Point = [
    (from[0] + to[0]) / 2 - (dy / chord) * offset,
    (from[1] + to[1]) / 2 + (dx / chord) * offset,
  ];
  const radius = chord / 2 / Math.abs(Math.sin(theta / 2));
  const startDeg = Math.atan2(from[1] - center[1], from[0] - center[0]) / RAD;
  return { center, radius, startDeg, sweepDeg: theta / RAD };
}

/**
 * The vertices of a bulged polyline segment from `from` to `to`, both included and exactly
 * as given (no rounding drift at the joints); a straight segment gives just its two ends.
 */
export function densifyBulge(
  from: Point,
  to: Point,
  bulge: number,
  maxDeviation = DEFAULT_DEVIATION,
): Point[] {
  const arc = arcFromBulge(from, to, bulge);
  if (!arc) return [from, to];
  const points = densifyArc(arc, maxDeviation);
  points[0] = from;
  points[points.length - 1] = to;
  return points;
}

/** A straight segment split into equal pieces no longer than `maxLength`, both ends included. */
export function densifySegment(a: Point, b: Point, maxLength: number): Point[] {
  if (!(maxLength > 0)) throw new RangeError(`maxLength must be positive, got ${maxLength}`);
  const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / maxLength));
  const points: Point[] = [];
  for (let k = 0; k <= n; k++) points.push([a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
  points[n] = b;
  return points;
}
