import type { Planar } from './jsts/convert';

/**
 * Arcs stored as chords. The national database and every exchange format we write hold straight
 * segments only, so a round corner or a radius zone arrives as a run of chords. When the chords are
 * too few (a CAD arc exported with its bulge dropped, a hand-drawn 12-gon for "100 m around the
 * stele"), the boundary misses the true arc by more than survey tolerance. Plain planar maths in
 * metres (Gauss-Krüger); rings are closed (last point = first).
 */

/** A run of equal chords turning equally: the vertices from…to (indices into the ring, `to` may wrap). */
export interface ChordArc {
  /** First and last vertex of the run (the arc's ends). `to < from` when it wraps past vertex 0. */
  from: number;
  to: number;
  /** Chords in the run. */
  chords: number;
  /** Radius of the circle the chords approximate, metres. */
  radiusM: number;
  /** Largest gap between a chord and that circle, metres. */
  sagittaM: number;
  /** The run is the whole ring (a polygon standing for a circle). */
  wholeRing: boolean;
}

/**
 * Turns outside this range are straight lines (below) or corners (above), not arcs. Up to 30° per
 * vertex means three chords a quarter circle or more (a 12-gon); octagons and hexagons, which
 * planners draw on purpose (正八边形 zones), turn 45° and more.
 */
const MIN_TURN = (0.5 * Math.PI) / 180;
const MAX_TURN = (31 * Math.PI) / 180;
/** Chords of one arc agree in length within 10 % and in turn within 20 %. */
const LENGTH_SPREAD = 0.1;
const TURN_SPREAD = 0.2;

function distinct(ring: readonly Planar[]): { points: Planar[]; index: number[] } {
  const points: Planar[] = [];
  const index: number[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i]!;
    const q = points.at(-1);
    if (q && q[0] === p[0] && q[1] === p[1]) continue;
    points.push(p);
    index.push(i);
  }
  while (points.length > 1 && points[0]![0] === points.at(-1)![0] && points[0]![1] === points.at(-1)![1]) {
    points.pop();
    index.pop();
  }
  return { points, index };
}

/**
 * Find runs of at least three equal chords turning equally (two turning vertices or more) and
 * report those whose chords stray more than `toleranceM` from their circle.
 */
export function coarseArcs(ring: readonly Planar[], toleranceM: number): ChordArc[] {
  const { points, index } = distinct(ring);
  const n = points.length;
  if (n < 4) return [];
  const seg = points.map((p, i) => {
    const q = points[(i + 1) % n]!;
    return Math.hypot(q[0] - p[0], q[1] - p[1]);
  });
  const turn = points.map((p, i) => {
    const a = points[(i - 1 + n) % n]!;
    const b = points[(i + 1) % n]!;
    const h1 = Math.atan2(p[1] - a[1], p[0] - a[0]);
    const h2 = Math.atan2(b[1] - p[1], b[0] - p[0]);
    let t = h2 - h1;
    while (t > Math.PI) t -= 2 * Math.PI;
    while (t < -Math.PI) t += 2 * Math.PI;
    return t;
  });
  const arcLike = (i: number) => Math.abs(turn[i]!) >= MIN_TURN && Math.abs(turn[i]!) <= MAX_TURN;
  // Vertex i continues a run that started at turning vertex s (its chords are seg[s-1] … seg[i]).
  const continues = (s: number, i: number) =>
    arcLike(i) &&
    Math.sign(turn[i]!) === Math.sign(turn[s]!) &&
    Math.abs(turn[i]! - turn[s]!) <= TURN_SPREAD * Math.abs(turn[s]!) &&
    Math.abs(seg[i]! - seg[(s - 1 + n) % n]!) <= LENGTH_SPREAD * seg[(s - 1 + n) % n]! &&
    Math.abs(seg[(i - 1 + n) % n]! - seg[(s - 1 + n) % n]!) <= LENGTH_SPREAD * seg[(s - 1 + n) % n]!;

  const measure = (turns: number[], chords: number[]) => {
    const theta = turns.reduce((s, t) => s + Math.abs(t), 0) / turns.length;
    const length = chords.reduce((s, c) => s + c, 0) / chords.length;
    const radiusM = length / (2 * Math.sin(theta / 2));
    return { radiusM, sagittaM: radiusM * (1 - Math.cos(theta / 2)) };
  };

  // A ring whose every vertex turns alike is a polygon standing in for a circle.
  if (points.every((_, i) => continues(0, i))) {
    const m = measure(turn, seg);
    return m.sagittaM > toleranceM
      ? [{ from: index[0]!, to: index[0]!, chords: n, ...m, wholeRing: true }]
      : [];
  }
  // Start the walk just after a vertex that is not in the middle of a run, so no run is cut at 0.
  let start = 0;
  while (start < n && continues((start - 1 + n) % n, start)) start++;
  const found: ChordArc[] = [];
  let k = 0;
  while (k < n) {
    const s = (start + k) % n;
    if (!arcLike(s)) {
      k++;
      continue;
    }
    let len = 1;
    while (k + len < n && continues(s, (s + len) % n)) len++;
    if (len >= 2) {
      const turns = Array.from({ length: len }, (_, j) => turn[(s + j) % n]!);
      const chords = Array.from({ length: len + 1 }, (_, j) => seg[(s - 1 + j + n) % n]!);
      const m = measure(turns, chords);
      if (m.sagittaM > toleranceM)
        found.push({
          from: index[(s - 1 + n) % n]!,
          to: index[(s + len) % n]!,
          chords: len + 1,
          ...m,
          wholeRing: false,
        });
    }
    k += len;
  }
  return found;
}

