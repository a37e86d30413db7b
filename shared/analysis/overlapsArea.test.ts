import { describe, expect, it } from 'vitest';
import { intersectionArea } from './overlapsArea';

type XY = [number, number];
const square = (x0: number, y0: number, x1: number, y1: number, cw = false): XY[] => {
  const ring: XY[] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
  return cw ? ring.reverse() : ring;
};
const E = 450_000;
const N = 4_900_000;
const sq = (x0: number, y0: number, x1: number, y1: number, cw = false) =>
  square(E + x0, N + y0, E + x1, N + y1, cw);

describe('intersection area by clipped boundaries', () => {
  it('measures crossing, nested and disjoint squares whatever the ring orientation', () => {
    expect(intersectionArea([[sq(0, 0, 10, 10)]], [[sq(5, 5, 15, 15, true)]])).toBeCloseTo(25, 9);
    expect(intersectionArea([[sq(0, 0, 10, 10)]], [[sq(2, 2, 4, 4)]])).toBeCloseTo(4, 9);
    expect(intersectionArea([[sq(2, 2, 4, 4)]], [[sq(0, 0, 10, 10)]])).toBeCloseTo(4, 9);
    expect(intersectionArea([[sq(0, 0, 10, 10)]], [[sq(20, 0, 30, 10)]])).toBe(0);
  });

  it('counts boundaries that run together once (snapped zones) and touching squares as zero', () => {
    expect(intersectionArea([[sq(0, 0, 10, 10)]], [[sq(0, 0, 10, 10)]])).toBeCloseTo(100, 9);
    expect(intersectionArea([[sq(0, 0, 10, 10)]], [[sq(5, 0, 15, 10)]])).toBeCloseTo(50, 9);
    expect(intersectionArea([[sq(0, 0, 10, 10)]], [[sq(10, 0, 20, 10)]])).toBeCloseTo(0, 9);
    expect(intersectionArea([[sq(0, 0, 10, 10)]], [[sq(0, 0, 10, 5)]])).toBeCloseTo(50, 9);
  });

  it('leaves out holes and sums multipolygon parts', () => {
    const holed = [sq(0, 0, 10, 10), sq(2, 2, 8, 8)];
    expect(intersectionArea([holed], [[sq(0, 0, 10, 10)]])).toBeCloseTo(64, 9);
    expect(intersectionArea([holed], [[sq(3, 3, 7, 7)]])).toBe(0);
    expect(intersectionArea([[sq(0, 0, 4, 4)], [sq(6, 6, 10, 10)]], [[sq(2, 2, 8, 8)]])).toBeCloseTo(8, 9);
  });
});
