import type { Position } from '../domain/geometry';

/**
 * Planar segment predicates for topology checks in lon/lat (edges are straight in the lon/lat
 * plane, as GIS databases treat them). Orientation is computed relative to the segment's start,
 * so magnitudes stay small and exact zero still means collinear for grid-aligned input.
 */

/** Orientation of c relative to a→b: > 0 left (counter-clockwise), < 0 right, 0 collinear. */
export function orient(a: Position, b: Position, c: Position): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** Whether p, known to be collinear with a–b, lies within the segment's box (ends included). */
function withinBox(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

export function onSegment(a: Position, b: Position, p: Position): boolean {
  return orient(a, b, p) === 0 && withinBox(a, b, p);
}

/**
 * How two segments meet: a proper crossing, a touch (they share exactly one point, an endpoint
 * of at least one of them), a collinear overlap of positive length, or not at all.
 */
export type SegmentContact = 'none' | 'cross' | 'touch' | 'overlap';

export interface Contact {
  kind: SegmentContact;
  /** A point the segments share (the crossing, the touching endpoint, or the overlap's start). */
  at?: Position;
}

function crossingPoint(a: Position, b: Position, c: Position, d: Position): Position {
  const denominator = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
  const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / denominator;
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

export function segmentContact(a: Position, b: Position, c: Position, d: Position): Contact {
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  if (d1 * d2 < 0 && d3 * d4 < 0) return { kind: 'cross', at: crossingPoint(a, b, c, d) };
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    const axis = a[0] !== b[0] ? 0 : 1;
    const lo = Math.max(Math.min(a[axis], b[axis]), Math.min(c[axis], d[axis]));
    const hi = Math.min(Math.max(a[axis], b[axis]), Math.max(c[axis], d[axis]));
    if (hi < lo) return { kind: 'none' };
    const at = [a, b, c, d].find((p) => p[axis] === lo)!;
    return { kind: hi > lo ? 'overlap' : 'touch', at };
  }
  if (d1 === 0 && withinBox(c, d, a)) return { kind: 'touch', at: a };
  if (d2 === 0 && withinBox(c, d, b)) return { kind: 'touch', at: b };
  if (d3 === 0 && withinBox(a, b, c)) return { kind: 'touch', at: c };
  if (d4 === 0 && withinBox(a, b, d)) return { kind: 'touch', at: d };
  return { kind: 'none' };
}

/** One edge of a ring, with where it came from and its bounding box. */
export interface Segment {
  a: Position;
  b: Position;
  polygon: number;
  ring: number;
  /** Index of the segment's first vertex in its ring. */
  index: number;
  /** Position among the ring's non-degenerate segments (repeated vertices skipped). */
  seq: number;
  /** Number of non-degenerate segments in the ring, for telling neighbours apart. */
  ringSize: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** The non-degenerate edges of closed rings; zero-length edges (repeated vertices) are skipped. */
export function segmentsOf(rings: readonly Position[][], polygon = 0): Segment[] {
  const out: Segment[] = [];
  rings.forEach((ring, r) => {
    const start = out.length;
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      if (a[0] === b[0] && a[1] === b[1]) continue;
      out.push({
        a,
        b,
        polygon,
        ring: r,
        index: i,
        seq: out.length - start,
        ringSize: 0,
        minX: Math.min(a[0], b[0]),
        maxX: Math.max(a[0], b[0]),
        minY: Math.min(a[1], b[1]),
        maxY: Math.max(a[1], b[1]),
      });
    }
    for (let k = start; k < out.length; k++) out[k]!.ringSize = out.length - start;
  });
  return out;
}

/** Whether two edges of the same ring follow each other (including last → first). */
export function areNeighbours(s: Segment, t: Segment): boolean {
  if (s.polygon !== t.polygon || s.ring !== t.ring) return false;
  const gap = Math.abs(s.seq - t.seq);
  return gap === 1 || gap === s.ringSize - 1;
}

/** Even-odd point-in-ring test; the answer for points on the boundary is arbitrary. */
export function pointInRing(point: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

export function onRingBoundary(point: Position, ring: readonly Position[]): boolean {
  for (let i = 0; i < ring.length - 1; i++) if (onSegment(ring[i]!, ring[i + 1]!, point)) return true;
  return false;
}
