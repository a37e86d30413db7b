import { describe, expect, it } from 'vitest';
import { hitOutline } from './commentHit';

// A 100 × 60 px rectangle with a 20 px square hole, as the map would project a zone.
const outer: [number, number][] = [
  [0, 0],
  [100, 0],
  [100, 60],
  [0, 60],
  [0, 0],
];
const hole: [number, number][] = [
  [40, 20],
  [60, 20],
  [60, 40],
  [40, 40],
  [40, 20],
];
const zone = [[outer, hole]];

describe('hitOutline', () => {
  it('takes a vertex within 8 px and not beyond', () => {
    expect(hitOutline([105, 64], zone)).toEqual({ kind: 'vertex', part: 0, ring: 0, index: 2 });
    // 8.5 px from the corner (6, 6) off both edges' ends: nothing.
    expect(hitOutline([106, 66], zone)).toBeNull();
  });

  it('prefers the vertex over the edge it ends', () => {
    expect(hitOutline([97, 2], zone)).toEqual({ kind: 'vertex', part: 0, ring: 0, index: 1 });
  });

  it('takes an edge within 6 px with its position along it', () => {
    const hit = hitOutline([25, 5], zone);
    expect(hit).toMatchObject({ kind: 'edge', part: 0, ring: 0, index: 0 });
    expect(hit?.kind === 'edge' && hit.t).toBeCloseTo(0.25, 12);
    expect(hitOutline([25, 7], zone)).toBeNull();
  });

  it('finds the hole’s edges and the closing edge of a ring', () => {
    expect(hitOutline([50, 41], zone)).toMatchObject({ kind: 'edge', ring: 1, index: 2 });
    const closing = hitOutline([-3, 30], zone);
    expect(closing).toMatchObject({ kind: 'edge', ring: 0, index: 3 });
    expect(closing?.kind === 'edge' && closing.t).toBeCloseTo(0.5, 12);
  });

  it('names the part of a multipolygon', () => {
    const moved = outer.map(([x, y]) => [x + 300, y] as [number, number]);
    expect(hitOutline([300, 1], [[outer], [moved]])).toEqual({ kind: 'vertex', part: 1, ring: 0, index: 0 });
  });

  it('misses in the middle of the area', () => {
    expect(hitOutline([20, 30], zone)).toBeNull();
  });
});
