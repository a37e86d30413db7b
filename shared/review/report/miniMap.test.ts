import { describe, expect, it } from 'vitest';
import { fromGaussKruger } from '../../crs/gaussKruger';
import type { Position, ZoneGeometry } from '../../domain/geometry';
import type { Page } from '../../figures/displayList';
import { mmToPx, pxToMm, rasterise, writePdf } from '../../figures/pdf/poppler.test';
import { miniMap } from './miniMap';

/** A GK rectangle (metres, zone 28 without prefix, near Wusu) as a lon/lat polygon. */
const GK_ZONE = 28;
const E0 = 500_000;
const N0 = 4_920_000;
function gkRect(e1: number, n1: number, e2: number, n2: number): ZoneGeometry {
  const at = (e: number, n: number): Position =>
    fromGaussKruger([E0 + e, N0 + n], GK_ZONE, { prefixed: false });
  return { type: 'Polygon', coordinates: [[at(e1, n1), at(e2, n1), at(e2, n2), at(e1, n2), at(e1, n1)]] };
}

const RECT = { xMm: 10, yMm: 10, wMm: 70, hMm: 50 };
const page = (ops: Page['ops']): Page => ({ widthMm: 90, heightMm: 70, ops, images: {} });
const near = (a: readonly number[], b: readonly number[], tol: number) =>
  a.every((v, i) => Math.abs(v - b[i]!) <= tol);

describe('miniMap', () => {
  it('picks the largest standard scale at which the change and 20 % room fit', () => {
    // 110 m × 100 m → 133 m × 121 m with room; in 70 × 50 mm that needs 1:2 420 → 1:5 000.
    const drawn = miniMap(
      { gkZone: GK_ZONE, before: [gkRect(0, 0, 100, 100)], after: [gkRect(0, 0, 110, 100)] },
      RECT,
    )!;
    expect(drawn.scale).toBe(5000);
    // 30 m × 20 m → 36.3 m in 70 mm needs 1:519, so 1:500 is too large and 1:1 000 is taken.
    expect(miniMap({ gkZone: GK_ZONE, after: [gkRect(0, 0, 30, 20)] }, RECT)!.scale).toBe(1000);
    // A pin alone is drawn at 1:500.
    const pin = fromGaussKruger([E0, N0], GK_ZONE, { prefixed: false });
    expect(miniMap({ gkZone: GK_ZONE, pins: [{ at: pin, label: '1' }] }, RECT)!.scale).toBe(500);
    expect(miniMap({ gkZone: GK_ZONE }, RECT)).toBeNull();
  });

  it('prints the gained strip green and 2 mm wide at 1:5 000, the lost part red, the pin where it belongs', () => {
    const drawn = miniMap(
      {
        gkZone: GK_ZONE,
        before: [gkRect(0, 0, 100, 100)],
        after: [gkRect(0, 0, 110, 90)],
        gained: gkRect(100, 0, 110, 90),
        lost: gkRect(0, 90, 100, 100),
        pins: [{ at: fromGaussKruger([E0 + 50, N0 + 45], GK_ZONE, { prefixed: false }), label: '7' }],
      },
      RECT,
    )!;
    const dpi = 300;
    const raster = rasterise(writePdf([page(drawn.ops)]).path, dpi);
    // Ground centre (55, 50) is the frame centre (45, 35) mm; 1 m = 0.2 mm at 1:5 000.
    const toPx = (e: number, n: number): [number, number] => [
      Math.round(mmToPx(45 + (e - 55) * 0.2, dpi)),
      Math.round(mmToPx(70 - (35 + (n - 50) * 0.2), dpi)),
    ];
    const greenish = ([r, g, b]: readonly [number, number, number]) => g > r + 30 && g > b + 20;
    const [, rowY] = toPx(105, 30);
    let first = -1;
    let last = -1;
    for (let x = 0; x < raster.width; x++)
      if (greenish(raster.rgb(x, rowY))) {
        if (first < 0) first = x;
        last = x;
      }
    expect(pxToMm(last - first + 1, dpi)).toBeCloseTo(2, 0);
    expect(near([first], [toPx(100, 30)[0]], 3)).toBe(true);
    const [lx, ly] = toPx(30, 95);
    const [r, g, b] = raster.rgb(lx, ly);
    expect(r).toBeGreaterThan(g + 40);
    expect(r).toBeGreaterThan(b + 40);
    // The pin is a filled red disc of radius 2.2 mm centred on its ground position.
    const [px, py] = toPx(50, 45);
    const red = ([rr, gg, bb]: readonly [number, number, number]) => rr > 150 && gg < 90 && bb < 90;
    const off = Math.round(mmToPx(1.5, dpi));
    expect(red(raster.rgb(px - off, py))).toBe(true);
    expect(red(raster.rgb(px + off, py))).toBe(true);
    expect(red(raster.rgb(px, py - off))).toBe(true);
    expect(red(raster.rgb(px - Math.round(mmToPx(3, dpi)), py))).toBe(false);
  });
});
