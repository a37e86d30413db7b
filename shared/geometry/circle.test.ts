import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from './area';
import { circlePolygon, circleVertexCount } from './circle';
import { geodesicDistance } from './length';
import { signedArea2 } from './rings';
import { validateGeometry } from './validatePolygon';

describe('circle', () => {
  it('puts every vertex at the radius within 1 mm and turns counter-clockwise', () => {
    const center: [number, number] = [84.6771, 44.4266];
    for (const radius of [10, 250, 5000]) {
      const ring = circlePolygon(center, radius).coordinates[0]!;
      for (const p of ring) expect(Math.abs(geodesicDistance(center, p) - radius)).toBeLessThan(0.001);
      expect(signedArea2(ring)).toBeGreaterThan(0);
      expect(ring[0]).toEqual(ring.at(-1));
      expect(validateGeometry(circlePolygon(center, radius)).errors).toEqual([]);
    }
  });

  it('has an area of πr² less at most the sagitta loss', () => {
    const radius = 100;
    const n = circleVertexCount(radius, 0.05);
    const inscribed = (n / 2) * radius * radius * Math.sin((2 * Math.PI) / n);
    const area = ellipsoidalArea(circlePolygon([84, 44], radius));
    expect(Math.abs(area - inscribed) / inscribed).toBeLessThan(1e-4);
    expect(area).toBeLessThan(Math.PI * radius * radius);
    expect((Math.PI * radius * radius - area) / (Math.PI * radius * radius)).toBeLessThan(2e-3);
  });

  it('chooses the vertex count from the tolerance, within 32…720', () => {
    expect(circleVertexCount(1, 0.05)).toBe(32);
    expect(circleVertexCount(100, 0.05)).toBe(Math.ceil(Math.PI / Math.acos(1 - 0.05 / 100)));
    expect(circleVertexCount(1_000_000, 0.05)).toBe(720);
  });
});
