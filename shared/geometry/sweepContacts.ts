import type { Position } from '../domain/geometry';
import type { Segment } from './segments';

/**
 * Whether the edges of some rings certainly meet nowhere but where ring neighbours share their
 * vertex: a Shamos–Hoey sweep, O(n log n) however the edges' boxes overlap (the grid pass of
 * polygonTopology.ts visits every pair of overlapping boxes: millions for a 6 000-vertex ring
 * of short zigzag edges). It answers false whenever it cannot be sure — any contact, a vertex
 * shared by more than two edges, a vertical edge, a comparison too close to call — and the
 * caller then runs the full check, which finds and names the problem. So it never needs to
 * be right about a problem, only never to call a geometry with one clean.
 *
 * It runs on every ring of every imported zone (1.6 million edges for a county), so the edges
 * live in typed arrays, not in one object per edge and per end: the sweep allocates a few
 * arrays per geometry, whatever its size.
 */
const SHEAR = 1 / 1024;

/** The edges to sweep: ends `a`→`b` as in the data, and which ring each belongs to. */
interface Edges {
  n: number;
  ax: Float64Array;
  ay: Float64Array;
  bx: Float64Array;
  by: Float64Array;
  ring: Int32Array;
  /** Position among its ring's non-degenerate edges, and how many the ring has. */
  seq: Int32Array;
  size: Int32Array;
}

/** The edges' arrays and the sweep's own (events: twice as many), kept for the next geometry. */
interface Scratch extends Edges {
  px: Float64Array;
  py: Float64Array;
  events: Int32Array;
}
let scratch: Scratch | null = null;
/** Edges the kept arrays hold at most (5.5 MB); a bigger geometry gets arrays of its own. */
const KEPT = 1 << 16;

function fresh(size: number): Scratch {
  const f = (k: number) => new Float64Array(k);
  const i = (k: number) => new Int32Array(k);
  const [ax, ay, bx, by] = [f(size), f(size), f(size), f(size)];
  const [ring, seq, ends] = [i(size), i(size), i(size)];
  return {
    n: size,
    ax,
    ay,
    bx,
    by,
    ring,
    seq,
    size: ends,
    px: f(2 * size),
    py: f(2 * size),
    events: i(2 * size),
  };
}

/**
 * Room for n edges. The arrays are reused from one geometry to the next (an import sweeps 10 000
 * geometries one after the other, and a dozen fresh typed arrays each were a tenth of its
 * validation); the sweep never runs inside another, so one set serves every call.
 */
function allocate(n: number): Scratch {
  if (n > KEPT) return fresh(n);
  if (!scratch || scratch.ax.length < n)
    scratch = fresh(Math.min(KEPT, Math.max(n, 2 * (scratch?.ax.length ?? 0), 1024)));
  scratch.n = n;
  return scratch;
}

/** The non-degenerate edges of closed rings (repeated vertices skipped, as segmentsOf does). */
function edgesOfRings(rings: readonly (readonly Position[])[]): Scratch {
  let total = 0;
  for (const ring of rings) total += Math.max(0, ring.length - 1);
  const e = allocate(total);
  let k = 0;
  rings.forEach((ring, r) => {
    const start = k;
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      if (a[0] === b[0] && a[1] === b[1]) continue;
      e.ax[k] = a[0];
      e.ay[k] = a[1];
      e.bx[k] = b[0];
      e.by[k] = b[1];
      e.ring[k] = r;
      e.seq[k] = k - start;
      k++;
    }
    e.size.fill(k - start, start, k);
  });
  e.n = k;
  return e;
}

function edgesOfSegments(segments: readonly Segment[]): Scratch {
  const e = allocate(segments.length);
  const rings = new Map<string, number>();
  segments.forEach((s, k) => {
    const id = `${s.polygon}/${s.ring}`;
    let r = rings.get(id);
    if (r === undefined) rings.set(id, (r = rings.size));
    e.ax[k] = s.a[0];
    e.ay[k] = s.a[1];
    e.bx[k] = s.b[0];
    e.by[k] = s.b[1];
    e.ring[k] = r;
    e.seq[k] = s.seq;
    e.size[k] = s.ringSize;
  });
  return e;
}

/** The same question for the edges of polygons' rings, without building a segment per edge. */
export function ringsMeetOnlyAtNeighbourVertices(
  polygons: readonly { rings: readonly Position[][] }[],
): boolean {
  return sweep(edgesOfRings(polygons.flatMap((p) => p.rings)));
}

export function meetOnlyAtNeighbourVertices(segments: readonly Segment[]): boolean {
  return sweep(edgesOfSegments(segments));
}

function neighbours(e: Edges, s: number, t: number): boolean {
  if (e.ring[s] !== e.ring[t]) return false;
  const gap = Math.abs(e.seq[s]! - e.seq[t]!);
  return gap === 1 || gap === e.size[s]! - 1;
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

const within = (ax: number, ay: number, bx: number, by: number, px: number, py: number) =>
  Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);

