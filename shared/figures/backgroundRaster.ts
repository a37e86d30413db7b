import type { PageImage } from './displayList';
import type { GroundFrame, Rect } from './frame';

/** The largest side of one background piece, in pixels (one offscreen map, one JPEG). */
export const MAX_PIECE_PX = 2048;

/**
 * The backgrounds of a map frame rendered at `dpi`: pieces of one pixel grid whose top-left
 * corner is the frame's top-left corner. One pixel is exactly 25.4 / dpi mm on paper, so the
 * grid may run past the frame's right and bottom edges by less than a pixel (clipped there).
 */
export interface BackgroundRaster {
  dpi: number;
  pieces: BackgroundPiece[];
}

export interface BackgroundPiece {
  /** Pixel offset of the piece's top-left corner from the frame's top-left corner. */
  x: number;
  y: number;
  image: PageImage;
}

/** One piece to render: its pixel rectangle and the ground point at its centre (GK metres). */
export interface PiecePlan {
  x: number;
  y: number;
  width: number;
  height: number;
  centre: [number, number];
}

/** Ground metres per pixel at a scale and dpi: scale · 0.0254 / dpi. */
export const groundResolution = (scale: number, dpi: number) => (scale * 0.0254) / dpi;

/** The frame's pixel size at `dpi` (rounded up, so the pieces cover it). */
export function framePixels(map: Rect, dpi: number): { width: number; height: number } {
  const px = (mm: number) => Math.ceil((mm / 25.4) * dpi - 1e-6);
  return { width: px(map.wMm), height: px(map.hMm) };
}

/** Cut the frame into pieces of at most `maxPx` a side, row by row from the top-left. */
export function planPieces(ground: GroundFrame, dpi: number, maxPx = MAX_PIECE_PX): PiecePlan[] {
  const { width, height } = framePixels(ground.map, dpi);
  const resolution = groundResolution(ground.scale, dpi);
  const cut = (total: number) => {
    const count = Math.ceil(total / maxPx);
    const size = Math.ceil(total / count);
    return Array.from({ length: count }, (_, i) => [i * size, Math.min(size, total - i * size)] as const);
  };
  const pieces: PiecePlan[] = [];
  for (const [y, h] of cut(height))
    for (const [x, w] of cut(width))
      pieces.push({
        x,
        y,
        width: w,
        height: h,
        centre: [ground.minE + (x + w / 2) * resolution, ground.maxN - (y + h / 2) * resolution],
      });
  return pieces;
}

/** Where a piece lies on the page (mm from the bottom-left, y up). */
export function pieceRect(map: Rect, dpi: number, piece: { x: number; y: number; image: PageImage }): Rect {
  const mm = 25.4 / dpi;
  return {
    xMm: map.xMm + piece.x * mm,
    yMm: map.yMm + map.hMm - (piece.y + piece.image.height) * mm,
    wMm: piece.image.width * mm,
    hMm: piece.image.height * mm,
  };
}
