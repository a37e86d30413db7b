import { describe, expect, it } from 'vitest';
import { coarseArcs } from '../geometry/arcs';
import { DEFAULT_SAGITTA } from '../geometry/circle';
import { planarRings, polygonParts, toJsts } from '../geometry/jsts/convert';
import { gkProjection } from '../geometry/jsts/projection';
import { validateGeometry } from '../geometry/validatePolygon';
import { deriveShapes, deriveZones } from './deriveZones';
import { DeriveError } from './deriveError';
import { GK_ZONE, gkArea, gkExtent, gkPoints, lonLatPoint, lonLatPolygon, square } from './testHelpers';
import type { DeriveRequest } from './types';

const opts = { gkZone: GK_ZONE };
const zone = (geometry = square(100)) => ({ kind: 'zone' as const, zoneId: 'src', geometry });
const one = (request: DeriveRequest) => {
  const shapes = deriveShapes(request, opts);
  for (const s of shapes) expect(validateGeometry(s.geometry).errors).toEqual([]);
  return shapes[0]!;
};
const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('uniform offset (range = body + d)', () => {
  it('round corners: a 100 m square + 30 m has area 100² + 4·100·30 + π·30² within 0.1 %', () => {
    const s = one({ source: zone(), spec: { method: 'buffer', distanceM: 30, corner: 'round' } });
    expect(rel(gkArea(s.geometry), 100 ** 2 + 4 * 100 * 30 + Math.PI * 900)).toBeLessThan(0.001);
    expect(s.draft.zh).toBe('以本体外轮廓为基线，向外扩30米');
  });

  it('large distances get enough chords that the checker finds no undensified arc (30 m … 50 km)', () => {
    for (const distanceM of [30, 500, 2000, 5000, 20_000, 50_000]) {
      const s = one({ source: zone(), spec: { method: 'buffer', distanceM, corner: 'round' } });
      const rings = polygonParts(toJsts(s.geometry, gkProjection(GK_ZONE).project)).flatMap(planarRings);
      expect(rings.flatMap((r) => coarseArcs(r, DEFAULT_SAGITTA * 1.01))).toEqual([]);
      // The same corners with the old fixed 16 chords a quarter would stray 500·(1 − cos(π/64)) = 0.6 m.
      expect(rel(gkArea(s.geometry), 100 ** 2 + 4 * 100 * distanceM + Math.PI * distanceM ** 2)).toBeLessThan(
        0.001,
      );
    }
  });

  it('mitred corners: a 100 m square + 30 m is the 160 m square', () => {
    const s = one({ source: zone(), spec: { method: 'buffer', distanceM: 30, corner: 'mitre' } });
    expect(gkArea(s.geometry)).toBeCloseTo(160 ** 2, 0);
    const [x0, y0, x1, y1] = gkExtent(s.geometry);
    for (const [v, want] of [
      [x0, -30],
      [y0, -30],
      [x1, 130],
      [y1, 130],
    ] as const)
      expect(Math.abs(v - want)).toBeLessThan(0.01);
  });
});

describe('per-side offsets (east 4.26, south 0.26, west 3.85, north 3)', () => {
  const sides = { e: 4.26, s: 0.26, w: 3.85, n: 3 };
  it('grow a rectangle footprint by each side’s distance within 1 cm', () => {
    const s = one({
      source: zone(
        lonLatPolygon([
          [0, 0],
          [40, 0],
          [40, 25],
          [0, 25],
          [0, 0],
        ]),
      ),
      spec: { method: 'sides', sides },
    });
    const [x0, y0, x1, y1] = gkExtent(s.geometry);
    expect(Math.abs(x1 - (40 + 4.26))).toBeLessThan(0.01);
    expect(Math.abs(y0 - -0.26)).toBeLessThan(0.01);
    expect(Math.abs(x0 - -3.85)).toBeLessThan(0.01);
    expect(Math.abs(y1 - (25 + 3))).toBeLessThan(0.01);
    expect(rel(gkArea(s.geometry), (40 + 4.26 + 3.85) * (25 + 0.26 + 3))).toBeLessThan(1e-6);
    expect(s.draft.zh).toBe(
      '东至本体东边界外扩4.26米，南至本体南边界外扩0.26米，西至本体西边界外扩3.85米，北至本体北边界外扩3米',
    );
  });

  it('move every side’s extreme of an L-shaped footprint outward by that side’s distance', () => {
    const l = lonLatPolygon([
      [0, 0],
      [60, 0],
      [60, 20],
      [20, 20],
      [20, 50],
      [0, 50],
      [0, 0],
    ]);
    const s = one({ source: zone(l), spec: { method: 'sides', sides } });
    const [x0, y0, x1, y1] = gkExtent(s.geometry);
    expect([x0, y0, x1, y1].map((v) => Math.round(v * 100) / 100)).toEqual([-3.85, -0.26, 64.26, 53]);
    // The inner corner (20, 20) is offset too: the point 4.26 m east of the inner wall is inside.
    const pts = gkPoints(s.geometry);
    expect(pts.some(([x, y]) => Math.abs(x - 24.26) < 0.01 && y > 20 && y < 50)).toBe(true);
  });

  it('8 directions: a north-east distance pushes the NE corner out by that distance', () => {
    const s = one({
      source: zone(),
      spec: { method: 'sides', sides: { n: 10, e: 10, s: 10, w: 10, ne: 20 } },
    });
    const ne = Math.max(...gkPoints(s.geometry).map(([x, y]) => (x + y) * Math.SQRT1_2));
    expect(Math.abs(ne - (100 * Math.SQRT2 + 20))).toBeLessThan(0.01);
    const sw = Math.min(...gkPoints(s.geometry).map(([x, y]) => (x + y) * Math.SQRT1_2));
    expect(Math.abs(sw - -10 * Math.SQRT2)).toBeLessThan(0.01); // the rectangle corner (−10, −10)
  });
});

