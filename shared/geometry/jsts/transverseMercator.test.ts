import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromGaussKruger, toGaussKruger } from '../../crs/gaussKruger';
import { gkProjection } from './projection';

const options = { prefixed: false, width: 3 as const };

describe('inlined Gauss-Krüger series', () => {
  it('matches proj4 (itself checked against GDAL) to 0.01 mm over every 3° zone, 4.5° either side', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 25, max: 45 }),
        fc.double({ min: -4.5, max: 4.5, noNaN: true }),
        fc.double({ min: 15, max: 55, noNaN: true }),
        (zone, dLon, lat) => {
          const lonLat: [number, number] = [zone * 3 + dLon, lat];
          const ours = gkProjection(zone).project(lonLat);
          const ref = toGaussKruger(lonLat, zone, options);
          expect(Math.hypot(ours[0] - ref[0], ours[1] - ref[1])).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('inverts to the same lon/lat as proj4 and round-trips to 1e-9°', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 25, max: 45 }),
        fc.double({ min: 150_000, max: 850_000, noNaN: true }),
        fc.double({ min: 1_700_000, max: 6_000_000, noNaN: true }),
        (zone, e, n) => {
          const { project, unproject } = gkProjection(zone);
          const ours = unproject([e, n]);
          const ref = fromGaussKruger([e, n], zone, options);
          // 1e-9° is 0.1 mm on the ground.
          expect(Math.abs(ours[0] - ref[0])).toBeLessThan(1e-9);
          expect(Math.abs(ours[1] - ref[1])).toBeLessThan(1e-9);
          const back = project(ours);
          expect(Math.hypot(back[0] - e, back[1] - n)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('puts the central meridian at 500 km and the equator at northing 0', () => {
    const [e, n] = gkProjection(39).project([117, 0]);
    expect(e).toBeCloseTo(500_000, 6);
    expect(n).toBeCloseTo(0, 6);
  });

  it('refuses a zone outside China', () => {
    expect(() => gkProjection(12)).toThrow(/zone 12/);
  });
});