/**
 * Whether edges s and t are allowed to meet as they do: not at all, or — ring neighbours — at
 * one shared end. The same decisions as segmentContact (segments.ts), on the data's coordinates.
 */
function clean(e: Edges, s: number, t: number): boolean {
  const ax = e.ax[s]!;
  const ay = e.ay[s]!;
  const bx = e.bx[s]!;
  const by = e.by[s]!;
  const cx = e.ax[t]!;
  const cy = e.ay[t]!;
  const dx = e.bx[t]!;
  const dy = e.by[t]!;
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (d1 * d2 < 0 && d3 * d4 < 0) return false;
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    const x = ax !== bx;
    const [p, q, r, u] = x ? [ax, bx, cx, dx] : [ay, by, cy, dy];
    const lo = Math.max(Math.min(p, q), Math.min(r, u));
    const hi = Math.min(Math.max(p, q), Math.max(r, u));
    if (hi < lo) return true;
    return hi === lo && neighbours(e, s, t);
  }
  const touch =
    (d1 === 0 && within(cx, cy, dx, dy, ax, ay)) ||
    (d2 === 0 && within(cx, cy, dx, dy, bx, by)) ||
    (d3 === 0 && within(ax, ay, bx, by, cx, cy)) ||
    (d4 === 0 && within(ax, ay, bx, by, dx, dy));
  return !touch || neighbours(e, s, t);
}

function sweep(e: Scratch): boolean {
  const n = e.n;
  if (n < 2) return true;
  // The sweep runs in slightly sheared coordinates (x + y / 1024, an affine map that keeps every
  // contact and every orientation), so edges vertical in the data (common with rounded survey
  // coordinates) are not vertical to the sweep. Contacts are still decided on the data.
  // Event 2i: edge i starts (its left end), 2i + 1: it ends; px/py hold each event's point.
  const { px, py } = e;
  for (let i = 0; i < n; i++) {
    const ax = e.ax[i]! + e.ay[i]! * SHEAR;
    const bx = e.bx[i]! + e.by[i]! * SHEAR;
    if (ax === bx) return false;
    const forward = ax < bx;
    px[2 * i] = forward ? ax : bx;
    py[2 * i] = forward ? e.ay[i]! : e.by[i]!;
    px[2 * i + 1] = forward ? bx : ax;
    py[2 * i + 1] = forward ? e.by[i]! : e.ay[i]!;
  }
  // By x, then y, ends before starts at a point.
  const events = e.events.subarray(0, 2 * n);
  for (let i = 0; i < 2 * n; i++) events[i] = i;
  events.sort((a, b) => px[a]! - px[b]! || py[a]! - py[b]! || (b & 1) - (a & 1));
  // Each vertex must end exactly two edges, and those two must be ring neighbours.
  for (let i = 0; i < events.length;) {
    const x = px[events[i]!]!;
    const y = py[events[i]!]!;
    let j = i + 1;
    while (j < events.length && px[events[j]!] === x && py[events[j]!] === y) j++;
    if (j - i !== 2 || !neighbours(e, events[i]! >> 1, events[i + 1]! >> 1)) return false;
    i = j;
  }

  const status: number[] = [];
  const yAt = (s: number, x: number) => {
    const lx = px[2 * s]!;
    const ly = py[2 * s]!;
    return x === lx ? ly : ly + ((py[2 * s + 1]! - ly) * (x - lx)) / (px[2 * s + 1]! - lx);
  };
  for (const ev of events) {
    const s = ev >> 1;
    if ((ev & 1) === 1) {
      const at = status.indexOf(s);
      if (at < 0) return false;
      status.splice(at, 1);
      if (at > 0 && at < status.length && !clean(e, status[at - 1]!, status[at]!)) return false;
      continue;
    }
    const x = px[ev]!;
    const y = py[ev]!;
    let lo = 0;
    let hi = status.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = status[mid]!;
      const oy = yAt(other, x);
      let below: boolean;
      if (px[2 * other] === x && py[2 * other] === y) {
        // Two edges leaving the same vertex: the one turning clockwise lies below. Nearly
        // collinear ones are too close to call (the shear rounds): one may overlap the other,
        // and a third edge's contact with the farther one would hide behind the nearer.
        const ux = px[ev + 1]! - x;
        const uy = py[ev + 1]! - y;
        const vx = px[2 * other + 1]! - x;
        const vy = py[2 * other + 1]! - y;
        const turn = ux * vy - uy * vx;
        const scale = Math.max(1, Math.abs(x), Math.abs(y));
        if (Math.abs(turn) <= 1e-12 * scale * (Math.abs(ux) + Math.abs(uy) + Math.abs(vx) + Math.abs(vy)))
          return false;
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
    if (lo > 0 && !clean(e, status[lo - 1]!, s)) return false;
    if (lo + 1 < status.length && !clean(e, s, status[lo + 1]!)) return false;
  }
  return true;
}
