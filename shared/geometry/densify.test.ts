import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arcFromBulge,
  arcFromDxf,
  arcSegmentCount,
  densifyArc,
  densifyBulge,
  densifySegment,
  type Arc,
  type Point,
} from './densify';

const distance = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const cross = (a: Point, b: Point, c: Point) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

/** Every vertex on the circle, and every chord’s midpoint within `tolerance` of it (to 1 µm of rounding). */
function expectOnArc(points: Point[], arc: Arc, tolerance: number): void {
  for (const p of points) expect(Math.abs(distance(p, arc.center) - arc.radius)).toBeLessThan(1e-6);
  for (let i = 1; i < points.length; i++) {
    const mid: Point = [(points[i - 1]![0] + points[i]![0]) / 2, (points[i - 1]![1] + points[i]![1]) / 2];
    expect(arc.radius - distance(mid, arc.center)).toBeLessThanOrEqual(tolerance + 1e-6);
  }
}

// Survey-sized coordinates (CGCS2000 GK, metres) so rounding behaves as in real DXF files.
const C: Point = [553_915, 4_921_447];

describe('densify', () => {
  it('splits a DXF arc counter-clockwise from start to end, with chords within the tolerance', () => {
    const arc = arcFromDxf(C, 30, 350, 10);
    expect(arc.sweepDeg).toBeCloseTo(20, 12);
    const points = densifyArc(arc, 0.01);
    expectOnArc(points, arc, 0.01);
    expect(points[0]![0]).toBeCloseTo(C[0] + 30 * Math.cos((350 * Math.PI) / 180), 6);
    expect(points.at(-1)![1]).toBeCloseTo(C[1] + 30 * Math.sin((10 * Math.PI) / 180), 6);
    expect(arcFromDxf(C, 30, 45, 45).sweepDeg).toBe(360);
    expect(arcFromDxf(C, 30, 90, 0).sweepDeg).toBe(270);
  });

  it('uses the fewest chords that meet the tolerance, at most 3600 per turn', () => {
    const sagitta = (r: number, n: number, sweep: number) =>
      r * (1 - Math.cos((sweep * Math.PI) / 180 / n / 2));
    for (const [r, sweep] of [
      [10, 90],
      [250, 360],
      [3, 45],
    ] as const) {
      const n = arcSegmentCount(r, sweep, 0.05);
      expect(sagitta(r, n, sweep)).toBeLessThanOrEqual(0.05);
      if (n > 1) expect(sagitta(r, n - 1, sweep)).toBeGreaterThan(0.05);
    }
    expect(arcSegmentCount(1e6, 360, 0.05)).toBe(3600);
    expect(arcSegmentCount(1e6, -90, 0.05)).toBe(900);
    expect(arcSegmentCount(0.01, 90, 0.05)).toBe(1);
    expect(() => arcSegmentCount(10, 90, 0)).toThrow(RangeError);
  });

  it('reads a bulge of 1 as a half circle turning counter-clockwise', () => {
    const from: Point = [C[0], C[1]];
    const to: Point = [C[0] + 20, C[1]];
    const arc = arcFromBulge(from, to, 1)!;
    expect(distance(arc.center, [C[0] + 10, C[1]])).toBeLessThan(1e-9);
    expect(arc.radius).toBeCloseTo(10, 9);
    expect(arc.sweepDeg).toBeCloseTo(180, 9);
    const points = densifyBulge(from, to, 1);
    // Counter-clockwise from west to east of the centre passes south of it.
    expect(Math.min(...points.map((p) => p[1]))).toBeCloseTo(C[1] - 10, 3);
    expect(arcFromBulge(from, to, 0)).toBeNull();
    expect(densifyBulge(from, to, 0)).toEqual([from, to]);
  });

  it('keeps bulged segments exact at their ends, on the circle and on the bulge’s side (property)', () => {
    const coordinate = fc.double({ min: -500, max: 500, noNaN: true });
    fc.assert(
      fc.property(
        coordinate,
        coordinate,
        coordinate,
        coordinate,
        fc.double({ min: -4, max: 4, noNaN: true }).filter((b) => Math.abs(b) > 0.01),
        (x0, y0, x1, y1, bulge) => {
          const from: Point = [C[0] + x0, C[1] + y0];
          const to: Point = [C[0] + x1, C[1] + y1];
          fc.pre(distance(from, to) > 1);
          const arc = arcFromBulge(from, to, bulge)!;
          const points = densifyBulge(from, to, bulge, 0.05);
          expect(points[0]).toBe(from);
          expect(points.at(-1)).toBe(to);
          expectOnArc(points, arc, 0.05);
          expect(
            Math.abs(Math.abs(arc.sweepDeg) - (4 * Math.atan(Math.abs(bulge)) * 180) / Math.PI),
          ).toBeLessThan(1e-9);
          // A positive bulge turns counter-clockwise, so the arc lies to the right of from→to.
          const half = ((arc.startDeg + arc.sweepDeg / 2) * Math.PI) / 180;
          const middle: Point = [
            arc.center[0] + arc.radius * Math.cos(half),
            arc.center[1] + arc.radius * Math.sin(half),
          ];
          expect(Math.sign(cross(from, to, middle))).toBe(-Math.sign(bulge));
        },
      ),
    );
  });

  it('splits a straight segment into equal pieces no longer than asked', () => {
    const points = densifySegment([0, 0], [10, 0], 3);
    expect(points).toEqual([
      [0, 0],
      [2.5, 0],
      [5, 0],
      [7.5, 0],
      [10, 0],
    ]);
    expect(densifySegment([0, 0], [0, 0], 1)).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(() => densifySegment([0, 0], [1, 0], 0)).toThrow(RangeError);
  });
});
