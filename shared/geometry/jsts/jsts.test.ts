import { describe, expect, it } from 'vitest';
import { area, buffer, covers, difference, intersection, isValid, union, unionAll } from './ops';
import { fromJsts, planarPolygon, toJsts } from './convert';
import { gkProjection } from './projection';

const square = (x: number, y: number, s: number) =>
  planarPolygon([
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ]);

describe('jsts adapter', () => {
  it('buffers a 100 m square by 30 m with round and mitred corners', () => {
    const sq = square(500000, 3000000, 100);
    const round = area(buffer(sq, 30, { join: 'round' }));
    expect(Math.abs(round - (100 ** 2 + 4 * 100 * 30 + Math.PI * 900)) / round).toBeLessThan(0.001);
    expect(area(buffer(sq, 30, { join: 'mitre' }))).toBeCloseTo(160 ** 2, 3);
  });

  it('unions, intersects, differences and tests cover', () => {
    const a = square(0, 0, 10);
    const b = square(5, 0, 10);
    expect(area(union(a, b))).toBeCloseTo(150, 6);
    expect(area(unionAll([a, b, square(20, 0, 1)]))).toBeCloseTo(151, 6);
    expect(area(intersection(a, b))).toBeCloseTo(50, 6);
    expect(area(difference(a, b))).toBeCloseTo(50, 6);
    expect(covers(a, square(1, 1, 2))).toBe(true);
    expect(covers(a, b)).toBe(false);
    expect(isValid(a)).toBe(true);
  });

  it('round-trips a lon/lat polygon through Gauss-Krüger zone 39', () => {
    const { project, unproject } = gkProjection(39);
    const geometry = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [116.39, 39.9],
          [116.4, 39.9],
          [116.4, 39.91],
          [116.39, 39.9],
        ] as [number, number][],
      ],
    };
    const back = fromJsts(toJsts(geometry, project), unproject);
    expect(back?.type).toBe('Polygon');
    const ring = back?.type === 'Polygon' ? back.coordinates[0]! : [];
    ring.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(geometry.coordinates[0]![i]![0], 9);
      expect(p[1]).toBeCloseTo(geometry.coordinates[0]![i]![1], 9);
    });
  });
});
