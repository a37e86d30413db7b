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

/** 1 inside, −1 outside, 0 on the boundary (within a hair of an edge). */
function side(x: number, y: number, ring: Coordinates[]): number {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
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
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : -1;
}

/**
 * Whether a hole lies in a shell: a vote of a few of its vertices and edge midpoints, points on
 * the shell's boundary abstaining — so a hole touching its shell (GDAL's polygonm_with_m) or
 * poking out at one vertex (digitising slips) is still placed.
 */
function contains(outer: RingInfo, hole: RingInfo, budget: FileBudget): boolean {
  if (hole.minX < outer.minX || hole.maxX > outer.maxX || hole.minY < outer.minY || hole.maxY > outer.maxY)
    return false;
  const n = hole.ring.length - 1;
  const step = Math.max(1, Math.floor(n / 4));
  budget.spend('ringTests', 2 * Math.ceil(n / step) * outer.ring.length);
  let votes = 0;
  for (let i = 0; i < n; i += step) {
    const [x0, y0] = hole.ring[i] as [number, number];
    const [x1, y1] = hole.ring[i + 1] as [number, number];
    votes += side(x0, y0, outer.ring) + side((x0 + x1) / 2, (y0 + y1) / 2, outer.ring);
  }
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
  for (const hole of holes) {
    // Shells whose box meets the hole's, smallest first: the first that holds it is the one.
    const candidates = index!
      .search([hole.minX, hole.minY, hole.maxX, hole.maxY])
      .sort((a, b) => outers[b]!.area2 - outers[a]!.area2 || a - b);
    const best = candidates.find((k) => contains(outers[k]!, hole, budget));
    if (best !== undefined) polygons[best]!.push(hole.ring);
    else polygons.push([hole.ring.reverse()]); // a hole in no shell becomes a shell, as in GDAL
  }
  const geometry: LayerGeometry =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons };
  return { geometry };
}
