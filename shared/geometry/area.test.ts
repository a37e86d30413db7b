import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolygonGeometry, Position, ZoneGeometry } from '../domain/geometry';
import fc from 'fast-check';
import { CGCS2000_A, CGCS2000_F, cgcs2000 } from './ellipsoid';
import { ellipsoidalArea, planarGaussKrugerArea, ringEllipsoidalArea, ringPlanarArea } from './area';
import { circlePolygon } from './circle';

/** A lat/lon cell with its parallels densified, so geodesic edges follow the parallels. */
function cell(lon0: number, lat0: number, size: number, steps = 2000): PolygonGeometry {
  const ring: Position[] = [];
  for (let i = 0; i <= steps; i++) ring.push([lon0 + (size * i) / steps, lat0]);
  for (let i = steps; i >= 0; i--) ring.push([lon0 + (size * i) / steps, lat0 + size]);
  ring.push([lon0, lat0]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** Closed form: area between two parallels and two meridians on the ellipsoid (authalic latitude). */
function cellArea(lat0: number, lat1: number, dLon: number): number {
  const e2 = CGCS2000_F * (2 - CGCS2000_F);
  const e = Math.sqrt(e2);
  const b2 = (CGCS2000_A * (1 - CGCS2000_F)) ** 2;
  const q = (phi: number) => {
    const s = Math.sin((phi * Math.PI) / 180);
    return s / (1 - e2 * s * s) + (1 / (2 * e)) * Math.log((1 + e * s) / (1 - e * s));
  };
  return (b2 * ((dLon * Math.PI) / 180) * (q(lat1) - q(lat0))) / 2;
}

/** GDAL/SpatiaLite's areas of the same shapes: geodesic on CGCS2000, and planar in EPSG:4537. */
function gdalAreas(shapes: ZoneGeometry[]): { ellipsoidal: number; planar: number }[] {
  const dir = mkdtempSync(join(tmpdir(), 'hzw-area-'));
  const file = join(dir, 'shapes.geojson');
  const features = shapes.map((geometry, i) => ({ type: 'Feature', properties: { i }, geometry }));
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  const sql =
    'SELECT i, ST_Area(SetSRID(geometry, 4490), 1) AS e, ' +
    'ST_Area(ST_Transform(SetSRID(geometry, 4490), 4537)) AS p FROM shapes ORDER BY i';
  const out = execFileSync('ogrinfo', ['-ro', '-q', '-dialect', 'sqlite', '-sql', sql, file], {
    encoding: 'utf8',
  });
  rmSync(dir, { recursive: true, force: true });
  const e = [...out.matchAll(/^\s+e \(Real\) = (.*)$/gm)].map((m) => Number(m[1]));
  const p = [...out.matchAll(/^\s+p \(Real\) = (.*)$/gm)].map((m) => Number(m[1]));
  return e.map((ellipsoidal, i) => ({ ellipsoidal, planar: p[i]! }));
}

const square = (x: number, y: number, d: number): Position[] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

describe('area', () => {
  it('matches the closed-form ellipsoidal area of a 1° cell within 1e-9', () => {
    const expected = cellArea(44, 45, 1);
    expect(Math.abs(ellipsoidalArea(cell(84, 44, 1)) - expected) / expected).toBeLessThan(1e-9);
    const south = cellArea(18, 19, 1);
    expect(Math.abs(ellipsoidalArea(cell(109, 18, 1)) - south) / south).toBeLessThan(1e-9);
  });

  it("agrees with Karney's PolygonArea on rings of short edges (the fast path) within round-off", () => {
    const karney = (ring: Position[]) => {
      const polygon = cgcs2000.Polygon(false);
      for (const [lon, lat] of ring.slice(0, -1)) polygon.AddPoint(lat, lon);
      return Math.abs(polygon.Compute(false, true).area!);
    };
    // Star-free rings of 4–300 vertices, 5 m to 40 km across, anywhere in China's latitudes.
    const ring = fc
      .record({
        lon: fc.double({ min: 73, max: 135, noNaN: true }),
        lat: fc.double({ min: 18, max: 54, noNaN: true }),
        radius: fc.double({ min: 5e-5, max: 0.4, noNaN: true }),
        count: fc.integer({ min: 4, max: 300 }),
        wobble: fc.double({ min: 0, max: 0.3, noNaN: true }),
      })
      .map(({ lon, lat, radius, count, wobble }) => {
        const points: Position[] = [];
        for (let k = 0; k < count; k++) {
          const a = (2 * Math.PI * k) / count;
          const r = radius * (1 - wobble * Math.sin(5 * a) ** 2);
          points.push([lon + r * Math.cos(a), lat + 0.72 * r * Math.sin(a)]);
        }
        return [...points, points[0]!];
      });
    fc.assert(
      fc.property(ring, (points) => {
        const expected = karney(points);
        const error = Math.abs(ringEllipsoidalArea(points) - expected);
        // PolygonArea's own round-off is ~1e-4 m² and grows with the vertex count (the same
        // 65 m² ring moved in longitude gives results 6e-5 m² apart); ours does not move with the
        // ring. Both bounds are far below MJ's 0.01 m².
        expect(error).toBeLessThan(Math.max(1e-9 * expected, 2e-4 + 1e-5 * points.length));
        const moved = points.map(([lon, lat]): Position => [lon - 10, lat]);
        const ours = ringEllipsoidalArea(points);
        expect(Math.abs(ringEllipsoidalArea(moved) - ours)).toBeLessThan(Math.max(1e-11 * ours, 1e-6));
      }),
      { numRuns: 400 },
    );
    // Edges of kilometres (an undensified township boundary) are left to PolygonArea.
    const coarse = square(84.6, 44.4, 0.03);
    expect(ringEllipsoidalArea(coarse)).toBe(karney(coarse));
  });

  it('ignores ring orientation, subtracts holes and adds the parts of a MultiPolygon', () => {
    const outer = cell(84, 44, 0.02, 50).coordinates[0]!;
    const hole = cell(84.005, 44.005, 0.005, 20).coordinates[0]!;
    const clockwise: PolygonGeometry = { type: 'Polygon', coordinates: [outer.slice().reverse()] };
    expect(ellipsoidalArea(clockwise)).toBeCloseTo(ellipsoidalArea(cell(84, 44, 0.02, 50)), 6);
    const withHole = ellipsoidalArea({ type: 'Polygon', coordinates: [outer, hole.slice().reverse()] });
    const expected = cellArea(44, 44.02, 0.02) - cellArea(44.005, 44.01, 0.005);
    expect(Math.abs(withHole - expected) / expected).toBeLessThan(1e-6);
    const multi = ellipsoidalArea({
      type: 'MultiPolygon',
      coordinates: [cell(84, 44, 0.01, 10).coordinates, cell(85, 44, 0.01, 10).coordinates],
    });
    expect(multi).toBeCloseTo(
      ellipsoidalArea(cell(84, 44, 0.01, 10)) + ellipsoidalArea(cell(85, 44, 0.01, 10)),
      4,
    );
  });

  it('agrees with GDAL/SpatiaLite within 0.01 %, ellipsoidal and planar Gauss-Krüger (EPSG:4537)', () => {
    const shapes: ZoneGeometry[] = [
      { type: 'Polygon', coordinates: [square(84.6, 44.4, 0.01)] },
      circlePolygon([84.6771, 44.4266], 250),
      cell(82.6, 43.2, 0.3, 10),
      { type: 'Polygon', coordinates: [square(84, 44, 0.1), square(84.02, 44.02, 0.03).reverse()] },
      { type: 'MultiPolygon', coordinates: [[square(85.2, 45, 0.01)], [square(85.3, 45, 0.02)]] },
    ];
    const reference = gdalAreas(shapes);
    expect(reference).toHaveLength(shapes.length);
    shapes.forEach((shape, i) => {
      const { ellipsoidal, planar } = reference[i]!;
      expect(Math.abs(ellipsoidalArea(shape) - ellipsoidal) / ellipsoidal, `shape ${i}`).toBeLessThan(1e-4);
      expect(Math.abs(planarGaussKrugerArea(shape, 28) - planar) / planar, `shape ${i}`).toBeLessThan(1e-4);
    });
  });

  it('planar Gauss-Krüger area exceeds the ellipsoidal one by the scale error k² − 1', () => {
    const rel = (g: PolygonGeometry) => planarGaussKrugerArea(g, 28) / ellipsoidalArea(g) - 1;
    expect(Math.abs(rel(circlePolygon([84.0, 44.4], 500)))).toBeLessThan(1e-6);
    // Point scale of transverse Mercator: k ≈ 1 + (Δλ cos φ)² / 2, so areas grow by ≈ (Δλ cos φ)².
    const dLambda = (1.45 * Math.PI) / 180;
    const expected = (dLambda * Math.cos((44.4 * Math.PI) / 180)) ** 2;
    expect(rel(circlePolygon([85.45, 44.4], 500)) / expected).toBeCloseTo(1, 1);
  });

  it('computes planar ring areas in either orientation', () => {
    expect(ringPlanarArea(square(500_000, 4_900_000, 100))).toBe(10_000);
    expect(ringPlanarArea(square(500_000, 4_900_000, 100).reverse())).toBe(10_000);
  });
});
