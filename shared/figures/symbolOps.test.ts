import { describe, expect, it } from 'vitest';
import { hatchLines, parseColour } from './symbolOps';

type Pt = [number, number];
function inside(p: Pt, rings: Pt[][]): boolean {
  let c = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) c = !c;
    }
  return c;
}
function distToRings(p: Pt, rings: Pt[][]): number {
  let best = Infinity;
  for (const ring of rings)
    for (let i = 1; i < ring.length; i++) {
      const [a, b] = [ring[i - 1]!, ring[i]!];
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
    }
  return best;
}

describe('hatchLines', () => {
  const outer: Pt[] = [
    [0, 0],
    [40, 0],
    [40, 30],
    [20, 45],
    [0, 30],
    [0, 0],
  ];
  const hole: Pt[] = [
    [10, 10],
    [25, 10],
    [25, 20],
    [10, 20],
    [10, 10],
  ];
  for (const angle of [45, 135, 0, 90]) {
    it(`cuts ${angle}° lines to the polygon, leaving its hole empty`, () => {
      const lines = hatchLines([outer, hole], angle, 2.25);
      expect(lines.length).toBeGreaterThan(10);
      for (const [a, b] of lines) {
        expect(distToRings(a!, [outer, hole])).toBeLessThan(1e-9);
        expect(distToRings(b!, [outer, hole])).toBeLessThan(1e-9);
        const mid: Pt = [(a![0] + b![0]) / 2, (a![1] + b![1]) / 2];
        expect(inside(mid, [outer, hole])).toBe(true);
        const dir = (Math.atan2(b![1] - a![1], b![0] - a![0]) * 180) / Math.PI;
        expect((((dir - angle) % 180) + 180) % 180).toBeCloseTo(0, 6);
      }
    });
  }

  it('reads symbol colours with their alpha', () => {
    expect(parseColour('#d01c1c80')).toEqual({ rgb: [208, 28, 28], alpha: 128 / 255 });
    expect(parseColour('#e07b00').alpha).toBe(1);
  });
});
