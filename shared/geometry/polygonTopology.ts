import type { Position, Ring } from '../domain/geometry';
import { locateInPolygon } from './pointInPolygon';
import type { ProblemLog } from './polygonProblems';
import { forEachCandidatePair } from './segmentIndex';
import {
  areNeighbours,
  onRingBoundary,
  orient,
  pointInRing,
  segmentContact,
  segmentsOf,
  type Segment,
} from './segments';
import { ringsMeetOnlyAtNeighbourVertices } from './sweepContacts';

/** A polygon that passed the per-ring checks, with its index in the geometry. */
export interface CheckedPolygon {
  index: number;
  rings: Ring[];
}

/**
 * The vertex nearest to a contact point, as an index into `s`'s ring (the closing vertex → 0),
 * chosen among the ends of `s` and, when it lies in the same ring, of `t`.
 */
function nearestVertex(s: Segment, t: Segment, at: Position, ringLength: number): number {
  const ends: [Position, number][] = [
    [s.a, s.index],
    [s.b, s.index + 1],
  ];
  if (t.polygon === s.polygon && t.ring === s.ring) ends.push([t.a, t.index], [t.b, t.index + 1]);
  let best = ends[0]!;
  let nearest = Infinity;
  for (const end of ends) {
    const d = Math.hypot(at[0] - end[0][0], at[1] - end[0][1]);
    if (d < nearest) [best, nearest] = [end, d];
  }
  return best[1] >= ringLength - 1 ? 0 : best[1];
}

/** Union-find over ring and touch-point nodes: a cycle means the rings cut the interior apart. */
class TouchGraph {
  private readonly parent = new Map<string, string>();
  private readonly edges = new Set<string>();

  private root(node: string): string {
    let r = node;
    while (this.parent.has(r)) r = this.parent.get(r)!;
    if (r !== node) this.parent.set(node, r);
    return r;
  }

  /** Record that `ring` passes through `point`; true when this closes a cycle. */
  connect(ring: number, point: Position): boolean {
    const edge = `${ring}@${point[0]},${point[1]}`;
    if (this.edges.has(edge)) return false;
    this.edges.add(edge);
    const a = this.root(`r${ring}`);
    const b = this.root(`p${point[0]},${point[1]}`);
    if (a === b) return true;
    this.parent.set(a, b);
    return false;
  }
}

/**
 * Edge contacts across the whole geometry in one pass over a grid index: a ring crossing or
 * touching itself, a hole crossing the shell or another hole (touching at single points is
 * allowed, as in OGC, unless the touches cut the interior in two), parts crossing each other.
 */
function checkEdges(polygons: CheckedPolygon[], segments: readonly Segment[], log: ProblemLog): void {
  const ringsOf = new Map(polygons.map((p) => [p.index, p.rings]));
  const graphs = new Map<number, TouchGraph>();
  forEachCandidatePair(segments, (s, t) => {
    const { kind, at } = segmentContact(s.a, s.b, t.a, t.b);
    if (kind === 'none' || !at) return false;
    // Report on the later part / ring (a hole rather than its shell), near its nearest vertex.
    const later = s.polygon > t.polygon || (s.polygon === t.polygon && s.ring > t.ring);
    const [first, second] = later ? [t, s] : [s, t];
    const vertex = nearestVertex(second, first, at, ringsOf.get(second.polygon)![second.ring]!.length);
    const place = { polygon: second.polygon, ring: second.ring, vertex, at };
    if (s.polygon !== t.polygon) {
      if (kind !== 'touch') log.add({ code: 'polygons_overlap', ...place });
    } else if (s.ring === t.ring) {
      if (kind !== 'touch' || !areNeighbours(s, t)) log.add({ code: 'self_intersection', ...place });
    } else if (kind !== 'touch') {
      log.add({ code: 'rings_cross', ...place });
    } else {
      const graph = graphs.get(s.polygon) ?? new TouchGraph();
      graphs.set(s.polygon, graph);
      const cycle = graph.connect(first.ring, at) || graph.connect(second.ring, at);
      if (cycle) log.add({ code: 'interior_disconnected', ...place });
    }
    return log.full;
  });
}

