import type { Coordinate } from 'ol/coordinate';
import { createCanvasContext2D } from 'ol/dom';
import MultiLineString from 'ol/geom/MultiLineString';
import type Polygon from 'ol/geom/Polygon';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import type { State } from 'ol/render';
import { Stroke, Style } from 'ol/style';
import type { ZoneSymbol } from '../../shared/domain/symbology';

/**
 * A zone while one of its vertices is dragged, drawn as desktop GIS do (QGIS's vertex tool): the
 * zone as it was when the drag began, as one picture copied each frame, and a rubber band along
 * the edges that moved. Filling and stroking a 6 000-vertex boundary anew on every pointer move
 * cost tens of milliseconds in a software-drawn canvas; the band is a few segments. The committed
 * zone is drawn as usual once the drag ends.
 */
type Geometry = Polygon | MultiPolygon;
type Ring = Coordinate[];
type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

const SELECTED_COLOR = '#00a2ff';
const SELECTED_WIDTH = 4;
const band = new Stroke({ color: SELECTED_COLOR, width: 2, lineDash: [6, 4] });

/** The zone's geometry as last drawn outside a gesture (the drag changes the geometry in place). */
const before = new WeakMap<Geometry, { revision: number; snapshot: Geometry }>();

/** Remember how a selected zone looks now, for a drag that may begin. */
export function rememberGeometry(geometry: Geometry): void {
  if (before.get(geometry)?.revision === geometry.getRevision()) return;
  before.set(geometry, { revision: geometry.getRevision(), snapshot: geometry.clone() });
}

/** The rings of a polygon's or a multipolygon's pixel coordinates. */
function ringsOf(coordinates: unknown): Ring[] {
  const c = coordinates as Ring[] | Ring[][];
  if (c.length === 0) return [];
  return typeof (c[0] as Ring)[0]![0] === 'number' ? (c as Ring[]) : (c as Ring[][]).flat();
}

function tracePath(context: Context, rings: Ring[]): void {
  context.beginPath();
  for (const ring of rings) {
    ring.forEach(([x, y], i) => (i === 0 ? context.moveTo(x!, y!) : context.lineTo(x!, y!)));
    context.closePath();
  }
}

function paint(context: Context, rings: Ring[], symbol: ZoneSymbol, pixelRatio: number): void {
  tracePath(context, rings);
  context.fillStyle = symbol.fill;
  context.fill('evenodd');
  context.lineJoin = 'round';
  context.lineCap = 'round';
  context.strokeStyle = symbol.stroke;
  context.lineWidth = symbol.strokeWidth * pixelRatio;
  context.stroke();
  context.strokeStyle = SELECTED_COLOR;
  context.lineWidth = SELECTED_WIDTH * pixelRatio;
  context.stroke();
}

/** Counts pictures painted (tests: a drag paints the zone once, not per move). */
export const pictureStats = { painted: 0 };

function pictureRenderer(symbol: ZoneSymbol) {
  let picture: { context: Context; key: string; x: number; y: number } | null = null;
  return (coordinates: unknown, state: State): void => {
    const rings = ringsOf(coordinates);
    const first = rings[0];
    if (!first || first.length === 0) return;
    const mid = first[first.length >> 1]!;
    const { width: w, height: h } = state.context.canvas;
    const key = [w, h, state.pixelRatio, rings.length, first.length, ...first[0]!, ...mid].join(',');
    if (picture?.key !== key) {
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const ring of rings) {
        for (const [x, y] of ring) {
          minX = Math.min(minX, x!);
          minY = Math.min(minY, y!);
          maxX = Math.max(maxX, x!);
          maxY = Math.max(maxY, y!);
        }
      }
      // Only the part on the canvas (a zone may reach far beyond the window).
      const canvas = state.context.canvas;
      const margin = SELECTED_WIDTH * state.pixelRatio;
      const x = Math.max(Math.floor(minX) - margin, 0);
      const y = Math.max(Math.floor(minY) - margin, 0);
      const width = Math.min(Math.ceil(maxX) + margin, canvas.width) - x;
      const height = Math.min(Math.ceil(maxY) + margin, canvas.height) - y;
      if (width <= 0 || height <= 0) return;
      const target = picture?.context ?? createCanvasContext2D(width, height);
      target.canvas.width = width;
      target.canvas.height = height;
      target.setTransform(1, 0, 0, 1, -x, -y);
      paint(target, rings, symbol, state.pixelRatio);
      pictureStats.painted++;
      picture = { context: target, key, x, y };
    }
    state.context.drawImage(picture.context.canvas, picture.x, picture.y);
  };
}

