import { describe, expect, it } from 'vitest';
import type { Position } from '../domain/geometry';
import { ellipsoidalArea } from './area';
import { circlePolygon, circleVertexCount, MAX_CIRCLE_VERTICES, MIN_CIRCLE_VERTICES } from './circle';
import { geodesicDistance } from './length';
import { isCounterClockwise } from './rings';
import { validateGeometry } from './validatePolygon';

const WUSU: Position = [84.6771, 44.4266];

describe('circle', () => {
  it('puts every vertex at the radius within 1 mm, closed and counter-clockwise', () => {
    for (const radius of [10, 250, 5000]) {
      const geometry = circlePolygon(WUSU, radius);
      const ring = geometry.coordinates[0]!;
      for (const p of ring) expect(Math.abs(geodesicDistance(WUSU, p) - radius)).toBeLessThan(0.001);
      expect(isCounterClockwise(ring)).toBe(true);
      expect(ring[0]).toEqual(ring.at(-1));
      expect(ring[0]![0]).toBeCloseTo(WUSU[0], 12);
      expect(validateGeometry(geometry).errors).toEqual([]);
    }
  });

  it('loses at most perimeter × tolerance of the area πr²', () => {
    for (const [radius, tolerance] of [
      [100, 0.05],
      [30, 0.01],
      [2000, 0.5],
    ]) {
      const area = ellipsoidalArea(circlePolygon(WUSU, radius!, tolerance));
      const loss = Math.PI * radius! ** 2 - area;
      expect(loss).toBeGreaterThan(0);
      // Each chord cuts off a segment no larger than chord × sagitta, so loss ≤ 2πr · tolerance.
      expect(loss).toBeLessThanOrEqual(2 * Math.PI * radius! * tolerance!);
    }
  });

  it('chooses the vertex count from the sagitta, within 32…3600', () => {
    const sagitta = (r: number, n: number) => r * (1 - Math.cos(Math.PI / n));
    for (const radius of [5, 100, 1000, 3000, 10_000, 50_000, 120_000]) {
      const n = circleVertexCount(radius, 0.05);
      expect(n).toBeGreaterThanOrEqual(MIN_CIRCLE_VERTICES);
      expect(n).toBeLessThanOrEqual(MAX_CIRCLE_VERTICES);
      if (n > MIN_CIRCLE_VERTICES && n < MAX_CIRCLE_VERTICES) {
        expect(sagitta(radius, n)).toBeLessThanOrEqual(0.05);
        expect(sagitta(radius, n - 1)).toBeGreaterThan(0.05);
      }
    }
    expect(circleVertexCount(1, 0.05)).toBe(MIN_CIRCLE_VERTICES);
    expect(circleVertexCount(1_000_000, 0.05)).toBe(MAX_CIRCLE_VERTICES);
    expect(circlePolygon(WUSU, 100).coordinates[0]).toHaveLength(circleVertexCount(100) + 1);
  });

  it('refuses a radius or tolerance that is not positive', () => {
    expect(() => circlePolygon(WUSU, 0)).toThrow(RangeError);
    expect(() => circlePolygon(WUSU, Number.NaN)).toThrow(RangeError);
    expect(() => circleVertexCount(10, 0)).toThrow(RangeError);
  });
});