/** A vertex of `ring` that is not on `other`'s boundary, if there is one. */
function offBoundaryVertex(ring: Ring, other: Ring): Position | undefined {
  return ring.find((p) => !onRingBoundary(p, other));
}

/** With no edges crossing, one vertex tells whether a ring lies inside another. */
function holePlacement({ index, rings }: CheckedPolygon, log: ProblemLog): void {
  const [shell, ...holes] = rings;
  holes.forEach((hole, h) => {
    const probe = offBoundaryVertex(hole, shell!);
    if (probe && !pointInRing(probe, shell!))
      log.add({ code: 'hole_outside_shell', polygon: index, ring: h + 1, at: hole[0] });
    holes.forEach((other, o) => {
      const inner = o !== h ? offBoundaryVertex(hole, other) : undefined;
      if (inner && pointInRing(inner, other))
        log.add({ code: 'nested_holes', polygon: index, ring: h + 1, at: hole[0] });
    });
  });
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function boxOf(ring: Ring): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x, y] of ring) {
    box.minX = Math.min(box.minX, x);
    box.minY = Math.min(box.minY, y);
    box.maxX = Math.max(box.maxX, x);
    box.maxY = Math.max(box.maxY, y);
  }
  return box;
}

const within = (a: Box, b: Box) =>
  a.minX >= b.minX && a.maxX <= b.maxX && a.minY >= b.minY && a.maxY <= b.maxY;

/** With no edges crossing, a part lying inside another part (not in one of its holes) overlaps it. */
function partContainment(polygons: CheckedPolygon[], log: ProblemLog): void {
  const boxes = polygons.map((p) => boxOf(p.rings[0]!));
  polygons.forEach((inner, i) => {
    polygons.forEach((outer, o) => {
      if (i === o || !within(boxes[i]!, boxes[o]!)) return;
      if (log.hasErrors(inner.index) || log.hasErrors(outer.index)) return;
      const probe = inner.rings[0]!.find((p) => locateInPolygon(p, outer.rings) !== 'boundary');
      if (probe && locateInPolygon(probe, outer.rings) === 'inside') {
        const polygon = Math.max(inner.index, outer.index);
        log.add({ code: 'polygons_overlap', polygon, ring: 0, at: probe });
      }
    });
  });
}

/** Rings up to this many vertices are checked without building segment objects and a grid. */
const PAIRWISE_LIMIT = 256;

/** Work arrays of ringMeetsOnlyNeighbours, grown when a ring needs more (one thread, no re-entry). */
const scratch = {
  starts: new Int32Array(0),
  box: new Float64Array(0),
  first: new Int32Array(0),
  filled: new Int32Array(0),
  members: new Int32Array(0),
};

/**
 * Whether one ring meets itself nowhere but where consecutive edges share their vertex: the same
 * pairs the grid index would hand to checkEdges (non-degenerate edges whose boxes overlap,
 * touching included) and the same test, on typed arrays. Edges are filed in horizontal bands; a
 * pair is tried only in the band holding the higher of the two boxes' bottoms, which both boxes
 * reach when they overlap, so each overlapping pair is tried exactly once. For the few hundred
 * vertices of a zone that is ten times faster than the general path; any other contact returns
 * false, and checkEdges then finds and reports it exactly as before.
 */
