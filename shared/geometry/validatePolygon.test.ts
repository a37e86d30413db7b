import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position, Ring, ZoneGeometry } from '../domain/geometry';
import { circlePolygon } from './circle';
import { addHoleToGeometry } from './holes';
import { polygonProblemMessage, validateGeometry } from './validatePolygon';

const square = (x: number, y: number, d: number): Ring => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const poly = (...rings: Ring[]): ZoneGeometry => ({ type: 'Polygon', coordinates: rings });
const codes = (g: ZoneGeometry) => validateGeometry(g).errors.map((e) => e.code);

describe('polygon validation', () => {
  it('accepts a square, a square with a hole, and a circle', () => {
    expect(codes(poly(square(84, 44, 0.01)))).toEqual([]);
    expect(codes(poly(square(84, 44, 0.01), square(84.002, 44.002, 0.002).reverse()))).toEqual([]);
    expect(codes(circlePolygon([84, 44], 30))).toEqual([]);
  });

  it('names each defect with its ring and vertex', () => {
    const bowtie = poly([
      [84, 44],
      [84.01, 44.01],
      [84.01, 44],
      [84, 44.01],
      [84, 44],
    ]);
    const [problem] = validateGeometry(bowtie).errors;
    expect(problem?.code).toBe('self_intersection');
    expect(polygonProblemMessage(problem!).en).toMatch(/^self-intersection near vertex \d of ring 1$/);
    expect(polygonProblemMessage(problem!).zh).toMatch(/^第1环第\d点附近自相交$/);
    expect(
      codes(
        poly(
          [
            [84, 44],
            [84.01, 44],
            [84.01, 44.01],
            [84, 44],
          ].slice(0, 3) as Ring,
        ),
      ),
    ).toEqual(['too_few_points']);
    expect(
      codes(
        poly([
          [84, 44],
          [84.01, 44],
          [84.01, 44.01],
          [84, 44.01],
        ]),
      ),
    ).toEqual(['ring_not_closed']);
    expect(
      codes(
        poly([
          [84, 44],
          [84.01, 44],
          [84.02, 44],
          [84, 44],
        ]),
      ),
    ).toEqual(['degenerate_ring']);
    expect(
      codes(
        poly([
          [84, 44],
          [Infinity, 44],
          [84.01, 44.01],
          [84, 44],
        ]),
      ),
    ).toEqual(['non_finite']);
    expect(
      codes(
        poly([
          [84, 44],
          [84, 95],
          [84.01, 44.01],
          [84, 44],
        ]),
      ),
    ).toEqual(['out_of_range']);
    expect(codes(poly(square(84, 44, 0.01), square(85, 44, 0.001)))).toEqual(['hole_outside_shell']);
    expect(codes(poly(square(84, 44, 0.01), square(84.005, 44.005, 0.01)))).toContain('rings_cross');
    expect(
      codes({ type: 'MultiPolygon', coordinates: [[square(84, 44, 0.01)], [square(84.005, 44.005, 0.01)]] }),
    ).toEqual(['polygons_overlap']);
  });

  it('reports a backtracking spike and a ring touching itself', () => {
    const spike = poly([
      [84, 44],
      [84.01, 44],
      [84.02, 44],
      [84.01, 44],
      [84.01, 44.01],
      [84, 44],
    ]);
    expect(codes(spike)).toContain('self_intersection');
    const figureEight = poly([
      [84, 44],
      [84.01, 44],
      [84.005, 44.005],
      [84.01, 44.01],
      [84, 44.01],
      [84.005, 44.005],
      [84, 44],
    ]);
    expect(codes(figureEight)).toContain('self_intersection');
  });

  it('keeps repeated vertices as a warning only', () => {
    const result = validateGeometry(
      poly([
        [84, 44],
        [84.01, 44],
        [84.01, 44],
        [84.01, 44.01],
        [84, 44],
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['duplicate_vertex']);
  });

  it('validates a 20 000-vertex ring and finds the one crossing injected into it', () => {
    const n = 20_000;
    const ring: Position[] = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      const r = 0.01 * (1 + 0.1 * Math.sin(37 * a));
      ring.push([84 + r * Math.cos(a), 44 + r * Math.sin(a)]);
    }
    ring.push(ring[0]!);
    expect(codes(poly(ring))).toEqual([]);
    const broken = ring.slice();
    [broken[5000], broken[5001]] = [broken[5001]!, broken[5000]!];
    expect(codes(poly(broken))).toContain('self_intersection');
  });

  it('a hole added inside a square is always valid (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.double({ min: 0.01, max: 0.09, noNaN: true }),
        (fx, fy, fd) => {
          const outer = poly(square(84, 44, 0.1));
          const hole = square(84 + fx * 0.1 * 0.9, 44 + fy * 0.1 * 0.9, fd * 0.1 * 0.5);
          const result = addHoleToGeometry(outer, hole);
          if (!result.ok) return false;
          return validateGeometry(result.geometry).errors.length === 0;
        },
      ),
    );
  });

  it('refuses holes outside the zone or overlapping another hole', () => {
    const outer = poly(square(84, 44, 0.1), square(84.01, 44.01, 0.02));
    expect(addHoleToGeometry(outer, square(85, 44, 0.01))).toEqual({
      ok: false,
      reason: 'not_inside_any_part',
    });
    expect(addHoleToGeometry(outer, square(84.02, 44.02, 0.02))).toEqual({
      ok: false,
      reason: 'overlaps_hole',
    });
    expect(addHoleToGeometry(outer, square(84.09, 44.05, 0.02))).toEqual({
      ok: false,
      reason: 'crosses_boundary',
    });
  });
});
