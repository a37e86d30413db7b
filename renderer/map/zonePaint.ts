import type { ZoneSymbol } from '../../shared/domain/symbology';

/**
 * How a zone is painted on a canvas, in one place for the map's vector styles (zoneStyles.ts: the
 * selected zones, the comparison) and the worker that draws every other zone into tiles
 * (referenceTiles/drawZoneTile.ts), so the two cannot disagree. Widths and dashes are CSS pixels.
 */

/** The selected zones' outline and vertex handles (the vector styles and the drag picture). */
export const SELECTED_OUTLINE = { color: '#00a2ff', width: 4 } as const;

/** Labels only on zones at least this wide on screen. */
export const LABEL_MIN_WIDTH_PX = 60;
/**
 * Below this width a zone is a speck: drawn in its colours without hatching or dashes, which
 * cannot be seen at that size and made the overview of 10 000 zones the slowest picture to draw.
 */
export const SPECK_WIDTH_PX = 16;

/** A speck's outline: its type's colour, at most one pixel wide, never dashed. */
export const speckStrokeWidth = (symbol: ZoneSymbol): number => Math.min(symbol.strokeWidth, 1);

/** The part of a 2D context a hatch cell is drawn with (a page canvas or an OffscreenCanvas). */
export interface HatchContext {
  lineCap: CanvasLineCap;
  lineWidth: number;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  scale(x: number, y: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
}

export interface HatchCell {
  /** Cell size in device pixels (the pattern repeats every cell). */
  width: number;
  height: number;
  /** Draw the cell's lines onto an empty canvas of that size. */
  draw(ctx: HatchContext): void;
}

/**
 * One repeating cell of a hatch: parallel one-pixel lines `spacing` CSS pixels apart at `angle`
 * degrees — the geometry of ol-ext's 'hatch' FillPattern, which the map used before tiles, so a
 * hatched zone looks the same whether a tile or the vector layer draws it.
 */
export function hatchCell(hatch: NonNullable<ZoneSymbol['hatch']>, pixelRatio: number): HatchCell {
  const d = Math.round(hatch.spacing) || 10;
  let a = Math.round((hatch.angle - 90) % 360);
  if (a > 180) a -= 360;
  a *= Math.PI / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  let w = d;
  let h = d;
  let line: number[];
  let repeat: [number, number][];
  if (Math.abs(sin) < 0.0001) {
    line = [0, 0.5, d, 0.5];
    repeat = [
      [0, 0],
      [0, d],
    ];
  } else if (Math.abs(cos) < 0.0001) {
    line = [0.5, 0, 0.5, d];
    repeat = [
      [0, 0],
      [d, 0],
    ];
  } else {
    w = Math.round(Math.abs(d / sin)) || 1;
    h = Math.round(Math.abs(d / cos)) || 1;
    if (cos * sin > 0) {
      line = [-w, -h, 2 * w, 2 * h];
      repeat = [
        [0, 0],
        [w, 0],
        [0, h],
      ];
    } else {
      line = [2 * w, -h, -w, 2 * h];
      repeat = [
        [0, 0],
        [-w, 0],
        [0, h],
      ];
    }
  }
  return {
    width: Math.round(w * pixelRatio),
    height: Math.round(h * pixelRatio),
    draw(ctx) {
      ctx.scale(pixelRatio, pixelRatio);
      ctx.lineCap = 'round';
      ctx.lineWidth = 1;
      ctx.strokeStyle = hatch.color;
      for (const [dx, dy] of repeat) {
        ctx.beginPath();
        ctx.moveTo(line[0]! + dx, line[1]! + dy);
        ctx.lineTo(line[2]! + dx, line[3]! + dy);
        ctx.stroke();
      }
    },
  };
}

/** What painting a traced zone path needs (a page canvas or an OffscreenCanvas in the worker). */
export interface ZonePaintContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  lineCap: CanvasLineCap;
  fill(rule: CanvasFillRule): void;
  stroke(): void;
  setLineDash(segments: number[]): void;
}

/**
 * Fill and outline the zone whose rings are the current path, as the map's style draws it: the
 * hatch (when the type has one and the zone is not a speck), then the tinted fill, then the
 * outline in the type's width and dash. `hatch` is the type's pattern, made from `hatchCell`.
 */
export function paintZone(
  ctx: ZonePaintContext,
  symbol: ZoneSymbol,
  widthPx: number,
  pixelRatio: number,
  hatch: CanvasPattern | null,
): void {
  const speck = widthPx < SPECK_WIDTH_PX;
  if (!speck && hatch) {
    ctx.fillStyle = hatch;
    ctx.fill('evenodd');
  }
  ctx.fillStyle = symbol.fill;
  ctx.fill('evenodd');
  ctx.strokeStyle = symbol.stroke;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.lineWidth = (speck ? speckStrokeWidth(symbol) : symbol.strokeWidth) * pixelRatio;
  ctx.setLineDash(!speck && symbol.dash ? symbol.dash.map((d) => d * pixelRatio) : []);
  ctx.stroke();
}
