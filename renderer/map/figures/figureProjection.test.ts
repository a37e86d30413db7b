import { describe, expect, it } from 'vitest';
import { toGaussKruger } from '../../../shared/crs/gaussKruger';
import { figureProjection } from './figureProjection';

describe('figureProjection', () => {
  it('draws an orthophoto in the prefixed zone code under that code, eastings shifted by the prefix', () => {
    expect(figureProjection(['EPSG:4516'], 28)).toEqual({ code: 'EPSG:4516', eastOffset: 28_000_000 });
    // With a tile service in Web Mercator beside it: the orthophoto still decides.
    expect(figureProjection(['EPSG:3857', 'EPSG:4516', null], 28)).toEqual({
      code: 'EPSG:4516',
      eastOffset: 28_000_000,
    });
  });

  it('keeps the unprefixed code for other sources, the other zone, and a tie', () => {
    const plain = { code: 'EPSG:4537', eastOffset: 0 };
    expect(figureProjection(['EPSG:4537'], 28)).toEqual(plain);
    expect(figureProjection(['EPSG:3857', null], 28)).toEqual(plain);
    expect(figureProjection(['EPSG:4517'], 28)).toEqual(plain);
    expect(figureProjection(['EPSG:4516', 'EPSG:4537'], 28)).toEqual(plain);
    expect(figureProjection([], 28)).toEqual(plain);
  });

  it('shifts by exactly what separates the two codes: one point lies eastOffset apart in them (proj4)', () => {
    const { eastOffset } = figureProjection(['EPSG:4523'], 35);
    for (const lon of [103.6, 105, 106.4]) {
      const prefixed = toGaussKruger([lon, 36.1], 35, { prefixed: true });
      const plain = toGaussKruger([lon, 36.1], 35, { prefixed: false });
      expect(prefixed[0] - plain[0]).toBeCloseTo(eastOffset, 6);
      expect(prefixed[1]).toBeCloseTo(plain[1], 6);
    }
  });
});
