import { describe, expect, it } from 'vitest';
import { rgbaOf } from './geotiffCanvasSource';

/**
 * The bitmap a GeoTIFF tile becomes on the map: the colours and transparency a planner sees,
 * for the band layouts orthophotos come in (RGB, RGB with a mask or nodata alpha, grey scans).
 */
const rgba = (data: number[], pixels: number) => {
  const out = new Uint8ClampedArray(pixels * 4);
  rgbaOf(Uint8Array.from(data), pixels, out);
  return [...out];
};

describe('rgbaOf', () => {
  it('shows RGB opaque and keeps a fourth band as transparency', () => {
    expect(rgba([10, 20, 30, 40, 50, 60], 2)).toEqual([10, 20, 30, 255, 40, 50, 60, 255]);
    expect(rgba([10, 20, 30, 0, 40, 50, 60, 255], 2)).toEqual([10, 20, 30, 0, 40, 50, 60, 255]);
  });

  it('shows one band as grey, two as grey with transparency, and the first four of more', () => {
    expect(rgba([7, 200], 2)).toEqual([7, 7, 7, 255, 200, 200, 200, 255]);
    expect(rgba([7, 0, 200, 255], 2)).toEqual([7, 7, 7, 0, 200, 200, 200, 255]);
    expect(rgba([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2)).toEqual([1, 2, 3, 4, 6, 7, 8, 9]);
  });
});
