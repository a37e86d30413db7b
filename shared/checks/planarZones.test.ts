import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Planar } from '../geometry/jsts/convert';
import { distanceToBoundary, segmentDistance, type PlanarPolygon } from './planarZones';

/** The definition: the nearest of all edges of all rings. */
function everyEdge(p: Planar, polygons: readonly PlanarPolygon[]): number {
  let best = Infinity;
  for (const rings of polygons)
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++) best = Math.min(best, segmentDistance(p, ring[i - 1]!, ring[i]!));
  return best;
}

// Coordinates in millimetres, as surveyed (the checks work in Gauss-Krüger metres).
const metres = fc.integer({ min: -500_000, max: 500_000 }).map((mm) => mm / 1000);
const point = fc.tuple(metres, metres);
const ring = fc.array(point, { minLength: 3, maxLength: 12 }).map((r) => [...r, r[0]!] as Planar[]);

describe('distance to the nearest boundary', () => {
  it('is the nearest edge of all rings, though rings beyond the best so far are skipped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(ring, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        point,
        (polygons, p) => {
          expect(distanceToBoundary(p as Planar, polygons)).toBe(everyEdge(p as Planar, polygons));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
