import { buildBoxIndex } from '../../geometry/spatialIndex';
import type { FileBudget } from '../budgets';
import type { Coordinates, LayerGeometry } from '../layer';
import type { ShapeOutcome } from './shpRead';

/**
 * Shapefile polygons are a flat list of rings: outer rings clockwise, holes counter-clockwise, in
 * any order. This turns them into a GeoJSON Polygon or MultiPolygon (outer rings counter-clockwise,
 * holes clockwise, each hole after the smallest outer ring that contains it). A hole inside no
 * outer ring becomes an outer ring of its own, as GDAL does. Each hole is tested only against the
 * shells whose box holds its box (an R-tree), smallest first; the tests spend from the file's
 * ring budget, so rings that all share one extent are refused instead of taking minutes.
 */
interface RingInfo {
  ring: Coordinates[];
  /** Twice the signed area as stored in the file (negative = clockwise = shell). */
  area2: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

type Problem = { problem: { zh: string; en: string } };
const ringProblem = (i: number, zh: string, en: string): Problem => ({
  problem: { zh: `第 ${i + 1} 个环${zh}`, en: `ring ${i + 1} ${en}` },
});

/**
 * One ring read straight from the .shp bytes (coordinates already known finite): checks, area
 * and box in one pass over the DataView, then the positions built once in GeoJSON orientation
 * (no copy, no reversal later).
 */
function readRing(view: DataView, at: number, start: number, end: number, index: number): RingInfo | Problem {
  const n = end - start;
  if (n < 4) return ringProblem(index, '少于 4 个点', 'has fewer than 4 points');
  const base = at + start * 16;
  const x0 = view.getFloat64(base, true);
  const y0 = view.getFloat64(base + 8, true);
  let minX = x0;
  let minY = y0;
  let maxX = x0;
  let maxY = y0;
  let area2 = 0;
  let px = 0;
  let py = 0;
  for (let i = 1; i < n; i++) {
    const x = view.getFloat64(base + i * 16, true);
    const y = view.getFloat64(base + i * 16 + 8, true);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    const dx = x - x0;
    const dy = y - y0;
    area2 += px * dy - dx * py; // fan from the first vertex keeps precision at 28 500 000 m
    px = dx;
    py = dy;
  }
  if (
    view.getFloat64(base + (n - 1) * 16, true) !== x0 ||
    view.getFloat64(base + (n - 1) * 16 + 8, true) !== y0
  )
    return ringProblem(index, '未闭合', 'is not closed');
  if (area2 === 0) return ringProblem(index, '面积为零（退化）', 'has zero area (degenerate)');
  // GeoJSON: shells counter-clockwise, holes clockwise: i.e. the file's order reversed.
  const ring: Coordinates[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const o = base + (n - 1 - i) * 16;
    ring[i] = [view.getFloat64(o, true), view.getFloat64(o + 8, true)];
  }
  return { ring, area2, minX, minY, maxX, maxY };
}

/**
 * A shell's edges bucketed by horizontal strips, so a point is tested against the edges that
 * span its y only: a 100 000-vertex shell costs each test a few dozen edges, not all of them.
 * Edge k joins vertices k and k + 1. Null when the ring is small or its edges are so long and
 * slanted that the strips would hold each many times over.
 */
interface Strips {
  minY: number;
  height: number;
  offsets: Int32Array;
  edges: Int32Array;
}

const STRIP_MIN_VERTICES = 64;

function stripsOf(info: RingInfo): Strips | null {
  const ring = info.ring;
  const m = ring.length - 1;
  if (m < STRIP_MIN_VERTICES || !(info.maxY > info.minY)) return null;
  const count = Math.ceil(m / 8);
  const height = (info.maxY - info.minY) / count;
  const stripOf = (y: number) => Math.min(count - 1, Math.floor((y - info.minY) / height));
  const sizes = new Int32Array(count + 1);
  let total = 0;
  for (let k = 0; k < m; k++) {
    const [a, b] = [ring[k]![1]!, ring[k + 1]![1]!];
    const span = stripOf(Math.max(a, b)) - stripOf(Math.min(a, b)) + 1;
    total += span;
    if (total > 8 * m) return null;
    for (let s = stripOf(Math.min(a, b)); s <= stripOf(Math.max(a, b)); s++) sizes[s + 1]!++;
  }
  for (let s = 0; s < count; s++) sizes[s + 1]! += sizes[s]!;
  const edges = new Int32Array(total);
  const fill = sizes.slice(0, count);
  for (let k = 0; k < m; k++) {
    const [a, b] = [ring[k]![1]!, ring[k + 1]![1]!];
    for (let s = stripOf(Math.min(a, b)); s <= stripOf(Math.max(a, b)); s++) edges[fill[s]!++] = k;
  }
  return { minY: info.minY, height, offsets: sizes, edges };
}

/** Edges looked at by `side` since the caller last reset it (spent from the ring budget). */
let visited = 0;

/** Where (x, y) lies against the edge from a to b: 0 on it, 1 when a ray to +x crosses it, else −1. */
function edgeSide(x: number, y: number, a: Coordinates, b: Coordinates): number {
  const [xi, yi] = a as [number, number];
  const [xj, yj] = b as [number, number];
  const cross = (xj - xi) * (y - yi) - (yj - yi) * (x - xi);
  const scale = Math.abs(xj - xi) + Math.abs(yj - yi);
  if (
    Math.abs(cross) <= 1e-12 * scale * (scale + Math.abs(x) + Math.abs(y)) &&
    x >= Math.min(xi, xj) &&
    x <= Math.max(xi, xj) &&
    y >= Math.min(yi, yj) &&
    y <= Math.max(yi, yj)
  )
    return 0;
  return yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi ? 1 : -1;
}

/** 1 inside, −1 outside, 0 on the boundary (within a hair of an edge). */
function side(x: number, y: number, outer: RingInfo, strips: Strips | null): number {
  const ring = outer.ring;
  let inside = false;
  if (strips) {
    if (y < outer.minY || y > outer.maxY) return -1; // no edge spans y
    const s = Math.min(strips.offsets.length - 2, Math.floor((y - strips.minY) / strips.height));
    const [from, to] = [strips.offsets[s]!, strips.offsets[s + 1]!];
    visited += to - from;
    for (let e = from; e < to; e++) {
      const k = strips.edges[e]!;
      const v = edgeSide(x, y, ring[k]!, ring[k + 1]!);
      if (v === 0) return 0;
      if (v === 1) inside = !inside;
    }
    return inside ? 1 : -1;
  }
  visited += ring.length;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const v = edgeSide(x, y, ring[i]!, ring[j]!);
    if (v === 0) return 0;
    if (v === 1) inside = !inside;
  }
  return inside ? 1 : -1;
}

