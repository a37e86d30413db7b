import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position, Ring, ZoneGeometry } from '../domain/geometry';
import {
  cleanRings,
  closeRing,
  isClosed,
  isCounterClockwise,
  orientForRfc7946,
  orientRing,
  removeDuplicateVertices,
  signedArea,
  signedArea2,
} from './rings';
import { square } from './testShapes';

/** Random star-shaped rings around (84, 44): simple, either orientation. */
const starRing = fc
  .array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 3, maxLength: 40 })
  .chain((radii) => fc.boolean().map((ccw) => ({ radii, ccw })))
  .map(({ radii, ccw }) => {
    const ring: Ring = radii.map((r, i) => {
      const a = ((ccw ? 1 : -1) * 2 * Math.PI * i) / radii.length;
      return [84 + 0.01 * r * Math.cos(a), 44 + 0.01 * r * Math.sin(a)];
    });
    return [...ring, ring[0]!];
  });

describe('rings', () => {
  it('closes an open ring once and leaves a closed one alone', () => {
    const open: Ring = square(0, 0, 1).slice(0, 4);
    expect(isClosed(open)).toBe(false);
    expect(closeRing(open)).toEqual(square(0, 0, 1));
    expect(closeRing(closeRing(open))).toEqual(square(0, 0, 1));
    expect(closeRing([])).toEqual([]);
  });

  it('removes consecutive duplicates, including one that repeats the closing vertex', () => {
    const messy: Ring = [
      [0, 0],
      [0, 0],
      [1, 0],
      [1, 1],
      [1, 1],
      [1, 1],
      [0, 1],
      [0, 0],
      [0, 0],
    ];
    expect(removeDuplicateVertices(messy)).toEqual(square(0, 0, 1));
    const open: Ring = [
      [0, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(removeDuplicateVertices(open.slice(0, 4))).toEqual(open.slice(0, 2).concat(open.slice(3, 4)));
  });

  it('gives the signed area: +1 for a counter-clockwise unit square, −1 clockwise', () => {
    expect(signedArea(square(0, 0, 1))).toBe(1);
    expect(signedArea(square(0, 0, 1).reverse())).toBe(-1);
    expect(signedArea2(square(0, 0, 2))).toBe(8);
    expect(signedArea(square(0, 0, 1).slice(0, 4))).toBe(1);
  });

  it('keeps full precision for prefixed Gauss-Krüger coordinates', () => {
    // Exactly representable corners: the true area is exactly 0.25 m².
    expect(signedArea(square(28_553_915.5, 4_921_447.25, 0.5))).toBe(0.25);
  });

  it('orients exterior rings counter-clockwise and holes clockwise (RFC 7946)', () => {
    const geometry: ZoneGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 10).reverse(), square(1, 1, 1)], [square(20, 0, 1)]],
    };
    const oriented = orientForRfc7946(geometry);
    if (oriented.type !== 'MultiPolygon') throw new Error('type changed');
    expect(isCounterClockwise(oriented.coordinates[0]![0]!)).toBe(true);
    expect(isCounterClockwise(oriented.coordinates[0]![1]!)).toBe(false);
    expect(isCounterClockwise(oriented.coordinates[1]![0]!)).toBe(true);
  });

  it('orientation normalisation is idempotent and keeps the vertices and |area| (property)', () => {
    fc.assert(
      fc.property(starRing, starRing, (shell, hole) => {
        const geometry: ZoneGeometry = { type: 'Polygon', coordinates: [shell, hole] };
        const once = orientForRfc7946(geometry);
        const twice = orientForRfc7946(once);
        expect(twice).toEqual(once);
        const [outer, inner] = once.coordinates as Ring[];
        expect(isCounterClockwise(outer!)).toBe(true);
        expect(isCounterClockwise(inner!)).toBe(false);
        expect(Math.abs(signedArea(outer!))).toBeCloseTo(Math.abs(signedArea(shell)), 15);
        const key = (p: Position) => p.join(',');
        expect(new Set(outer!.map(key))).toEqual(new Set(shell.map(key)));
      }),
    );
  });

  it('orientRing reverses only when needed', () => {
    const ccw = square(0, 0, 1);
    expect(orientRing(ccw, true)).toBe(ccw);
    expect(orientRing(ccw, false)).toEqual(ccw.slice().reverse());
  });

  it('cleans every ring of a geometry: closed, without repeats', () => {
    const cleaned = cleanRings({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    });
    expect(cleaned).toEqual({ type: 'Polygon', coordinates: [square(0, 0, 1)] });
  });
});
