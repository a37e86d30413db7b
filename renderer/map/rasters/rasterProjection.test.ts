import { transform } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import { projectionCode, unshiftedWarning } from './rasterProjection';

const SEVEN = [24.1, -121.7, -84.3, 1.2, -0.8, 2.4, 3.1];
const helmert = { method: 'helmert' as const, values: SEVEN, convention: 'position_vector' as const };

describe('the projection of a background on an old datum', () => {
  it('carries the planner’s transformation: the map places it about 110 m from the unshifted place', () => {
    const shifted = projectionCode({ epsg: 2383 }, helmert)!;
    expect(shifted).toMatch(/^HZW:/);
    const point = [531_512, 3_381_512];
    const a = transform(point, shifted, 'EPSG:4490');
    const b = transform(point, projectionCode({ epsg: 2383 })!, 'EPSG:4490');
    const metres = Math.hypot((a[0]! - b[0]!) * 96_000, (a[1]! - b[1]!) * 111_000);
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(130);
  });

  it('names the error kept when shown without one, and nothing otherwise', () => {
    expect(unshiftedWarning({ epsg: 2383 }, { method: 'none' })?.zh).toMatch(
      /^1980西安坐标系坐标，未做基准转换，位置误差约/,
    );
    expect(unshiftedWarning({ epsg: 2383 }, undefined)).not.toBeNull();
    expect(unshiftedWarning({ epsg: 2383 }, helmert)).toBeNull();
    expect(unshiftedWarning({ epsg: 4516 }, undefined)).toBeNull();
    expect(projectionCode({ epsg: 4516 }, helmert)).toBe('EPSG:4516');
  });
});