function ringMeetsOnlyNeighbours(ring: Ring): boolean {
  if (scratch.starts.length < ring.length) {
    scratch.starts = new Int32Array(2 * ring.length);
    scratch.box = new Float64Array(8 * ring.length);
    scratch.first = new Int32Array(ring.length);
    scratch.filled = new Int32Array(ring.length);
    scratch.members = new Int32Array(8 * ring.length);
  }
  const { starts, box, first, filled } = scratch;
  let size = 0;
  let bottom = Infinity;
  let top = -Infinity;
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    if (a[0] === b[0] && a[1] === b[1]) continue;
    starts[size] = i;
    box[4 * size] = Math.min(a[0], b[0]);
    box[4 * size + 1] = Math.max(a[0], b[0]);
    box[4 * size + 2] = Math.min(a[1], b[1]);
    box[4 * size + 3] = Math.max(a[1], b[1]);
    bottom = Math.min(bottom, box[4 * size + 2]!);
    top = Math.max(top, box[4 * size + 3]!);
    size++;
  }
  const bands = top > bottom ? Math.max(1, size >> 2) : 1;
  const height = (top - bottom) / bands;
  const bandOf = (y: number) => (bands === 1 ? 0 : Math.min(bands - 1, Math.floor((y - bottom) / height)));
  first.fill(0, 0, bands + 1);
  for (let i = 0; i < size; i++)
    for (let b = bandOf(box[4 * i + 2]!), last = bandOf(box[4 * i + 3]!); b <= last; b++) first[b + 1]!++;
  for (let b = 0; b < bands; b++) first[b + 1]! += first[b]!;
  if (scratch.members.length < first[bands]!) scratch.members = new Int32Array(2 * first[bands]!);
  const members = scratch.members;
  filled.set(first.subarray(0, bands));
  for (let i = 0; i < size; i++)
    for (let b = bandOf(box[4 * i + 2]!), last = bandOf(box[4 * i + 3]!); b <= last; b++)
      members[filled[b]!++] = i;
  for (let b = 0; b < bands; b++) {
    for (let m = first[b]!; m < first[b + 1]!; m++) {
      const i = members[m]!;
      for (let n = m + 1; n < first[b + 1]!; n++) {
        const j = members[n]!;
        const p = 4 * i;
        const q = 4 * j;
        if (
          box[p + 1]! < box[q]! ||
          box[q + 1]! < box[p]! ||
          box[p + 3]! < box[q + 2]! ||
          box[q + 3]! < box[p + 2]!
        )
          continue;
        if (bands > 1 && bandOf(Math.max(box[p + 2]!, box[q + 2]!)) !== b) continue;
        const gap = Math.abs(i - j);
        if (gap === 1 || gap === size - 1) continue; // neighbours: below
        if (contact(ring, starts, Math.min(i, j), Math.max(i, j)) !== 'none') return false;
      }
    }
  }
  // Consecutive edges share a vertex, and touch there (fine) unless they run back along each other.
  // segmentContact finds anything else only when the vertices are collinear, both ways exactly.
  for (let k = 0; k < size && size > 1; k++) {
    const i = k + 1 < size ? k : 0;
    const j = k + 1 < size ? k + 1 : size - 1;
    const a = ring[starts[i]!]!;
    const b = ring[starts[i]! + 1]!;
    const c = ring[starts[j]!]!;
    const d = ring[starts[j]! + 1]!;
    if (orient(c, d, a) !== 0 || orient(c, d, b) !== 0 || orient(a, b, c) !== 0 || orient(a, b, d) !== 0)
      continue;
    if (contact(ring, starts, i, j) !== 'touch') return false;
  }
  return true;
}

/** segmentContact of the i-th and j-th non-degenerate edges of a ring (i < j), as checkEdges asks it. */
function contact(ring: Ring, starts: Int32Array, i: number, j: number) {
  const s = starts[i]!;
  const t = starts[j]!;
  return segmentContact(ring[s]!, ring[s + 1]!, ring[t]!, ring[t + 1]!).kind;
}

/** Topology checks on polygons whose rings are each closed, finite and non-degenerate. */
export function checkTopology(polygons: CheckedPolygon[], log: ProblemLog): void {
  const only = polygons.length === 1 ? polygons[0]! : null;
  const oneRing = !!only && only.rings.length === 1;
  // Most geometries are clean: a sweep says so in O(n log n) (sweepContacts.ts). When it cannot
  // be sure, a small ring is checked pair by pair and anything else by the grid pass that names
  // each problem. One ring and no holes or parts: the edge contacts are all there is to check.
  // The segments (an object per edge) are built only for that grid pass.
  const clean =
    ringsMeetOnlyAtNeighbourVertices(polygons) ||
    (oneRing && only.rings[0]!.length <= PAIRWISE_LIMIT && ringMeetsOnlyNeighbours(only.rings[0]!));
  if (clean && oneRing) return;
  if (!clean)
    checkEdges(
      polygons,
      polygons.flatMap((p) => segmentsOf(p.rings, p.index)),
      log,
    );
  for (const polygon of polygons) {
    if (polygon.rings.length > 1 && !log.hasErrors(polygon.index)) holePlacement(polygon, log);
  }
  if (polygons.length > 1) partContainment(polygons, log);
}
