import { createCanvasContext2D } from 'ol/dom';
import type { Extent } from 'ol/extent';
import MultiPoint from 'ol/geom/MultiPoint';
import type { State } from 'ol/render';
import { Style } from 'ol/style';

export type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
/** Map coordinates to canvas pixels, as the frame being drawn places them. */
export type ToPixel = (x: number, y: number) => [number, number];
export type Paint = (context: Context, toPixel: ToPixel, pixelRatio: number) => void;

/** Counts pictures painted (tests: a drag paints each picture once, not per move). */
export const pictureStats = { painted: 0 };

/**
 * A style that draws something large (a 6 000-vertex outline, thousands of vertex handles) into
 * a picture once and copies the picture on each frame while the view stays. Its geometry is
 * three corners of the drawing's extent, so OpenLayers places three points per frame instead of
 * every vertex: the frame's transform is read from where those corners land.
 *
 * `margin`: pixels the drawing reaches beyond its extent (stroke widths, handle radii).
 */
export function pictureStyle(extent: Extent, margin: number, paint: Paint, zIndex: number): Style {
  let [minX, minY, maxX, maxY] = extent as [number, number, number, number];
  // A flat extent gives no transform: widen it (a unit is a metre here).
  if (maxX <= minX) [minX, maxX] = [minX - 1, maxX + 1];
  if (maxY <= minY) [minY, maxY] = [minY - 1, maxY + 1];
  const corners = new MultiPoint([minX, minY, maxX, minY, minX, maxY], 'XY');
  const toPixelOf = (pixels: [number, number][]): ToPixel => {
    const [[x0, y0], [x1, y1], [x2, y2]] = pixels as [[number, number], [number, number], [number, number]];
    const [ux, uy] = [(x1 - x0) / (maxX - minX), (y1 - y0) / (maxX - minX)];
    const [vx, vy] = [(x2 - x0) / (maxY - minY), (y2 - y0) / (maxY - minY)];
    return (x, y) => [x0 + (x - minX) * ux + (y - minY) * vx, y0 + (x - minX) * uy + (y - minY) * vy];
  };
  let picture: { context: Context; key: string; x: number; y: number } | null = null;
  const renderer = (coordinates: unknown, state: State): void => {
    const pixels = coordinates as [number, number][];
    if (pixels.length !== 3) return;
    const { context, pixelRatio } = state;
    const { width, height } = context.canvas;
    const key = [width, height, pixelRatio, ...pixels.flat()].join(',');
    if (picture?.key !== key) {
      const toPixel = toPixelOf(pixels);
      const ends = [toPixel(minX, minY), toPixel(maxX, minY), toPixel(minX, maxY), toPixel(maxX, maxY)];
      const reach = Math.ceil(margin * pixelRatio);
      // Only the part on the canvas: zoomed in, a zone reaches far beyond the window.
      const left = Math.max(Math.floor(Math.min(...ends.map((p) => p[0]))) - reach, 0);
      const top = Math.max(Math.floor(Math.min(...ends.map((p) => p[1]))) - reach, 0);
      const right = Math.min(Math.ceil(Math.max(...ends.map((p) => p[0]))) + reach, width);
      const bottom = Math.min(Math.ceil(Math.max(...ends.map((p) => p[1]))) + reach, height);
      const target = picture?.context ?? createCanvasContext2D(1, 1);
      target.canvas.width = Math.max(right - left, 0);
      target.canvas.height = Math.max(bottom - top, 0);
      if (right > left && bottom > top) {
        target.setTransform(1, 0, 0, 1, -left, -top);
        paint(target, toPixel, pixelRatio);
        pictureStats.painted++;
      }
      picture = { context: target, key, x: left, y: top };
    }
    if (picture.context.canvas.width > 0 && picture.context.canvas.height > 0) {
      context.drawImage(picture.context.canvas, picture.x, picture.y);
    }
  };
  // Hit detection draws into a small canvas of its own: straight, no picture.
  const hitDetectionRenderer = (coordinates: unknown, state: State): void => {
    const pixels = coordinates as [number, number][];
    if (pixels.length === 3) paint(state.context, toPixelOf(pixels), state.pixelRatio);
  };
  return new Style({ geometry: corners, renderer, hitDetectionRenderer, zIndex });
}
