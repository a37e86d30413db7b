import { describe, expect, it } from 'vitest';
import { areNeighbours, onSegment, pointInRing, segmentContact, segmentsOf } from './segments';

describe('segment predicates', () => {
  it('tells crossing, touching, overlapping and missing segments apart', () => {
    expect(segmentContact([0, 0], [2, 2], [0, 2], [2, 0])).toEqual({ kind: 'cross', at: [1, 1] });
    expect(segmentContact([0, 0], [2, 0], [1, 0], [1, 5])).toEqual({ kind: 'touch', at: [1, 0] });
    expect(segmentContact([0, 0], [2, 0], [2, 0], [3, 1])).toEqual({ kind: 'touch', at: [2, 0] });
    expect(segmentContact([0, 0], [2, 0], [1, 0], [3, 0])).toEqual({ kind: 'overlap', at: [1, 0] });
    expect(segmentContact([0, 0], [2, 0], [2, 0], [3, 0])).toEqual({ kind: 'touch', at: [2, 0] });
    expect(segmentContact([0, 0], [2, 0], [3, 0], [4, 0])).toEqual({ kind: 'none' });
    expect(segmentContact([0, 0], [2, 0], [0, 1], [2, 1])).toEqual({ kind: 'none' });
    expect(segmentContact([0, 0], [0, 2], [0, 1], [0, 3]).kind).toBe('overlap');
  });

  it('puts a crossing of lon/lat edges where both lines meet', () => {
    const { at } = segmentContact([84.1, 44.2], [84.3, 44.25], [84.2, 44.1], [84.22, 44.4]);
    const [x, y] = at!;
    // On both lines: the cross products vanish to rounding.
    expect(Math.abs((84.3 - 84.1) * (y - 44.2) - (44.25 - 44.2) * (x - 84.1))).toBeLessThan(1e-14);
    expect(Math.abs((84.22 - 84.2) * (y - 44.1) - (44.4 - 44.1) * (x - 84.2))).toBeLessThan(1e-14);
  });

  it('skips zero-length edges and knows which edges are neighbours, across the closing vertex', () => {
    const segments = segmentsOf([
      [
        [0, 0],
        [1, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ]);
    expect(segments.map((s) => s.index)).toEqual([0, 2, 3, 4]);
    expect(segments.every((s) => s.ringSize === 4)).toBe(true);
    expect(areNeighbours(segments[0]!, segments[1]!)).toBe(true);
    expect(areNeighbours(segments[0]!, segments[3]!)).toBe(true);
    expect(areNeighbours(segments[0]!, segments[2]!)).toBe(false);
  });

  it('tests points against rings and segments', () => {
    const ring: [number, number][] = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    expect(pointInRing([2, 2], ring)).toBe(true);
    expect(pointInRing([5, 2], ring)).toBe(false);
    expect(onSegment([0, 0], [4, 4], [1, 1])).toBe(true);
    expect(onSegment([0, 0], [4, 4], [5, 5])).toBe(false);
  });
});
