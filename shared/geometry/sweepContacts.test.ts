import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Position } from '../domain/geometry';
import { areNeighbours, segmentContact, segmentsOf, type Segment } from './segments';
import { meetOnlyAtNeighbourVertices, ringsMeetOnlyAtNeighbourVertices } from './sweepContacts';

/** The definition, pair by pair: no contact but ring neighbours touching. */
function bruteClean(segments: readonly Segment[]): boolean {
  for (let i = 0; i < segments.length; i++)
    for (let j = i + 1; j < segments.length; j++) {
      const s = segments[i]!;
      const t = segments[j]!;
      const { kind } = segmentContact(s.a, s.b, t.a, t.b);
      if (kind !== 'none' && !(kind === 'touch' && areNeighbours(s, t))) return false;
    }
  return true;
}

const close = (ring: Position[]) => [...ring, ring[0]!];

/** A ring around the origin with a radius per vertex (angles increase: simple unless radii are wild). */
function starRing(radii: number[], jitter: number[]): Position[] {
  return close(
    radii.map((r, k) => {
      const a = (2 * Math.PI * k) / radii.length + (jitter[k] ?? 0);
      return [84 + r * Math.cos(a), 44 + r * Math.sin(a)];
    }),
  );
}

describe('sweep for edge contacts', () => {
  it('never calls a geometry clean that has a forbidden contact (random rings on a coarse grid)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), {
            minLength: 3,
            maxLength: 9,
          }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        (rings) => {
          const segments = segmentsOf(
            rings.map((r) => close(r.map(([x, y]) => [x + y * 1e-3, y] as Position))),
          );
          if (meetOnlyAtNeighbourVertices(segments)) expect(bruteClean(segments)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never calls a zigzag ring clean when it crosses, and finds the clean ones clean', () => {
    let tame = 0;
    let clean = 0;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.25, max: 0.35, noNaN: true }), { minLength: 3, maxLength: 60 }),
        fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 60, maxLength: 60 }),
        fc.boolean(),
        (radii, jitter, wild) => {
          const segments = segmentsOf([starRing(radii, wild ? jitter : [])]);
          const fast = meetOnlyAtNeighbourVertices(segments);
          if (fast) expect(bruteClean(segments)).toBe(true);
          if (!wild) {
            tame++;
            if (fast) clean++;
          }
        },
      ),
      { numRuns: 2000 },
    );
    // Simple rings are called clean, but for the rare one it cannot be sure of (a vertical edge).
    expect(clean).toBeGreaterThan(0.95 * tame);
  });

  it('answers each geometry on its own, whatever size the one before it had', () => {
    const circle = (n: number) => starRing(new Array<number>(n).fill(0.3), []);
    const bowtie = close([
      [0, 0],
      [1, 1],
      [1, 0.1],
      [0, 1.1],
    ]);
    const square = close([
      [0, 0],
      [1, 0.001],
      [1.001, 1],
      [0.002, 1.002],
    ]);
    for (const size of [5000, 70_000, 12, 5000]) {
      expect(ringsMeetOnlyAtNeighbourVertices([{ rings: [circle(size)] }])).toBe(true);
      expect(ringsMeetOnlyAtNeighbourVertices([{ rings: [bowtie] }])).toBe(false);
      expect(ringsMeetOnlyAtNeighbourVertices([{ rings: [square] }])).toBe(true);
    }
  });

  it('reads polygons and their rings as the segments they make (several parts and holes)', () => {
    let clean = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })), {
              minLength: 3,
              maxLength: 7,
            }),
            { minLength: 1, maxLength: 2 },
          ),
          { minLength: 1, maxLength: 3 },
        ),
        fc.integer({ min: 0, max: 3 }),
        (parts, spread) => {
          // Parts shifted apart by `spread`, so some geometries are clean and some are not.
          const polygons = parts.map((rings, index) => ({
            index,
            rings: rings.map((r) =>
              close(r.map(([x, y]) => [x + index * spread * 9 + y * 1e-3, y] as Position)),
            ),
          }));
          const segments = polygons.flatMap((p) => segmentsOf(p.rings, p.index));
          const fast = ringsMeetOnlyAtNeighbourVertices(polygons);
          expect(fast).toBe(meetOnlyAtNeighbourVertices(segments));
          if (fast) {
            clean++;
            expect(bruteClean(segments)).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(clean).toBeGreaterThan(0);
  });

  it('calls a bow-tie, a spike, a ring touching itself and a vertex on a far edge unclean', () => {
    const bowTie = segmentsOf([
      close([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
      ]),
    ]);
    const spike = segmentsOf([
      close([
        [0, 0],
        [2, 0.1],
        [3, 0.2],
        [2.5, 0.15],
        [2, 1],
      ]),
    ]);
    const touching = segmentsOf([
      close([
        [0, 0],
        [4, 0.1],
        [2, 2],
        [3, 2.1],
        [2, 2],
        [0.1, 3],
      ]),
    ]);
    // A vertex on a far edge, with the two edges leaving the far edge's end nearly collinear
    // (found by the random-ring property above, seed 882585965): the near edge hid the contact.
    const onFarEdge = segmentsOf([
      close(
        [
          [3, 2],
          [1, 1],
          [6, 5],
          [1, 0],
        ].map(([x, y]) => [x! + y! * 1e-3, y!] as Position),
      ),
    ]);
    for (const s of [bowTie, spike, touching, onFarEdge]) {
      expect(bruteClean(s)).toBe(false);
      expect(meetOnlyAtNeighbourVertices(s)).toBe(false);
    }
  });
});
