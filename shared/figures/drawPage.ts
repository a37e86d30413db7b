import type { DrawOp, Page, Rgb } from './displayList';

const MM_PER_PT = 25.4 / 72;

/**
 * The part of a 2D canvas context the page is drawn with. Declared here so shared code, compiled
 * without the DOM's types, can draw: a browser's CanvasRenderingContext2D and a worker's
 * OffscreenCanvasRenderingContext2D both fit.
 */
export interface PageCanvas {
  readonly canvas: { width: number; height: number };
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineJoin: string;
  font: string;
  textAlign: string;
  textBaseline: string;
  save(): void;
  restore(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  clip(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  fill(rule: 'evenodd' | 'nonzero'): void;
  stroke(): void;
  setLineDash(segments: number[]): void;
  translate(x: number, y: number): void;
  rotate(angle: number): void;
  fillText(text: string, x: number, y: number): void;
}

/** Draws a decoded page image (the canvas's own `drawImage`, given by the caller that has images). */
export type DrawImage = (image: unknown, x: number, y: number, w: number, h: number) => void;

export interface DrawPageOptions {
  /** Canvas pixels per millimetre of paper. */
  pxPerMm: number;
  /** The font family the text is set in (the figure font once loaded). */
  fontFamily: string;
  /** Decoded page images by id (backgrounds); missing ones are left blank. */
  images?: ReadonlyMap<string, unknown>;
  /** How to draw them: `(image, …) => ctx.drawImage(image as CanvasImageSource, …)`. */
  drawImage?: DrawImage;
  /** Page millimetres above the canvas's top edge: draws one horizontal strip of a tall page. */
  topMm?: number;
}

const css = (rgb: Rgb | undefined, alpha = 1) =>
  rgb ? `rgba(${rgb[0]},${rgb[1]},${rgb[2]},${alpha})` : 'transparent';

/**
 * Draw a figure page on a canvas: the preview and the PNG draw the same display list the PDF
 * is written from. Page mm have y up from the bottom; the canvas has y down from the top.
 */
export function drawPage(ctx: PageCanvas, page: Page, options: DrawPageOptions): void {
  const k = options.pxPerMm;
  const top = options.topMm ?? 0;
  const X = (mm: number) => mm * k;
  const Y = (mm: number) => (page.heightMm - top - mm) * k;
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.lineJoin = 'round';
  let clips = 0;
  for (const op of page.ops) {
    clips += drawOp(ctx, op, X, Y, k, options);
  }
  while (clips-- > 0) ctx.restore();
  ctx.restore();
}

function drawOp(
  ctx: PageCanvas,
  op: DrawOp,
  X: (mm: number) => number,
  Y: (mm: number) => number,
  k: number,
  options: DrawPageOptions,
): number {
  switch (op.op) {
    case 'clip': {
      ctx.save();
      ctx.beginPath();
      ctx.rect(X(op.rect.xMm), Y(op.rect.yMm + op.rect.hMm), op.rect.wMm * k, op.rect.hMm * k);
      ctx.clip();
      return 1;
    }
    case 'unclip':
      ctx.restore();
      return -1;
    case 'image': {
      const image = options.images?.get(op.id);
      if (image && options.drawImage)
        options.drawImage(
          image,
          X(op.rect.xMm),
          Y(op.rect.yMm + op.rect.hMm),
          op.rect.wMm * k,
          op.rect.hMm * k,
        );
      return 0;
    }
    case 'text': {
      ctx.save();
      ctx.translate(X(op.xMm), Y(op.yMm));
      if (op.rotation) ctx.rotate((-op.rotation * Math.PI) / 180);
      ctx.font = `${op.bold ? 'bold ' : ''}${op.sizePt * MM_PER_PT * k}px ${options.fontFamily}`;
      ctx.textAlign = op.anchor === 'start' ? 'left' : op.anchor === 'end' ? 'right' : 'center';
      ctx.textBaseline = 'alphabetic';
      ctx.fillStyle = css(op.color ?? [0, 0, 0]);
      ctx.fillText(op.str, 0, 0);
      ctx.restore();
      return 0;
    }
    case 'path': {
      ctx.beginPath();
      for (const ring of op.rings) {
        ring.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(X(x), Y(y)) : ctx.lineTo(X(x), Y(y))));
        if (op.closed) ctx.closePath();
      }
      if (op.fill && op.closed) {
        ctx.fillStyle = css(op.fill, op.fillOpacity ?? 1);
        ctx.fill(op.evenOdd ? 'evenodd' : 'nonzero');
      }
      if (op.stroke) {
        ctx.strokeStyle = css(op.stroke, op.strokeOpacity ?? 1);
        ctx.lineWidth = Math.max((op.widthMm ?? 0.25) * k, 0.5);
        ctx.setLineDash(op.dash ? op.dash.map((d) => d * k) : []);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      return 0;
    }
  }
}
