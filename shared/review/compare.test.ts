import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '../geometry/area';
import { validateGeometry } from '../geometry/validatePolygon';
import { gainedLost } from '../geometry/ops/changeParts';
import { compareStates } from './compare';
import { EXPECTED, FIXTURE_GK_ZONE, compareFixture, quadrangle, quadrangleArea } from './compareFixture';

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / expected;
const options = { gkZone: FIXTURE_GK_ZONE };

describe('the closed-form fixture (a 10 m strip added, a zone deleted, a rule changed)', () => {
  const { a, b } = compareFixture();
  const result = compareStates(a, b, options);

  it('the densified quadrangles themselves measure as the closed form says', () => {
    // The fixture's premise: a geodesic between points 5 m apart on a parallel is that parallel.
    const zone = quadrangle(44.4, 44.405, 84.6, 84.61);
    expect(relative(ellipsoidalArea(zone), quadrangleArea(44.4, 44.405, 84.6, 84.61))).toBeLessThan(1e-7);
  });

  it('gives 调入 = the strip and 调出 = the deleted zone within 0.01 %', () => {
    const gained = result.units.reduce((s, u) => s + u.gainedM2, 0);
    const lost = result.units.reduce((s, u) => s + u.lostM2, 0);
    expect(EXPECTED.gainedM2).toBeGreaterThan(7000); // ≈ 10 m × 796 m
    expect(relative(gained, EXPECTED.gainedM2)).toBeLessThan(1e-4);
    expect(relative(lost, EXPECTED.lostM2)).toBeLessThan(1e-4);
  });

  it('names each change per zone, with the changed field', () => {
    const byZone = Object.fromEntries(result.zones.map((z) => [z.zoneId, z]));
    expect(byZone.z1).toMatchObject({ kind: 'geometry', fields: [], objectId: 'o1' });
    expect(byZone.z2).toMatchObject({ kind: 'removed', zoneType: 'construction_control_zone' });
    expect(byZone.z3).toMatchObject({ kind: 'attributes', fields: ['rules'] });
    expect(result.zones).toHaveLength(3);
    expect(result.objects).toEqual([]);
  });

  it('gives per-unit parts that are valid polygons, and totals per zone type', () => {
    const extended = result.units.find((u) => u.objectId === 'o1')!;
    expect(extended.lost).toBeNull();
    expect(validateGeometry(extended.gained!).errors).toEqual([]);
    expect(relative(extended.afterM2 - extended.beforeM2, EXPECTED.gainedM2)).toBeLessThan(1e-4);
    // Zone 3 kept its geometry: no unit, no overlay.
    expect(result.units.map((u) => u.objectId).sort()).toEqual(['o1', 'o2']);
    const ccz = result.totals.construction_control_zone!;
    expect(ccz).toMatchObject({ removed: 1, afterM2: 0, gainedM2: 0 });
    const range = result.totals.protection_range!;
    expect(range).toMatchObject({ changed: 2, added: 0, lostM2: 0 });
    expect(result.matchedShare).toBeCloseTo(2 / 3, 10);
  });
});

describe('gainedLost', () => {
  it('a zone split in two along a line gives no 调入 or 调出', () => {
    const whole = quadrangle(44.4, 44.402, 84.6, 84.602);
    const south = quadrangle(44.4, 44.401, 84.6, 84.602);
    const north = quadrangle(44.401, 44.402, 84.6, 84.602);
    const parts = gainedLost([whole], [south, north], options);
    expect(parts.gained).toBeNull();
    expect(parts.lost).toBeNull();
  });

  it('skips identical geometries in any order without an overlay', () => {
    const one = quadrangle(44.4, 44.401, 84.6, 84.601);
    const two = quadrangle(44.41, 44.411, 84.6, 84.601);
    expect(gainedLost([one, two], [two, one], options)).toMatchObject({ gainedM2: 0, lostM2: 0, slivers: 0 });
  });

  it('a zone moved north by 0.05 mm leaves only slivers (< 0.01 m²), which are counted, not reported', () => {
    const zone = quadrangle(44.4, 44.401, 84.6, 84.601);
    const moved = quadrangle(44.4000000005, 44.4010000005, 84.6, 84.601);
    const parts = gainedLost([zone], [moved], options);
    expect(parts.gained).toBeNull();
    expect(parts.lost).toBeNull();
    expect(parts.slivers).toBe(2);
  });

  it('an invalid input (a bow-tie from an old file) is repaired, not a failure', () => {
    const [x0, x1, y0, y1] = [84.6, 84.601, 44.4, 44.401];
    const bowTie = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [x0, y0],
          [x1, y1],
          [x1, y0],
          [x0, y1],
          [x0, y0],
        ] as [number, number][],
      ],
    };
    const square = quadrangle(y0, y1, x0, x1);
    const parts = gainedLost([bowTie], [square], options);
    // The repaired bow-tie keeps one or both triangles; either way the square gains land.
    expect(parts.gainedM2).toBeGreaterThan(0.25 * ellipsoidalArea(square));
    expect(parts.lost).toBeNull();
  });
});
