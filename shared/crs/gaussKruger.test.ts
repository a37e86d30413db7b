import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { crsDefinition, gaussKrugerCrs } from './definitions';
import {
  fromGaussKruger,
  gkEpsg,
  gkZoneOfLongitude,
  toGaussKruger,
  toSurveyXY,
  zoneOfPrefixedEasting,
} from './gaussKruger';
import proj4 from 'proj4';

const WUSU: [number, number] = [84.6771, 44.4266];

/** GDAL's own transformation, as the independent reference. */
function gdal(from: string, to: string, points: number[][]): number[][] {
  const out = execFileSync('gdaltransform', ['-s_srs', from, '-t_srs', to, '-output_xy'], {
    input: points.map((p) => p.join(' ')).join('\n') + '\n',
    encoding: 'utf8',
  });
  return out
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
}

describe('Gauss-Krüger zones', () => {
  it('puts Wusu in 3° zone 28 and Tekes in zone 27', () => {
    expect(gkZoneOfLongitude(WUSU[0])).toBe(28);
    expect(gkZoneOfLongitude(81.8371)).toBe(27);
    expect(gkEpsg(28, { prefixed: true })).toBe(4516);
    expect(gkEpsg(28, { prefixed: false })).toBe(4537);
  });

  it('round-trips lon/lat ↔ zone 28 within 1 mm, at Wusu and at the zone edges', () => {
    for (const position of [WUSU, [82.5, 44.0], [85.5, 36.0], [84.0, 53.0]] as [number, number][]) {
      for (const prefixed of [true, false]) {
        const projected = toGaussKruger(position, 28, { prefixed });
        const back = toGaussKruger(fromGaussKruger(projected, 28, { prefixed }), 28, { prefixed });
        expect(Math.hypot(back[0] - projected[0], back[1] - projected[1])).toBeLessThan(0.001);
      }
    }
  });

  it('carries the zone number in a prefixed easting; survey X is the northing', () => {
    const [e, n] = toGaussKruger(WUSU, 28, { prefixed: true });
    expect(String(Math.floor(e)).slice(0, 2)).toBe('28');
    expect(zoneOfPrefixedEasting(e)).toBe(28);
    expect(zoneOfPrefixedEasting(553_915)).toBeNull();
    expect(toSurveyXY(WUSU, 28, { prefixed: true })).toEqual({ x: n, y: e });
    expect(n).toBeGreaterThan(4_900_000);
  });

  it('agrees with GDAL within 1 mm for zones 25, 28, 45 with and without prefix, and 6° zones', () => {
    const cases: [number, number[]][] = [
      [4513, [75.2, 39.5]],
      [4516, WUSU],
      [4533, [134.9, 47.0]],
      [4537, WUSU],
      [4536, [81.8371, 43.2137]],
      [4554, [135.4, 48.4]],
      [4495, WUSU],
      [4506, WUSU],
    ];
    for (const [epsg, lonlat] of cases) {
      const [reference] = gdal('EPSG:4490', `EPSG:${epsg}`, [lonlat]);
      const ours = proj4(crsDefinition(4490)!, crsDefinition(epsg)!).forward(lonlat);
      expect(Math.hypot(ours[0]! - reference![0]!, ours[1]! - reference![1]!), `EPSG:${epsg}`).toBeLessThan(
        0.001,
      );
    }
  });

  it('describes every CGCS2000 GK code 4491–4554 consistently with its name', () => {
    expect(gaussKrugerCrs(4491)).toMatchObject({ zone: 13, width: 6, centralMeridian: 75, prefixed: true });
    expect(gaussKrugerCrs(4512)).toMatchObject({ zone: 23, width: 6, centralMeridian: 135, prefixed: false });
    expect(gaussKrugerCrs(4534)).toMatchObject({ zone: 25, width: 3, centralMeridian: 75, prefixed: false });
    for (let code = 4491; code <= 4554; code++) expect(crsDefinition(code)).toContain('+proj=tmerc');
  });
});
