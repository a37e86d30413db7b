import { describe, expect, it } from 'vitest';
import { gkArea, gkPoints, lonLatPoint, lonLatPolygon, square, GK_ZONE } from '../../derive/testHelpers';
import { validateGeometry } from '../validatePolygon';
import { clipZone, differenceZones, unionZones } from './overlay';
import { removeSpikes, simplifyZone } from './simplify';
import { reshapeZone, splitZone } from './split';
import { OpError } from './opError';

const opts = { gkZone: GK_ZONE };
const valid = (g: Parameters<typeof validateGeometry>[0]) => expect(validateGeometry(g).errors).toEqual([]);

describe('split', () => {
  it('a line across a 100 m square gives two valid parts whose areas sum to the original', () => {
    const parts = splitZone(square(100), [lonLatPoint(30, -10), lonLatPoint(30, 110)], opts);
    expect(parts).toHaveLength(2);
    parts.forEach(valid);
    expect(gkArea(parts[0]!)).toBeCloseTo(7000, 1);
    expect(gkArea(parts[1]!)).toBeCloseTo(3000, 1);
    expect(gkArea(parts[0]!) + gkArea(parts[1]!)).toBeCloseTo(gkArea(square(100)), 2);
  });

  it('refuses a line that does not cross the zone completely', () => {
    expect(() => splitZone(square(100), [lonLatPoint(30, -10), lonLatPoint(30, 50)], opts)).toThrow(OpError);
  });
});

describe('union, difference, clip', () => {
  const a = square(100);
  const b = square(100, 50, 50);
  it('merges overlapping zones into one polygon, disjoint ones into a MultiPolygon', () => {
    const u = unionZones([a, b], opts);
    valid(u);
    expect(u.type).toBe('Polygon');
    expect(gkArea(u)).toBeCloseTo(17_500, 1);
    const m = unionZones([a, square(10, 300, 300)], opts);
    expect(m.type).toBe('MultiPolygon');
    expect(gkArea(m)).toBeCloseTo(10_100, 1);
  });
  it('cuts one zone out of another and clips to another', () => {
    const d = differenceZones(a, b, opts);
    valid(d);
    expect(gkArea(d)).toBeCloseTo(7_500, 1);
    const c = clipZone(a, b, opts);
    valid(c);
    expect(gkArea(c)).toBeCloseTo(2_500, 1);
    expect(() => clipZone(a, square(10, 500, 500), opts)).toThrow(/do not overlap/);
    expect(() => differenceZones(square(10, 60, 60), a, opts)).toThrow(/nothing is left/);
  });
});

describe('reshape', () => {
  it('a line cutting off a corner removes the smaller side', () => {
    const r = reshapeZone(square(100), [lonLatPoint(-10, 80), lonLatPoint(20, 110)], opts);
    valid(r);
    // The corner triangle above the line y = x + 90 (legs 10 m) is gone.
    expect(gkArea(r)).toBeCloseTo(10_000 - 50, 0);
  });
  it('a line bulging outside from the boundary and back adds the enclosed area', () => {
    const line = [lonLatPoint(20, 90), lonLatPoint(20, 120), lonLatPoint(60, 120), lonLatPoint(60, 90)];
    const r = reshapeZone(square(100), line, opts);
    valid(r);
    expect(gkArea(r)).toBeCloseTo(10_000 + 40 * 20, 0);
  });
});

describe('simplify and spikes', () => {
  it('simplify drops vertices within the tolerance and keeps the result valid', () => {
    const wobbly = lonLatPolygon([
      [0, 0],
      [25, 0.3],
      [50, -0.2],
      [75, 0.4],
      [100, 0],
      [100, 100],
      [50, 100.3],
      [0, 100],
      [0, 0],
    ]);
    const s = simplifyZone(wobbly, 1, opts);
    valid(s);
    expect(gkPoints(s)).toHaveLength(5);
    expect(() => simplifyZone(wobbly, 0, opts)).toThrow(OpError);
  });
  it('remove spikes removes exactly the spike vertex (angle < 10°)', () => {
    const spiky = lonLatPolygon([
      [0, 0],
      [100, 0],
      [100, 100],
      [60, 100],
      [50, 300],
      [40, 100],
      [0, 100],
      [0, 0],
    ]);
    const { geometry, removed } = removeSpikes(spiky, opts);
    valid(geometry);
    expect(removed).toBe(1);
    const pts = gkPoints(geometry).map(([x, y]) => [Math.round(x) + 0, Math.round(y) + 0]);
    expect(pts).toEqual([
      [0, 0],
      [100, 0],
      [100, 100],
      [60, 100],
      [40, 100],
      [0, 100],
      [0, 0],
    ]);
    expect(() => removeSpikes(square(100), opts)).toThrow(/no spikes/);
  });
});
