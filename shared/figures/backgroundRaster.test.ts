import { describe, expect, it } from 'vitest';
import { framePixels, groundResolution, pieceRect, planPieces } from './backgroundRaster';
import { groundFrame } from './frame';

// An A3-sized map frame (330 × 250 mm) at 1:1 000 around a GK point.
const map = { xMm: 20, yMm: 15, wMm: 330, hMm: 250 };
const ground = groundFrame(map, [516_000, 4_895_000], 1000);

describe('background pieces', () => {
  it('one pixel is 25.4 / dpi mm on paper and scale · 0.0254 / dpi m on the ground', () => {
    expect(groundResolution(1000, 200)).toBeCloseTo(0.127, 12);
    // 330 mm at 200 dpi is 2598.4 px: 2599 covers it.
    expect(framePixels(map, 200)).toEqual({ width: 2599, height: 1969 });
  });

  it('cover the frame without gaps or overlaps, each at most 2048 px a side, centred on their ground', () => {
    const pieces = planPieces(ground, 300);
    const { width, height } = framePixels(map, 300);
    expect(pieces.every((p) => p.width <= 2048 && p.height <= 2048)).toBe(true);
    expect(pieces.reduce((a, p) => a + p.width * p.height, 0)).toBe(width * height);
    const r = groundResolution(1000, 300);
    for (const p of pieces) {
      // The piece's top-left pixel corner on the ground, from its centre.
      const west = p.centre[0] - (p.width / 2) * r;
      const north = p.centre[1] + (p.height / 2) * r;
      expect(west - ground.minE).toBeCloseTo(p.x * r, 6);
      expect(ground.maxN - north).toBeCloseTo(p.y * r, 6);
    }
  });

  it('are placed on the page from the frame top-left, one pixel being 25.4 / dpi mm', () => {
    const image = { kind: 'jpeg' as const, width: 100, height: 50, bytes: new Uint8Array() };
    const rect = pieceRect(map, 254, { x: 1000, y: 200, image });
    // 254 dpi: 0.1 mm per pixel.
    expect(rect.xMm).toBeCloseTo(20 + 100, 9);
    expect(rect.yMm).toBeCloseTo(15 + 250 - 25, 9);
    expect(rect.wMm).toBeCloseTo(10, 9);
    expect(rect.hMm).toBeCloseTo(5, 9);
  });
});
