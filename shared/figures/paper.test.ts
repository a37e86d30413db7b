import { describe, expect, it } from 'vitest';
import { fitScale, formatScale, parseScale } from './paper';
import { gridSpacing } from './grid';
import { scaleBarBlock, scaleBarLength } from './scaleBar';
import type { PathOp } from './displayList';

describe('scales', () => {
  it('reads the ways a planner types a scale and refuses the rest', () => {
    expect(parseScale('1:1 000')).toBe(1000);
    expect(parseScale('1：2000')).toBe(2000);
    expect(parseScale('1/500')).toBe(500);
    expect(parseScale(' 25,000 ')).toBe(25000);
    expect(parseScale('1:2500')).toBe(2500);
    for (const bad of ['', '1:', 'abc', '1:50', '2:1000', '1:0']) expect(parseScale(bad), bad).toBeNull();
    expect(formatScale(50000)).toBe('1:50 000');
  });

  it('fits an extent at the largest standard scale that holds it', () => {
    // 300 m across a 280 mm frame needs > 1:1 071 → 1:2 000; 200 m fits 1:1 000.
    expect(fitScale(300, 100, 280, 200)).toBe(2000);
    expect(fitScale(200, 100, 280, 200)).toBe(1000);
    // Past 1:50 000: the exact scale rounded up to a thousand (40 km × 1.1 / 280 mm → 1:158 000).
    expect(fitScale(40_000, 100, 280, 200)).toBe(158_000);
  });

  it('spaces the grid 10 cm on paper at the large scales', () => {
    expect([500, 1000, 2000, 5000, 10_000].map(gridSpacing)).toEqual([50, 100, 200, 500, 1000]);
  });

  it('draws the scale bar at ground length / scale', () => {
    expect(scaleBarLength(1000, 48)).toBe(20);
    expect(scaleBarLength(500, 60)).toBe(20);
    const { ops } = scaleBarBlock(1000, 0, 100, 60, 1);
    const parts = ops.filter((o): o is PathOp => o.op === 'path');
    const xs = parts.flatMap((p) => p.rings[0]!.map((q) => q[0]));
    const lengthM = scaleBarLength(1000, 48);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(lengthM, 6); // 1 m = 1 mm at 1:1 000
  });
});
