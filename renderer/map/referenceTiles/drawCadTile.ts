import { cssOf } from '../../../shared/formats/dxf/cadPack';
import type { CadTileLayer } from './cadTileLayer';
import type { TileContext, TileRequest } from './drawTile';

/** What drawing text needs beyond lines (OffscreenCanvas 2D in the worker). */
export interface CadTileContext extends TileContext {
  font: string;
  textBaseline: CanvasTextBaseline;
  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
  rotate(angle: number): void;
  fillText(text: string, x: number, y: number): void;
}

/** Linework width in CSS pixels. */
const LINE_WIDTH = 1;
/** Text smaller than this (CSS pixels) is not drawn: it would be a smudge. */
const MIN_TEXT_PIXELS = 4;
/** Parts smaller than this many device pixels both ways are drawn as one dot. */
const DOT_PIXELS = 1;
/** A vertex nearer than this (device pixels) to the last one drawn adds nothing visible. */
const MIN_STEP = 0.5;

export interface CadTileStats {
  parts: number;
  /** Parts drawn as a single dot. */
  dots: number;
  labels: number;
  verticesDrawn: number;
}

/**
 * Draw the CAD parts and labels that touch a tile. The R-trees pick what the tile shows; strokes
 * are batched by colour (one path per colour), vertices within half a pixel of the last one drawn
 * are skipped, and a label is drawn by every tile its box touches, so text runs across tile edges.
 */
export function drawCadTile(ctx: CadTileContext, layer: CadTileLayer, request: TileRequest): CadTileStats {
  const { extent, width, pixelRatio } = request;
  const scale = width / (extent[2] - extent[0]);
  const margin = (2 * pixelRatio) / scale;
  const { cad, mercator, visible } = layer;
  const stats: CadTileStats = { parts: 0, dots: 0, labels: 0, verticesDrawn: 0 };
  const byColour = new Map<number, number[]>();
  const dots: number[] = [];
  for (const p of layer.parts.search([
    extent[0] - margin,
    extent[1] - margin,
    extent[2] + margin,
    extent[3] + margin,
  ])) {
    if (!visible[cad.partLayer[p]!]) continue;
    // A part within one pixel both ways is a dot: no path for it (a town sheet seen whole).
    const b = layer.partBoxes.subarray(4 * p, 4 * p + 4);
    if ((b[2]! - b[0]!) * scale < DOT_PIXELS && (b[3]! - b[1]!) * scale < DOT_PIXELS) {
      dots.push(p);
      continue;
    }
    const rgb = cad.partRgb[p]!;
    const list = byColour.get(rgb);
    if (list) list.push(p);
    else byColour.set(rgb, [p]);
  }
  ctx.lineWidth = LINE_WIDTH * pixelRatio;
  ctx.lineJoin = 'round';
  const dot = Math.max(1, Math.round(pixelRatio));
  for (const [rgb, parts] of byColour) {
    const css = cssOf(rgb);
    ctx.strokeStyle = css;
    ctx.fillStyle = css;
    ctx.beginPath();
    for (const p of parts) {
      const v0 = cad.partStarts[p]!;
      const v1 = cad.partStarts[p + 1]!;
      let px = (mercator[2 * v0]! - extent[0]) * scale;
      let py = (extent[3] - mercator[2 * v0 + 1]!) * scale;
      if (v1 - v0 === 1) {
        ctx.fillRect(px - dot / 2, py - dot / 2, dot, dot);
        continue;
      }
      ctx.moveTo(px, py);
      stats.verticesDrawn++;
      for (let v = v0 + 1; v < v1; v++) {
        const x = (mercator[2 * v]! - extent[0]) * scale;
        const y = (extent[3] - mercator[2 * v + 1]!) * scale;
        if (v < v1 - 1 && Math.abs(x - px) < MIN_STEP && Math.abs(y - py) < MIN_STEP) continue;
        ctx.lineTo(x, y);
        stats.verticesDrawn++;
        px = x;
        py = y;
      }
      if (cad.closed[p]) ctx.closePath();
    }
    ctx.stroke();
    stats.parts += parts.length;
  }
  let dotRgb = -1;
  for (const p of dots) {
    const v = cad.partStarts[p]!;
    if (cad.partRgb[p] !== dotRgb) {
      dotRgb = cad.partRgb[p]!;
      ctx.fillStyle = cssOf(dotRgb);
    }
    const x = (mercator[2 * v]! - extent[0]) * scale;
    const y = (extent[3] - mercator[2 * v + 1]!) * scale;
    ctx.fillRect(Math.floor(x), Math.floor(y), dot, dot);
  }
  stats.parts += dots.length;
  stats.dots = dots.length;
  stats.labels = drawLabels(ctx, layer, request, scale);
  return stats;
}

function drawLabels(ctx: CadTileContext, layer: CadTileLayer, request: TileRequest, scale: number): number {
  const { extent, pixelRatio } = request;
  const { labels } = layer.cad;
  let drawn = 0;
  ctx.textBaseline = 'alphabetic';
  for (const i of layer.labels.search(extent)) {
    if (!layer.visible[labels.layer[i]!]) continue;
    const size = labels.heightM[i]! * layer.labelStretch[i]! * scale;
    if (size < MIN_TEXT_PIXELS * pixelRatio) continue;
    ctx.save();
    ctx.translate(
      (layer.labelMercator[2 * i]! - extent[0]) * scale,
      (extent[3] - layer.labelMercator[2 * i + 1]!) * scale,
    );
    ctx.rotate((-labels.rotation[i]! * Math.PI) / 180);
    ctx.font = `${size.toFixed(1)}px "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif`;
    ctx.fillStyle = cssOf(labels.rgb[i]!);
    ctx.fillText(labels.text[i]!, 0, 0);
    ctx.restore();
    drawn++;
  }
  return drawn;
}
