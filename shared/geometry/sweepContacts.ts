import { areNeighbours, orient, segmentContact, type Segment } from './segments';

/**
 * Whether the segments certainly meet nowhere but where ring neighbours share their vertex: a
 * Shamos–Hoey sweep, O(n log n) however the segments' boxes overlap (the grid pass of
 * polygonTopology.ts visits every pair of overlapping boxes: millions for a 6 000-vertex ring
 * of short zigzag edges). It answers false whenever it cannot be sure — any contact, a vertex
 * shared by more than two edges, a vertical edge, a comparison too close to call — and the
 * caller then runs the full check, which finds and names the problem. So it never needs to
 * be right about a problem, only never to call a geometry with one clean.
 */
const SHEAR = 1 / 1024;

export function meetOnlyAtNeighbourVertices(segments: readonly Segment[]): boolean {
  const n = segments.length;
  if (n < 2) return true;
  // The sweep runs in slightly sheared coordinates (x + y / 1024, an affine map that keeps every
  // contact and every orientation), so edges vertical in the data (common with rounded survey
  // coordinates) are not vertical to the sweep. Contacts are still decided on the data.
  const left: [number, number][] = [];
  const right: [number, number][] = [];
  for (const s of segments) {
    const a: [number, number] = [s.a[0] + s.a[1] * SHEAR, s.a[1]];
    const b: [number, number] = [s.b[0] + s.b[1] * SHEAR, s.b[1]];
    if (a[0] === b[0]) return false;
    const forward = a[0] < b[0];
    left.push(forward ? a : b);
    right.push(forward ? b : a);
  }
  // Events: 2i = segment i starts, 2i + 1 = it ends; by x, then y, ends before starts at a point.
  const events = new Int32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) events[i] = i;
  const point = (e: number) => ((e & 1) === 0 ? left[e >> 1]! : right[e >> 1]!);
  events.sort((e, f) => {
    const p = point(e);
    const q = point(f);
    return p[0] - q[0] || p[1] - q[1] || (f & 1) - (e & 1);
  });
  // Each vertex must end exactly two edges, and those two must be ring neighbours.
  for (let i = 0; i < events.length;) {
    const p = point(events[i]!);
    let j = i + 1;
    while (j < events.length && point(events[j]!)[0] === p[0] && point(events[j]!)[1] === p[1]) j++;
    if (j - i !== 2 || !areNeighbours(segments[events[i]! >> 1]!, segments[events[i + 1]! >> 1]!))
      return false;
    i = j;
  }

  const status: number[] = [];
  const yAt = (s: number, x: number) => {
    const a = left[s]!;
    const b = right[s]!;
    return x === a[0] ? a[1] : a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]);
  };
  const clean = (s: number, t: number) => {
    const { kind } = segmentContact(segments[s]!.a, segments[s]!.b, segments[t]!.a, segments[t]!.b);
    return kind === 'none' || (kind === 'touch' && areNeighbours(segments[s]!, segments[t]!));
  };
  for (const e of events) {
    const s = e >> 1;
    if ((e & 1) === 1) {
      const at = status.indexOf(s);
      if (at < 0) return false;
      status.splice(at, 1);
      if (at > 0 && at < status.length && !clean(status[at - 1]!, status[at]!)) return false;
      continue;
    }
    const [x, y] = left[s]!;
    let lo = 0;
    let hi = status.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = status[mid]!;
      const oy = yAt(other, x);
      let below: boolean;
      if (left[other]![0] === x && left[other]![1] === y) {
        // Two edges leaving the same vertex: the one turning clockwise lies below.
        const turn = orient(left[s]!, right[s]!, right[other]!);
        if (turn === 0) return false;
        below = turn < 0;
      } else {
        // Too close to call in floating point: let the full check decide.
        if (Math.abs(oy - y) <= 1e-12 * Math.max(1, Math.abs(y))) return false;
        below = oy < y;
      }
      if (below) lo = mid + 1;
      else hi = mid;
    }
    status.splice(lo, 0, s);
    if (lo > 0 && !clean(status[lo - 1]!, s)) return false;
    if (lo + 1 < status.length && !clean(s, status[lo + 1]!)) return false;
  }
  return true;
}
