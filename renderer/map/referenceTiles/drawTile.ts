import type { Box, BoxIndex } from '../../../shared/geometry/spatialIndex';
import type { PackedShapes } from './packedMercator';

/** The slice of a 2D canvas context that tiles are drawn with (OffscreenCanvas in the worker). */
export interface TileContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  fill(rule: CanvasFillRule): void;
  stroke(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
}

export interface TileStyle {
  fill: string;
  stroke: string;
  /** Outline width in CSS pixels. */
  strokeWidth: number;
  highlightFill: string;
  highlightStroke: string;
  highlightStrokeWidth: number;
}

/** A reference layer as the tile worker holds it: Mercator vertices and an R-tree of feature boxes. */
export interface TileLayer {
  shapes: PackedShapes;
  mercator: Float64Array;
  boxes: Float64Array;
  index: BoxIndex;
  highlight: ReadonlySet<number>;
  style: TileStyle;
}

export interface TileRequest {
  /** Tile extent in map coordinates (Web Mercator metres). */
  extent: Box;
  /** Size in device pixels. */
  width: number;
  height: number;
  pixelRatio: number;
}

/** Polygons smaller than this many device pixels both ways are drawn as one solid dot. */
const DOT_PIXELS = 2;
/** A vertex nearer than this (device pixels) to the last one drawn adds nothing visible. */
const MIN_STEP = 0.5;

export interface TileStats {
  features: number;
  dots: number;
  verticesDrawn: number;
}

/**
 * Draw the features of `layer` that touch `request.extent` into a tile. Work scales with what the
 * tile shows, not with the layer: the R-tree picks the features, vertices that fall within half a
 * pixel of the previous one are skipped, and polygons under two pixels become dots. Highlighted
 * features are drawn last, on top.
 */
export function drawTile(ctx: TileContext, layer: TileLayer, request: TileRequest): TileStats {
  const { extent, width, pixelRatio } = request;
  const scale = width / (extent[2] - extent[0]);
  const margin = (2 * layer.style.highlightStrokeWidth * pixelRatio) / scale;
  const ids = layer.index.search([
    extent[0] - margin,
    extent[1] - margin,
    extent[2] + margin,
    extent[3] + margin,
  ]);
  const stats: TileStats = { features: ids.length, dots: 0, verticesDrawn: 0 };
  const normal: number[] = [];
  const lit: number[] = [];
  for (const f of ids) (layer.highlight.has(f) ? lit : normal).push(f);
  const pass = (features: number[], fill: string, stroke: string, strokeWidth: number) => {
    ctx.lineWidth = strokeWidth * pixelRatio;
    ctx.lineJoin = 'round';
    const dots: number[] = [];
    for (const f of features) {
      const b = layer.boxes.subarray(4 * f, 4 * f + 4);
      const w = (b[2]! - b[0]!) * scale;
      const h = (b[3]! - b[1]!) * scale;
      if (w < DOT_PIXELS && h < DOT_PIXELS) {
        dots.push(f);
        continue;
      }
      ctx.beginPath();
      stats.verticesDrawn += traceFeature(ctx, layer, f, extent, scale);
      ctx.fillStyle = fill;
      ctx.fill('evenodd');
      ctx.strokeStyle = stroke;
      ctx.stroke();
    }
    ctx.fillStyle = stroke;
    for (const f of dots) {
      const b = layer.boxes.subarray(4 * f, 4 * f + 4);
      const x = (b[0]! - extent[0]) * scale;
      const y = (extent[3] - b[3]!) * scale;
      const size = Math.max(1, Math.round(pixelRatio));
      ctx.fillRect(Math.floor(x), Math.floor(y), size, size);
    }
    stats.dots += dots.length;
  };
  const s = layer.style;
  pass(normal, s.fill, s.stroke, s.strokeWidth);
  pass(lit, s.highlightFill, s.highlightStroke, s.highlightStrokeWidth);
  return stats;
}

/** Add every ring of feature `f` to the current path; returns the vertices emitted. */
function traceFeature(ctx: TileContext, layer: TileLayer, f: number, extent: Box, scale: number): number {
  const { polygonRings, ringStarts, featurePolygons } = layer.shapes;
  let emitted = 0;
  const r1 = polygonRings[featurePolygons[f + 1]!]!;
  for (let r = polygonRings[featurePolygons[f]!]!; r < r1; r++)
    emitted += traceRing(ctx, layer.mercator, ringStarts[r]!, ringStarts[r + 1]!, extent, scale);
  return emitted;
}

/**
 * Add the closed ring of vertices [v0, v1) of flat map coordinates `m` to the current path, in
 * tile pixels (`scale` pixels per map unit from the tile's top-left corner). Vertices within half a
 * pixel of the last one emitted are skipped; returns the vertices emitted.
 */
export function traceRing(
  ctx: Pick<TileContext, 'moveTo' | 'lineTo' | 'closePath'>,
  m: ArrayLike<number>,
  v0: number,
  v1: number,
  extent: Box,
  scale: number,
): number {
  let px = (m[2 * v0]! - extent[0]) * scale;
  let py = (extent[3] - m[2 * v0 + 1]!) * scale;
  ctx.moveTo(px, py);
  let emitted = 1;
  for (let v = v0 + 1; v < v1; v++) {
    const x = (m[2 * v]! - extent[0]) * scale;
    const y = (extent[3] - m[2 * v + 1]!) * scale;
    if (v < v1 - 1 && Math.abs(x - px) < MIN_STEP && Math.abs(y - py) < MIN_STEP) continue;
    ctx.lineTo(x, y);
    emitted++;
    px = x;
    py = y;
  }
  ctx.closePath();
  return emitted;
}