/**
 * Whether a hole lies in a shell: a vote of a few of its vertices and edge midpoints, points on
 * the shell's boundary abstaining — so a hole touching its shell (GDAL's polygonm_with_m) or
 * poking out at one vertex (digitising slips) is still placed. The edges looked at are spent
 * from the file's ring budget.
 */
function contains(outer: RingInfo, strips: Strips | null, hole: RingInfo, budget: FileBudget): boolean {
  if (hole.minX < outer.minX || hole.maxX > outer.maxX || hole.minY < outer.minY || hole.maxY > outer.maxY)
    return false;
  const n = hole.ring.length - 1;
  const step = Math.max(1, Math.floor(n / 4));
  visited = 0;
  let votes = 0;
  for (let i = 0; i < n; i += step) {
    const [x0, y0] = hole.ring[i] as [number, number];
    const [x1, y1] = hole.ring[i + 1] as [number, number];
    votes += side(x0, y0, outer, strips) + side((x0 + x1) / 2, (y0 + y1) / 2, outer, strips);
  }
  budget.spend('ringTests', visited);
  return votes > 0;
}

/** A polygon record: `pointsAt` is the byte offset of its first point, `parts` the [start, end) indices. */
export function assemblePolygon(
  view: DataView,
  pointsAt: number,
  parts: readonly [number, number][],
  budget: FileBudget,
): ShapeOutcome {
  const rings: RingInfo[] = [];
  for (let i = 0; i < parts.length; i++) {
    const info = readRing(view, pointsAt, parts[i]![0], parts[i]![1], i);
    if ('problem' in info) return info;
    rings.push(info);
  }
  if (rings.length === 1) {
    const only = rings[0]!;
    // A lone ring is the shell whichever way it turns.
    return { geometry: { type: 'Polygon', coordinates: [only.area2 < 0 ? only.ring : only.ring.reverse()] } };
  }
  let outers = rings.filter((r) => r.area2 < 0);
  let holes = rings.filter((r) => r.area2 > 0);
  if (outers.length === 0) {
    // Every ring counter-clockwise (a writer that ignored the spec): all are shells.
    for (const r of holes) r.ring.reverse();
    [outers, holes] = [holes, []];
  }
  const polygons: Coordinates[][][] = outers.map((o) => [o.ring]);
  const boxes = new Float64Array(outers.length * 4);
  outers.forEach((o, k) => boxes.set([o.minX, o.minY, o.maxX, o.maxY], k * 4));
  const index = holes.length ? buildBoxIndex(boxes) : null;
  const strips: (Strips | null | undefined)[] = new Array(outers.length);
  for (const hole of holes) {
    // Shells whose box meets the hole's, smallest first: the first that holds it is the one.
    const candidates = index!
      .search([hole.minX, hole.minY, hole.maxX, hole.maxY])
      .sort((a, b) => outers[b]!.area2 - outers[a]!.area2 || a - b);
    const best = candidates.find((k) => {
      strips[k] ??= stripsOf(outers[k]!);
      return contains(outers[k]!, strips[k], hole, budget);
    });
    if (best !== undefined) polygons[best]!.push(hole.ring);
    else polygons.push([hole.ring.reverse()]); // a hole in no shell becomes a shell, as in GDAL
  }
  const geometry: LayerGeometry =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons };
  return { geometry };
}
