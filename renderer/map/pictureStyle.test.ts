import type MultiPoint from 'ol/geom/MultiPoint';
import type { State } from 'ol/render';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pictureStyle, type ToPixel } from './pictureStyle';

afterEach(() => vi.unstubAllGlobals());

describe('a picture style', () => {
  it('places map coordinates where the frame puts them, rotated and flipped, from three corners', () => {
    const canvas = { width: 0, height: 0 };
    const context = { canvas, setTransform: () => {}, drawImage: vi.fn() };
    vi.stubGlobal('document', { createElement: () => ({ getContext: () => context }) });
    let placed: ToPixel | null = null;
    const style = pictureStyle([100, 200, 300, 400], 0, (_, toPixel) => (placed = toPixel), 1);
    // The frame: 30° rotation, 0.5 pixel per metre, y pointing down, origin shifted.
    const [cos, sin] = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)];
    const frame = (x: number, y: number): [number, number] => [
      700 + 0.5 * (cos * x - sin * y),
      450 - 0.5 * (sin * x + cos * y),
    ];
    const corners = (style.getGeometry() as MultiPoint).getCoordinates();
    const target = { width: 1400, height: 900 };
    const map = { canvas: target, drawImage: vi.fn() };
    style.getRenderer()!(
      corners.map(([x, y]) => frame(x!, y!)) as never,
      {
        context: map,
        pixelRatio: 1,
      } as unknown as State,
    );
    for (const [x, y] of [
      [150, 250],
      [300, 200],
      [123.4, 399.9],
    ] as const) {
      const [px, py] = placed!(x, y);
      const [ex, ey] = frame(x, y);
      expect(px).toBeCloseTo(ex, 9);
      expect(py).toBeCloseTo(ey, 9);
    }
    // The picture covers the zone's corners on the canvas and is copied there.
    expect(map.drawImage).toHaveBeenCalledTimes(1);
    expect(canvas.width).toBeGreaterThan(0);
  });
});
