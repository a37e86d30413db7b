import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolygonGeometry, Position } from '../domain/geometry';
import { CGCS2000_A, CGCS2000_F } from './ellipsoid';
import { ellipsoidalArea, planarGaussKrugerArea } from './area';
import { circlePolygon } from './circle';

/** A lat/lon cell with its parallels densified, so geodesic edges follow the parallels. */
function cell(lon0: number, lat0: number, size: number, steps = 2000): PolygonGeometry {
  const ring: Position[] = [];
  for (let i = 0; i <= steps; i++) ring.push([lon0 + (size * i) / steps, lat0]);
  for (let i = steps; i >= 0; i--) ring.push([lon0 + (size * i) / steps, lat0 + size]);
  ring.push([lon0, lat0]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** Closed form: area between two parallels and two meridians on the ellipsoid (authalic formula). */
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

describe('ellipsoidal area', () => {
  it('matches the closed-form area of a 1° cell at Wusu within 1e-6', () => {
    const expected = cellArea(44, 45, 1);
    expect(Math.abs(ellipsoidalArea(cell(84, 44, 1)) - expected) / expected).toBeLessThan(1e-6);
  });

  it('subtracts holes and adds the parts of a multipolygon', () => {
    const outer = cell(84, 44, 0.02, 50).coordinates[0]!;
    const hole = cell(84.005, 44.005, 0.005, 20).coordinates[0]!.slice().reverse();
    const withHole = ellipsoidalArea({ type: 'Polygon', coordinates: [outer, hole] });
    expect(withHole).toBeCloseTo(
      ellipsoidalArea(cell(84, 44, 0.02, 50)) - ellipsoidalArea(cell(84.005, 44.005, 0.005, 20)),
      3,
    );
    const multi = ellipsoidalArea({
      type: 'MultiPolygon',
      coordinates: [cell(84, 44, 0.01, 10).coordinates, cell(85, 44, 0.01, 10).coordinates],
    });
    expect(multi).toBeCloseTo(
      ellipsoidalArea(cell(84, 44, 0.01, 10)) + ellipsoidalArea(cell(85, 44, 0.01, 10)),
      3,
    );
  });

  it('agrees with GDAL/SpatiaLite ST_Area(geometry, 1) within 0.01 %', () => {
    const shapes: PolygonGeometry[] = [
      cell(84.6, 44.4, 0.01, 4),
      circlePolygon([84.6771, 44.4266], 250),
      cell(81.8, 43.2, 0.3, 10),
    ];
    const dir = mkdtempSync(join(tmpdir(), 'hzw-area-'));
    const file = join(dir, 'shapes.geojson');
    const features = shapes.map((geometry, i) => ({ type: 'Feature', properties: { i }, geometry }));
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    const out = execFileSync(
      'ogrinfo',
      ['-ro', '-q', '-dialect', 'sqlite', '-sql', 'SELECT i, ST_Area(geometry, 1) AS a FROM shapes', file],
      { encoding: 'utf8' },
    );
    const areas = [...out.matchAll(/a \(Real\) = ([\d.e+]+)/g)].map((m) => Number(m[1]));
    expect(areas).toHaveLength(shapes.length);
    shapes.forEach((shape, i) =>
      expect(Math.abs(ellipsoidalArea(shape) - areas[i]!) / areas[i]!).toBeLessThan(1e-4),
    );
  });

  it('planar Gauss-Krüger area is within the projection scale error of the ellipsoidal area', () => {
    const nearMeridian = circlePolygon([84.0, 44.4], 500);
    const nearEdge = circlePolygon([85.45, 44.4], 500);
    const rel = (g: PolygonGeometry) =>
      Math.abs(planarGaussKrugerArea(g, 28) - ellipsoidalArea(g)) / ellipsoidalArea(g);
    expect(rel(nearMeridian)).toBeLessThan(1e-5);
    // Scale k ≈ 1 + (Δλ cos φ)² / 2 at 1.45° from the meridian: area grows by about k² − 1 ≈ 0.04 %.
    expect(rel(nearEdge)).toBeGreaterThan(2e-4);
    expect(rel(nearEdge)).toBeLessThan(6e-4);
  });
});