/** Centre of the circle through a, b and c (null when they are in line). */
function circumcentre(a: Planar, b: Planar, c: Planar): Planar | null {
  const d = 2 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]));
  if (Math.abs(d) < 1e-12) return null;
  const a2 = a[0] ** 2 + a[1] ** 2;
  const b2 = b[0] ** 2 + b[1] ** 2;
  const c2 = c[0] ** 2 + c[1] ** 2;
  return [
    (a2 * (b[1] - c[1]) + b2 * (c[1] - a[1]) + c2 * (a[1] - b[1])) / d,
    (a2 * (c[0] - b[0]) + b2 * (a[0] - c[0]) + c2 * (b[0] - a[0])) / d,
  ];
}

/**
 * Replace the chords of `arc` in the closed ring by points on its circle, close enough that no
 * chord strays more than `toleranceM`. The arc's end vertices stay where they are; a whole-ring
 * arc keeps its first vertex. Returns a new closed ring.
 */
export function densifyArc(
  ring: readonly Planar[],
  arc: Pick<ChordArc, 'from' | 'to' | 'wholeRing'>,
  toleranceM: number,
): Planar[] {
  const open = ring.slice(0, -1);
  const n = open.length;
  const run: Planar[] = [];
  for (let i = arc.from; ; i = (i + 1) % n) {
    run.push(open[i]!);
    if (run.length > 1 && i === arc.to) break;
    if (run.length > n + 1) break;
  }
  const first = run[0]!;
  const last = run.at(-1)!;
  const centre = arc.wholeRing
    ? ([
        run.slice(0, -1).reduce((s, p) => s + p[0], 0) / (run.length - 1),
        run.slice(0, -1).reduce((s, p) => s + p[1], 0) / (run.length - 1),
      ] as Planar)
    : circumcentre(first, run[Math.floor(run.length / 2)]!, last);
  if (!centre) throw new RangeError('the vertices of this arc are in line');
  const radius = arc.wholeRing
    ? run.slice(0, -1).reduce((s, p) => s + Math.hypot(p[0] - centre[0], p[1] - centre[1]), 0) /
      (run.length - 1)
    : Math.hypot(first[0] - centre[0], first[1] - centre[1]);
  const a0 = Math.atan2(first[1] - centre[1], first[0] - centre[0]);
  let sweep: number;
  if (arc.wholeRing) {
    const second = run[1]!;
    const turnsLeft =
      (second[0] - first[0]) * (centre[1] - first[1]) - (second[1] - first[1]) * (centre[0] - first[0]) > 0;
    sweep = turnsLeft ? 2 * Math.PI : -2 * Math.PI;
  } else {
    // Sum the signed angles between consecutive run vertices as seen from the centre.
    sweep = 0;
    for (let j = 1; j < run.length; j++) {
      const p = run[j - 1]!;
      const q = run[j]!;
      let d = Math.atan2(q[1] - centre[1], q[0] - centre[0]) - Math.atan2(p[1] - centre[1], p[0] - centre[0]);
      while (d > Math.PI) d -= 2 * Math.PI;
      while (d < -Math.PI) d += 2 * Math.PI;
      sweep += d;
    }
  }
  const step = 2 * Math.acos(Math.max(-1, 1 - toleranceM / radius));
  const count = Math.max(run.length - 1, Math.ceil(Math.abs(sweep) / step));
  const inner: Planar[] = [];
  for (let j = 1; j < count; j++) {
    const a = a0 + (sweep * j) / count;
    inner.push([centre[0] + radius * Math.cos(a), centre[1] + radius * Math.sin(a)]);
  }
  if (arc.wholeRing) return [first, ...inner, first];
  // Rebuild the ring: everything outside the run, then the run's ends with the new points between.
  const out: Planar[] = [];
  if (arc.from < arc.to) {
    out.push(...open.slice(0, arc.from + 1), ...inner, ...open.slice(arc.to));
  } else {
    // The run wraps past vertex 0: start the ring at the run's first vertex.
    out.push(...open.slice(arc.from, arc.from + 1), ...inner, ...open.slice(arc.to, arc.from));
  }
  return [...out, out[0]!];
}
