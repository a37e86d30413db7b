import type { Position } from '../domain/geometry';

/** Orientation of c relative to a→b: > 0 left (counter-clockwise), < 0 right, 0 collinear. */
export function orient(a: Position, b: Position, c: Position): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

export type SegmentContact = 'none' | 'cross' | 'touch' | 'overlap';

/**
 * How two segments meet: a proper crossing, a touch (an endpoint on the other segment), a
 * collinear overlap of positive length, or not at all.
 */
export function segmentContact(a: Position, b: Position, c: Position, d: Position): SegmentContact {
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return 'cross';
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    // Collinear: overlapping by more than a point?
    const axis = a[0] !== b[0] ? 0 : 1;
    const lo = Math.max(Math.min(a[axis], b[axis]), Math.min(c[axis], d[axis]));
    const hi = Math.min(Math.max(a[axis], b[axis]), Math.max(c[axis], d[axis]));
    if (hi > lo) return 'overlap';
    return hi === lo ? 'touch' : 'none';
  }
  if ((d1 === 0 && onSegment(c, d, a)) || (d2 === 0 && onSegment(c, d, b))) return 'touch';
  if ((d3 === 0 && onSegment(a, b, c)) || (d4 === 0 && onSegment(a, b, d))) return 'touch';
  return 'none';
}

export interface Segment {
  a: Position;
  b: Position;
  ring: number;
  /** Index of the segment's first vertex in its ring. */
  index: number;
  /** Position among the ring's non-degenerate segments (repeated vertices skipped). */
  seq: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export function segmentsOf(rings: readonly Position[][]): Segment[] {
  const out: Segment[] = [];
  rings.forEach((ring, r) => {
    let seq = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      if (a[0] === b[0] && a[1] === b[1]) continue;
      out.push({
        a,
        b,
        ring: r,
        index: i,
        seq: seq++,
        minX: Math.min(a[0], b[0]),
        maxX: Math.max(a[0], b[0]),
        minY: Math.min(a[1], b[1]),
        maxY: Math.max(a[1], b[1]),
      });
    }
  });
  return out;
}

/**
 * Visit every pair of segments whose bounding boxes overlap (sweep along x). Typical polygons are
 * near-linear; the visitor returns true to stop early.
 */
export function forEachCandidatePair(
  segments: Segment[],
  visit: (s: Segment, t: Segment) => boolean | void,
): void {
  const sorted = segments.slice().sort((s, t) => s.minX - t.minX);
  const active: Segment[] = [];
  for (const s of sorted) {
    let keep = 0;
    for (let i = 0; i < active.length; i++) if (active[i]!.maxX >= s.minX) active[keep++] = active[i]!;
    active.length = keep;
    for (const t of active) {
      if (t.maxY < s.minY || t.minY > s.maxY) continue;
      if (visit(t, s)) return;
    }
    active.push(s);
  }
}

/** Even-odd point-in-ring test; points on the boundary count as outside. */
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
  for (let i = 0; i < ring.length - 1; i++) {
    if (orient(ring[i]!, ring[i + 1]!, point) === 0 && onSegment(ring[i]!, ring[i + 1]!, point)) return true;
  }
  return false;
}