describe('point sources', () => {
  it('base point: east 250, south 200, west and north 300 give a 550 × 500 m rectangle', () => {
    const s = one({
      source: { kind: 'point', position: lonLatPoint(0, 0) },
      spec: { method: 'base_point', sides: { e: 250, s: 200, w: 300, n: 300 } },
    });
    const [x0, y0, x1, y1] = gkExtent(s.geometry);
    expect([x0, y0, x1, y1].map((v) => Math.round(v * 1000) / 1000)).toEqual([-300, -200, 250, 300]);
    expect(gkArea(s.geometry)).toBeCloseTo(550 * 500, 1);
  });

  it('radius 10 m: area π·10² within 0.1 %, every vertex 10 m from the centre', () => {
    const s = one({
      source: { kind: 'point', position: lonLatPoint(5, 5) },
      spec: { method: 'radius', radiusM: 10 },
    });
    expect(rel(gkArea(s.geometry), Math.PI * 100)).toBeLessThan(0.001);
    for (const [x, y] of gkPoints(s.geometry))
      expect(Math.abs(Math.hypot(x - 5, y - 5) - 10)).toBeLessThan(1e-3);
    expect(s.draft.zh).toBe('以基点为圆心，半径10米范围内');
  });
});

describe('both sides of a line (50 m each side of the wall base; CCZ a further 500 m)', () => {
  it('a straight 400 m line gives a 100 m wide corridor with flat ends', () => {
    const line = [lonLatPoint(0, 0), lonLatPoint(400, 0)];
    const s = one({
      source: { kind: 'line', positions: line },
      spec: { method: 'corridor', halfWidthM: 50 },
    });
    expect(rel(gkArea(s.geometry), 400 * 100)).toBeLessThan(1e-6);
    const [x0, y0, x1, y1] = gkExtent(s.geometry);
    [x0, y0, x1, y1].forEach((v, i) => expect(Math.abs(v - [0, -50, 400, 50][i]!)).toBeLessThan(0.01));
    // CCZ: a further 500 m each side of the corridor, as a uniform offset.
    const ccz = one({
      source: zone(s.geometry),
      spec: { method: 'buffer', distanceM: 500, corner: 'round' },
    });
    const e = gkExtent(ccz.geometry);
    expect(Math.round(e[3] - e[1])).toBe(1100);
  });
});

describe('graded rings (range + 30 m = class II; a further 15 m = class III)', () => {
  it('gives one envelope per ring with its class, each at the cumulative distance', () => {
    const shapes = deriveShapes(
      {
        source: zone(),
        spec: {
          method: 'rings',
          corner: 'round',
          rings: [
            { cczClass: 2, distanceM: 30 },
            { cczClass: 3, distanceM: 15 },
          ],
        },
      },
      opts,
    );
    expect(shapes.map((s) => s.cczClass)).toEqual([2, 3]);
    const want = (d: number) => 100 ** 2 + 4 * 100 * d + Math.PI * d * d;
    expect(rel(gkArea(shapes[0]!.geometry), want(30))).toBeLessThan(0.001);
    expect(rel(gkArea(shapes[1]!.geometry), want(45))).toBeLessThan(0.001);
    expect(Math.round(gkExtent(shapes[1]!.geometry)[2])).toBe(145);
    expect(shapes[1]!.draft.zh).toBe('三类建设控制地带：以上一级地带外边界为基线，向外扩15米');
  });
});

describe('same as range', () => {
  it('copies the range geometry and sets sameAsRange', () => {
    const g = square(80);
    const s = one({ source: zone(g), spec: { method: 'same_as_range' } });
    expect(s.geometry).toEqual(g);
    expect(s.sameAsRange).toBe(true);
  });
});

describe('bad input', () => {
  it('names the request and the parameter', () => {
    const bad = {
      source: zone(),
      spec: { method: 'buffer' as const, distanceM: -5, corner: 'round' as const },
    };
    expect(() => deriveZones([bad], opts)).toThrow(DeriveError);
    expect(() => deriveZones([bad], opts)).toThrow(/request #0 distanceM/);
    expect(() =>
      deriveZones([{ source: { kind: 'point', position: lonLatPoint(0, 0) }, spec: bad.spec }], opts),
    ).toThrow(/source/);
  });
});
