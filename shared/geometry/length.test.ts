import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Position } from '../domain/geometry';
import { CGCS2000_A, CGCS2000_F } from './ellipsoid';
import { geodesicDistance, geodesicLength, geodesicPerimeter } from './length';

/** Meridian arc length between two latitudes: ∫ M(φ) dφ with Simpson's rule (M = a(1−e²)/(1−e² sin²φ)^{3/2}). */
function meridianArc(lat0: number, lat1: number): number {
  const e2 = CGCS2000_F * (2 - CGCS2000_F);
  const m = (phi: number) => (CGCS2000_A * (1 - e2)) / (1 - e2 * Math.sin(phi) ** 2) ** 1.5;
  const [a, b] = [(lat0 * Math.PI) / 180, (lat1 * Math.PI) / 180];
  const n = 1000;
  const h = (b - a) / n;
  let sum = m(a) + m(b);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * m(a + i * h);
  return (sum * h) / 3;
}

describe('geodesic length', () => {
  it('measures along the equator as a·Δλ and along a meridian as the meridian arc', () => {
    expect(geodesicDistance([84, 0], [85, 0])).toBeCloseTo((CGCS2000_A * Math.PI) / 180, 6);
    const arc = meridianArc(44, 45);
    expect(Math.abs(geodesicDistance([84.5, 44], [84.5, 45]) - arc)).toBeLessThan(1e-6);
  });

  it('adds up the legs of a line and the rings of a zone', () => {
    const line: Position[] = [
      [84.5, 44],
      [84.5, 44.5],
      [84.5, 45],
    ];
    expect(geodesicLength(line)).toBeCloseTo(meridianArc(44, 45), 6);
    expect(geodesicLength([[84, 44]])).toBe(0);
    const ring: Position[] = [
      [84, 0],
      [85, 0],
      [85, 1],
      [84, 1],
      [84, 0],
    ];
    const perimeter = geodesicPerimeter({ type: 'Polygon', coordinates: [ring, ring] });
    expect(perimeter).toBeCloseTo(2 * geodesicLength(ring), 6);
  });

  it('agrees with GDAL/SpatiaLite ST_Length(geometry, 1) within 1 mm', () => {
    const line: Position[] = [
      [84.6771, 44.4266],
      [84.7, 44.43],
      [84.75, 44.5],
      [81.8371, 43.2137],
    ];
    const dir = mkdtempSync(join(tmpdir(), 'hzw-length-'));
    const file = join(dir, 'line.geojson');
    const feature = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: line } };
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
    const sql = 'SELECT ST_Length(SetSRID(geometry, 4490), 1) AS l FROM line';
    const out = execFileSync('ogrinfo', ['-ro', '-q', '-dialect', 'sqlite', '-sql', sql, file], {
      encoding: 'utf8',
    });
    rmSync(dir, { recursive: true, force: true });
    const reference = Number(/l \(Real\) = (.*)$/m.exec(out)?.[1]);
    expect(Math.abs(geodesicLength(line) - reference)).toBeLessThan(0.001);
  });
});
