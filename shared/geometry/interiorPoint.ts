import { polygonsOf, type Position, type Ring, type ZoneGeometry } from '../domain/geometry';
import { locateInPolygon } from './pointInPolygon';
import { signedArea } from './rings';

/**
 * A representative point guaranteed strictly inside a zone: the pole of inaccessibility (the
 * interior point farthest from the boundary, found as in Mapbox's polylabel) of its largest part,
 * so labels sit in the visual middle even of L, U and ring shapes. If that search cannot settle on
 * an interior point (slivers), the midpoint of the widest scanline interval is used instead.
 */

/** A local frame in approximate metres (equirectangular at the middle latitude), so "farthest" means on the ground. */
interface Frame {
  lon0: number;
  lat0: number;
  kx: number;
  ky: number;
}

const METRES_PER_DEGREE = 111_320;

function frameOf(rings: readonly Ring[]): Frame {
  const shell = rings[0]!;
  const [, , minY, maxY] = boxOf(shell);
  const lat0 = (minY + maxY) / 2;
  const ky = METRES_PER_DEGREE;
  return { lon0: shell[0]![0], lat0, kx: ky * Math.cos((lat0 * Math.PI) / 180), ky };
}

const toLocal = (f: Frame, p: Position): Position => [(p[0] - f.lon0) * f.kx, (p[1] - f.lat0) * f.ky];
const toLonLat = (f: Frame, p: Position): Position => [p[0] / f.kx + f.lon0, p[1] / f.ky + f.lat0];

/** Distance from a point to the boundary, positive inside and negative outside (even-odd). */
function signedDistance(x: number, y: number, rings: readonly Ring[]): number {
  let inside = false;
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i]!;
      const [bx, by] = ring[j]!;
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      const dx = bx - ax;
      const dy = by - ay;
      const t =
        dx || dy ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy))) : 0;
      best = Math.min(best, (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2);
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(best);
}

interface Cell {
  x: number;
  y: number;
  half: number;
  d: number;
  /** The best distance any point of the cell could have. */
  max: number;
}

function cell(x: number, y: number, half: number, rings: readonly Ring[]): Cell {
  const d = signedDistance(x, y, rings);
  return { x, y, half, d, max: d + half * Math.SQRT2 };
}

/** Binary max-heap on `max`. */
class CellQueue {
  private readonly items: Cell[] = [];
  get size(): number {
    return this.items.length;
  }
  push(c: Cell): void {
    const a = this.items;
    a.push(c);
    for (let i = a.length - 1, up = (i - 1) >> 1; i > 0 && a[up]!.max < a[i]!.max; i = up, up = (i - 1) >> 1)
      [a[up], a[i]] = [a[i]!, a[up]!];
  }
  pop(): Cell {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length === 0) return top;
    a[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && a[l]!.max > a[m]!.max) m = l;
      if (r < a.length && a[r]!.max > a[m]!.max) m = r;
      if (m === i) return top;
      [a[m], a[i]] = [a[i]!, a[m]!];
      i = m;
    }
  }
}

function boxOf(ring: Ring): [number, number, number, number] {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of ring) {
    [minX, maxX] = [Math.min(minX, x), Math.max(maxX, x)];
    [minY, maxY] = [Math.min(minY, y), Math.max(maxY, y)];
  }
  return [minX, maxX, minY, maxY];
}

/**
 * Polylabel over local rings; precision is 1/1000 of the larger bounding-box side. Work is
 * bounded: the first grid has at most 256 cells along that side (slivers stay cheap) and the
 * search stops after about 4·10⁶ vertex visits, keeping the best cell found so far.
 */
function poleOfInaccessibility(rings: readonly Ring[]): Cell | null {
  const [minX, maxX, minY, maxY] = boxOf(rings[0]!);
  const longer = Math.max(maxX - minX, maxY - minY);
  const size = Math.max(Math.min(maxX - minX, maxY - minY), longer / 256);
  if (!(size > 0)) return null;
  const precision = longer / 1000;
  const vertices = rings.reduce((sum, ring) => sum + ring.length, 0);
  let budget = Math.max(300, Math.floor(4_000_000 / vertices));
  const queue = new CellQueue();
  for (let x = minX; x < maxX; x += size)
    for (let y = minY; y < maxY; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2, rings));
  let best = cell((minX + maxX) / 2, (minY + maxY) / 2, 0, rings);
  while (queue.size > 0 && budget > 0) {
    const c = queue.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.half / 2;
    budget -= 4;
    for (const [dx, dy] of [
      [-h, -h],
      [h, -h],
      [-h, h],
      [h, h],
    ] as const)
      queue.push(cell(c.x + dx, c.y + dy, h, rings));
  }
  return best.d > 0 ? best : null;
}

/** Inside intervals of the rings on the horizontal line at y (even-odd), widest first. */
function widestInterval(rings: readonly Ring[], y: number): { width: number; point: Position } | null {
  const xs: number[] = [];
  for (const ring of rings)
    for (let k = 1; k < ring.length; k++) {
      const [ax, ay] = ring[k - 1]!;
      const [bx, by] = ring[k]!;
      if (ay > y !== by > y) xs.push(ax + ((y - ay) / (by - ay)) * (bx - ax));
    }
  xs.sort((a, b) => a - b);
  let best: { width: number; point: Position } | null = null;
  for (let k = 1; k < xs.length; k += 2) {
    const width = xs[k]! - xs[k - 1]!;
    if (width > 0 && (!best || width > best.width)) best = { width, point: [(xs[k]! + xs[k - 1]!) / 2, y] };
  }
  return best;
}

/**
 * Midpoint of the widest inside interval on a horizontal line halfway between two vertex
 * latitudes (so it meets no vertex), trying the lines nearest the middle first.
 */
function scanlinePoint(rings: readonly Ring[]): Position | null {
  const ys = [...new Set(rings.flat().map((p) => p[1]))].sort((a, b) => a - b);
  const middle = (ys[0]! + ys[ys.length - 1]!) / 2;
  const lines = ys.slice(1).map((y, i) => (ys[i]! + y) / 2);
  lines.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle));
  for (const y of lines) {
    const found = widestInterval(rings, y);
    if (found) return found.point;
  }
  return null;
}

/**
 * A point strictly inside the geometry's largest part, for labels and the object's representative
 * point. Only a degenerate geometry (no inside at all) gets its first vertex back.
 */
export function interiorPoint(geometry: ZoneGeometry): Position {
  const parts = polygonsOf(geometry).filter((rings) => rings[0] && rings[0].length > 0);
  if (parts.length === 0) throw new RangeError('the geometry has no vertices');
  const largest = parts.reduce((a, b) => (Math.abs(signedArea(b[0]!)) > Math.abs(signedArea(a[0]!)) ? b : a));
  const frame = frameOf(largest);
  const local = largest.map((ring) => ring.map((p) => toLocal(frame, p)));
  const pole = poleOfInaccessibility(local);
  if (pole) {
    const point = toLonLat(frame, [pole.x, pole.y]);
    if (locateInPolygon(point, largest) === 'inside') return point;
  }
  const scan = scanlinePoint(largest);
  return scan ?? largest[0]![0]!;
}
