import { describe, expect, it } from 'vitest';
import { coarseArcs, densifyArc } from './arcs';
import type { Planar } from './jsts/convert';
import { signedArea } from './rings';

const close = (r: Planar[]): Planar[] => [...r, r[0]!];

/** A side × side square buffered by `radius` with round corners of `perQuarter` chords, CCW. */
function roundedSquare(side: number, radius: number, perQuarter: number): Planar[] {
  const corners: [number, number, number][] = [
    [side, 0, -Math.PI / 2],
    [side, side, 0],
    [0, side, Math.PI / 2],
    [0, 0, Math.PI],
  ];
  const out: Planar[] = [];
  for (const [cx, cy, a0] of corners)
    for (let k = 0; k <= perQuarter; k++) {
      const a = a0 + ((Math.PI / 2) * k) / perQuarter;
      out.push([cx + radius * Math.cos(a), cy + radius * Math.sin(a)]);
    }
  return close(out);
}

function regular(n: number, radius: number, phase = 0): Planar[] {
  return close(
    Array.from({ length: n }, (_, k) => {
      const a = phase + (2 * Math.PI * k) / n;
      return [radius * Math.cos(a), radius * Math.sin(a)] as Planar;
    }),
  );
}

describe('chord arcs', () => {
  it('accepts round corners whose chords stay within tolerance', () => {
    // 16 chords per quarter at 30 m: sagitta 30·(1 − cos(π/64)) ≈ 0.036 m.
    expect(coarseArcs(roundedSquare(100, 30, 16), 0.1)).toEqual([]);
  });

  it('finds each coarse corner with its radius and sagitta', () => {
    const arcs = coarseArcs(roundedSquare(100, 500, 16), 0.1);
    expect(arcs).toHaveLength(4);
    for (const arc of arcs) {
      expect(arc.radiusM).toBeCloseTo(500, 6);
      expect(arc.sagittaM).toBeCloseTo(500 * (1 - Math.cos(Math.PI / 64)), 6);
      expect(arc.chords).toBe(16);
    }
  });

  it('finds a polygon standing for a circle', () => {
    const [arc] = coarseArcs(regular(12, 100), 0.1);
    expect(arc).toMatchObject({ wholeRing: true, chords: 12 });
    expect(arc!.radiusM).toBeCloseTo(100, 6);
    expect(arc!.sagittaM).toBeCloseTo(100 * (1 - Math.cos(Math.PI / 12)), 6);
  });

  it('leaves rectangles, irregular outlines and single bevelled corners alone', () => {
    expect(
      coarseArcs(
        close([
          [0, 0],
          [100, 0],
          [100, 50],
          [0, 50],
        ]),
        0.01,
      ),
    ).toEqual([]);
    // A regular octagon (正八边形 zones in the sample) is a shape, not an arc.
    expect(coarseArcs(regular(8, 450), 0.1)).toEqual([]);
    const irregular = close([
      [0, 0],
      [40, -3],
      [95, 8],
      [120, 60],
      [70, 95],
      [20, 80],
      [-10, 40],
    ]);
    expect(coarseArcs(irregular, 0.01)).toEqual([]);
    // One 45° bevel: two turning vertices but only two chords of very different length.
    expect(
      coarseArcs(
        close([
          [0, 0],
          [100, 0],
          [120, 20],
          [120, 80],
          [0, 80],
        ]),
        0.01,
      ),
    ).toEqual([]);
  });

  it('finds an arc that runs through the ring’s first vertex', () => {
    const ring = roundedSquare(100, 400, 8).slice(0, -1);
    const rotated = close([...ring.slice(4), ...ring.slice(0, 4)]);
    const arcs = coarseArcs(rotated, 0.1);
    expect(arcs).toHaveLength(4);
    expect(arcs.some((a) => a.to < a.from)).toBe(true);
  });

  it('densifies a coarse corner onto its circle, ends fixed, until nothing is reported', () => {
    const ring = roundedSquare(100, 500, 4);
    let fixed = ring;
    for (let i = 0; i < 4; i++) fixed = densifyArc(fixed, coarseArcs(fixed, 0.1)[0]!, 0.1);
    expect(coarseArcs(fixed, 0.1)).toEqual([]);
    // Every original vertex is still there (the arc ends and the straight sides).
    for (const p of ring) expect(fixed.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < 1e-9)).toBe(true);
    // The area approaches the closed form 100² + 4·100·500 + π·500² from below: each chord of
    // sagitta s and length L cuts off (2/3)·s·L, so the gap is under 0.1 m × the arcs' length.
    const exact = 100 ** 2 + 4 * 100 * 500 + Math.PI * 500 ** 2;
    const bound = 0.1 * 2 * Math.PI * 500;
    expect(exact - Math.abs(signedArea(ring))).toBeGreaterThan(20 * bound);
    expect(exact - Math.abs(signedArea(fixed))).toBeLessThan(bound);
    expect(exact - Math.abs(signedArea(fixed))).toBeGreaterThan(0);
  });

  it('densifies a whole-ring circle and a wrapping arc', () => {
    const circle = densifyArc(regular(12, 100, 0.3), coarseArcs(regular(12, 100, 0.3), 0.05)[0]!, 0.05);
    expect(coarseArcs(circle, 0.05)).toEqual([]);
    for (const [x, y] of circle) expect(Math.hypot(x, y)).toBeCloseTo(100, 9);
    expect(Math.PI * 100 ** 2 - Math.abs(signedArea(circle))).toBeLessThan(0.05 * 2 * Math.PI * 100);
    expect(signedArea(circle)).toBeGreaterThan(0);

    const ring = roundedSquare(100, 400, 8).slice(0, -1);
    let rotated = close([...ring.slice(4), ...ring.slice(0, 4)]);
    const wrap = coarseArcs(rotated, 0.1).find((a) => a.to < a.from)!;
    rotated = densifyArc(rotated, wrap, 0.1);
    expect(coarseArcs(rotated, 0.1)).toHaveLength(3);
    expect(rotated[0]).toEqual(rotated.at(-1));
  });
});