/** One picture renderer per snapshot: the picture lives as long as the drag's snapshot. */
const renderers = new WeakMap<Geometry, ReturnType<typeof pictureRenderer>>();

function hitRenderer(coordinates: unknown, state: State): void {
  tracePath(state.context, ringsOf(coordinates));
  state.context.fill('evenodd');
}

/** Vertex ranges [from, to] of `live` whose coordinates differ from `old` (same stride, one ring). */
function changedRuns(
  old: number[],
  oldFrom: number,
  oldTo: number,
  live: number[],
  from: number,
  to: number,
  stride: number,
): number[][] {
  const n = (to - from) / stride;
  const m = (oldTo - oldFrom) / stride;
  const same = (i: number, j: number) =>
    live[from + i * stride] === old[oldFrom + j * stride] &&
    live[from + i * stride + 1] === old[oldFrom + j * stride + 1];
  if (n === m) {
    const runs: number[][] = [];
    // The last vertex repeats the first: a change there is the first vertex's.
    for (let i = 0; i < n - 1; i++) if (!same(i, i)) runs.push([i, i]);
    return runs;
  }
  // A vertex inserted (or removed): the stretch between the first and the last difference.
  let head = 0;
  while (head < Math.min(n, m) && same(head, head)) head++;
  let tail = 0;
  while (tail < Math.min(n, m) - head && same(n - 1 - tail, m - 1 - tail)) tail++;
  return head >= n - tail ? [] : [[head, n - 1 - tail]];
}

/** The edges of `live` next to vertices that differ from the snapshot, as line strings. */
export function rubberBand(live: Geometry, snapshot: Geometry): MultiLineString | null {
  const stride = live.getStride();
  if (stride !== snapshot.getStride()) return null;
  const flat = live.getFlatCoordinates();
  const old = snapshot.getFlatCoordinates();
  const ends =
    live.getType() === 'Polygon' ? (live as Polygon).getEnds() : (live as MultiPolygon).getEndss().flat();
  const oldEnds =
    snapshot.getType() === 'Polygon'
      ? (snapshot as Polygon).getEnds()
      : (snapshot as MultiPolygon).getEndss().flat();
  if (ends.length !== oldEnds.length) return null;
  const lines: Coordinate[][] = [];
  let from = 0;
  let oldFrom = 0;
  ends.forEach((to, r) => {
    const oldTo = oldEnds[r]!;
    // The ring's last vertex repeats its first: count n - 1 distinct vertices, wrapping around.
    const n = (to - from) / stride - 1;
    const at = (i: number): Coordinate => {
      const k = from + (((i % n) + n) % n) * stride;
      return [flat[k]!, flat[k + 1]!];
    };
    for (const [a, b] of changedRuns(old, oldFrom, oldTo, flat, from, to, stride)) {
      const line: Coordinate[] = [];
      for (let i = a! - 1; i <= b! + 1; i++) line.push(at(i));
      lines.push(line);
    }
    from = to;
    oldFrom = oldTo;
  });
  return new MultiLineString(lines);
}

/**
 * The styles of a zone whose vertex is being dragged: its picture as the drag began and the rubber
 * band of what moved; null when the zone was not drawn before the drag (then it is drawn as usual).
 */
export function dragStyles(geometry: Geometry, symbol: ZoneSymbol, zIndex: number): Style[] | null {
  const snapshot = before.get(geometry)?.snapshot;
  if (!snapshot) return null;
  let renderer = renderers.get(snapshot);
  if (!renderer) renderers.set(snapshot, (renderer = pictureRenderer(symbol)));
  const band_ = rubberBand(geometry, snapshot);
  const styles = [new Style({ geometry: snapshot, renderer, hitDetectionRenderer: hitRenderer, zIndex })];
  // Above the vertex handles (101).
  if (band_) styles.push(new Style({ geometry: band_, stroke: band, zIndex: 102 }));
  return styles;
}
