import type { Coordinate } from 'ol/coordinate';
import MultiLineString from 'ol/geom/MultiLineString';
import type Polygon from 'ol/geom/Polygon';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import { Stroke, Style } from 'ol/style';
import type { ZoneSymbol } from '../../shared/domain/symbology';
import { ringEnds } from './geometryConvert';
import { hatchPattern } from './hatchPatterns';
import { pictureStyle, type Context, type Paint, type ToPixel } from './pictureStyle';
import { paintZone, SELECTED_OUTLINE } from './zonePaint';

/**
 * A selected zone as one picture: its symbol (hatch, tint, outline, as zonePaint.ts paints the
 * tiles) and the selection outline, painted once per view and copied on every frame the map draws.
 * While one of its vertices is dragged it is drawn as desktop GIS do (QGIS's vertex tool): the
 * picture of the zone as it was when the drag began — the same picture, so the drag's first move
 * paints nothing — and a rubber band along the edges that moved. Filling and stroking a
 * 6 000-vertex boundary anew on every frame cost tens of milliseconds in a software-drawn canvas;
 * the band is a few segments. The committed zone gets a picture of its own once the drag ends.
 */
type Geometry = Polygon | MultiPolygon;

const band = new Stroke({ color: SELECTED_OUTLINE.color, width: 2, lineDash: [6, 4] });

/** The zone's geometry as last drawn outside a gesture (the drag changes the geometry in place). */
const before = new WeakMap<Geometry, { revision: number; snapshot: Geometry }>();

/** The selected zone as it is now (outside a gesture), kept for a drag that may begin. */
function remember(geometry: Geometry): Geometry {
  const kept = before.get(geometry);
  if (kept?.revision === geometry.getRevision()) return kept.snapshot;
  const snapshot = geometry.clone();
  before.set(geometry, { revision: geometry.getRevision(), snapshot });
  return snapshot;
}

/** Trace every ring of the geometry, placed on the canvas by `toPixel`. */
function tracePath(context: Context, geometry: Geometry, toPixel: ToPixel): void {
  const flat = geometry.getFlatCoordinates();
  const stride = geometry.getStride();
  const ends = ringEnds(geometry);
  context.beginPath();
  let from = 0;
  for (const to of ends) {
    for (let i = from; i < to; i += stride) {
      const [x, y] = toPixel(flat[i]!, flat[i + 1]!);
      if (i === from) context.moveTo(x, y);
      else context.lineTo(x, y);
    }
    context.closePath();
    from = to;
  }
}

/** The zone in its symbol, as the tiles paint it, with the selection outline on top. */
function painter(geometry: Geometry, symbol: ZoneSymbol): Paint {
  const [minX, minY, maxX] = geometry.getExtent() as [number, number, number, number];
  const hatch = symbol.hatch ? hatchPattern(symbol.hatch) : null;
  return (context, toPixel, pixelRatio) => {
    tracePath(context, geometry, toPixel);
    const [x0, y0] = toPixel(minX, minY);
    const [x1, y1] = toPixel(maxX, minY);
    paintZone(context, symbol, Math.hypot(x1 - x0, y1 - y0) / pixelRatio, pixelRatio, hatch);
    context.setLineDash([]);
    context.strokeStyle = SELECTED_OUTLINE.color;
    context.lineWidth = SELECTED_OUTLINE.width * pixelRatio;
    context.stroke();
  };
}

/** One picture per snapshot: it lives as long as the snapshot. */
const pictures = new WeakMap<Geometry, Style>();

function pictureOf(snapshot: Geometry, symbol: ZoneSymbol, zIndex: number): Style {
  let picture = pictures.get(snapshot);
  if (!picture) {
    picture = pictureStyle(snapshot.getExtent(), SELECTED_OUTLINE.width, painter(snapshot, symbol), zIndex);
    pictures.set(snapshot, picture);
  }
  return picture;
}

/** A selected zone at rest: its picture (the one a vertex drag of it starts from). */
export function restingStyle(geometry: Geometry, symbol: ZoneSymbol, zIndex: number): Style {
  return pictureOf(remember(geometry), symbol, zIndex);
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
  const ends = ringEnds(live);
  const oldEnds = ringEnds(snapshot);
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

/** The style of the rubber band: the selection colour, dashed. */
const bandStyle = new Style({ stroke: band, zIndex: 102 });

/** The rubber band of a zone whose vertex is being dragged: the edges that moved; null before. */
export function rubberBandOf(geometry: Geometry): { geometry: MultiLineString; style: Style } | null {
  const snapshot = before.get(geometry)?.snapshot;
  const moved = snapshot && rubberBand(geometry, snapshot);
  return moved ? { geometry: moved, style: bandStyle } : null;
}

/**
 * The styles of a zone whose vertex is being dragged: its picture as the drag began and, unless
 * the band is drawn apart (`withBand` false: the map is held still, stillMap.ts), the rubber band
 * of what moved; null when the zone was not drawn before the drag (then it is drawn as usual).
 */
export function dragStyles(
  geometry: Geometry,
  symbol: ZoneSymbol,
  zIndex: number,
  withBand = true,
): Style[] | null {
  const snapshot = before.get(geometry)?.snapshot;
  if (!snapshot) return null;
  const styles = [pictureOf(snapshot, symbol, zIndex)];
  // Above the vertex handles (101).
  const moved = withBand && rubberBandOf(geometry);
  if (moved) {
    const style = moved.style.clone();
    style.setGeometry(moved.geometry);
    styles.push(style);
  }
  return styles;
}
