import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import type { Position } from '../domain/geometry';
import { cgcs2000 } from '../geometry/ellipsoid';
import { crsDefinition, gaussKrugerCrs } from './definitions';
import {
  addZonePrefix,
  fromGaussKruger,
  fromSurveyXY,
  gkEpsg,
  gkZoneOfLongitude,
  removeZonePrefix,
  toGaussKruger,
  toSurveyXY,
  zoneOfPrefixedEasting,
} from './gaussKruger';

const WUSU: Position = [84.6771, 44.4266];
const TEKES: Position = [81.8371, 43.2137];

/** GDAL's own transformation (easting first), as the independent reference. */
function gdaltransform(from: number, to: number, points: readonly number[][]): number[][] {
  const out = execFileSync(
    'gdaltransform',
    ['-s_srs', `EPSG:${from}`, '-t_srs', `EPSG:${to}`, '-output_xy'],
    {
      input: points.map((p) => p.join(' ')).join('\n') + '\n',
      encoding: 'utf8',
    },
  );
  return out
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
}

/**
 * Many CRS at once through GDAL's SQLite dialect: SpatiaLite's ST_Transform calls PROJ with each
 * point's own target EPSG code, so one process checks every zone.
 */
function spatialiteTransform(points: readonly { lon: number; lat: number; epsg: number }[]): number[][] {
  const dir = mkdtempSync(join(tmpdir(), 'hzw-gk-'));
  const file = join(dir, 'points.geojson');
  const features = points.map(({ lon, lat, epsg }, i) => ({
    type: 'Feature',
    properties: { i, epsg },
    geometry: { type: 'Point', coordinates: [lon, lat] },
  }));
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  const sql =
    'SELECT i, ST_X(t) AS x, ST_Y(t) AS y FROM ' +
    '(SELECT i, ST_Transform(SetSRID(geometry, 4490), epsg) AS t FROM points) ORDER BY i';
  const out = execFileSync('ogrinfo', ['-ro', '-q', '-dialect', 'sqlite', '-sql', sql, file], {
    encoding: 'utf8',
  });
  rmSync(dir, { recursive: true, force: true });
  const xs = [...out.matchAll(/^\s+x \(Real\) = (.*)$/gm)].map((m) => Number(m[1]));
  const ys = [...out.matchAll(/^\s+y \(Real\) = (.*)$/gm)].map((m) => Number(m[1]));
  return xs.map((x, i) => [x, ys[i]!]);
}

const metresBetween = (a: Position, b: Position) => cgcs2000.Inverse(a[1], a[0], b[1], b[0]).s12!;

describe('Gauss-Krüger zones', () => {
  it('puts Wusu in 3° zone 28 and Tekes in zone 27, with their EPSG codes', () => {
    expect(gkZoneOfLongitude(WUSU[0])).toBe(28);
    expect(gkZoneOfLongitude(TEKES[0])).toBe(27);
    expect(gkZoneOfLongitude(82.5)).toBe(28);
    expect(gkZoneOfLongitude(82.4999)).toBe(27);
    expect(gkZoneOfLongitude(WUSU[0], 6)).toBe(15);
    expect(gkZoneOfLongitude(84, 6)).toBe(15);
    expect(gkEpsg(28, { prefixed: true })).toBe(4516);
    expect(gkEpsg(28, { prefixed: false })).toBe(4537);
    expect(gkEpsg(27, { prefixed: true })).toBe(4515);
    expect(gkEpsg(27, { prefixed: false })).toBe(4536);
    expect(gkEpsg(15, { prefixed: true, width: 6 })).toBe(4493);
    expect(() => gkEpsg(24, { prefixed: true })).toThrow(RangeError);
    expect(() => gkEpsg(24, { prefixed: true, width: 6 })).toThrow(RangeError);
  });

  it('round-trips lon/lat → zone 28 → lon/lat within 1 mm at Wusu and at the zone edges', () => {
    const places: Position[] = [WUSU, [82.5, 44.0], [85.5, 36.0], [85.5, 49.2], [82.5, 53.5], [84, 18]];
    for (const position of places) {
      for (const prefixed of [true, false]) {
        const back = fromGaussKruger(toGaussKruger(position, 28, { prefixed }), 28, { prefixed });
        expect(metresBetween(position, back)).toBeLessThan(0.001);
      }
    }
  });

  it('round-trips anywhere within a zone and beyond its edge (property)', () => {
    const zone = fc.integer({ min: 25, max: 45 });
    fc.assert(
      fc.property(
        zone,
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 3, max: 54, noNaN: true }),
        (z, dLon, lat) => {
          const position: Position = [3 * z + dLon, lat];
          const back = fromGaussKruger(toGaussKruger(position, z, { prefixed: true }), z, { prefixed: true });
          return metresBetween(position, back) < 0.001;
        },
      ),
    );
  });

  it('carries the zone number in a prefixed easting; survey X is the northing', () => {
    const [e, n] = toGaussKruger(WUSU, 28, { prefixed: true });
    const [plainE, plainN] = toGaussKruger(WUSU, 28, { prefixed: false });
    expect(String(Math.floor(e)).slice(0, 2)).toBe('28');
    expect(String(Math.floor(e))).toHaveLength(8);
    expect(e - plainE).toBeCloseTo(28_000_000, 6);
    expect(n).toBe(plainN);
    const survey = toSurveyXY(WUSU, 28, { prefixed: true });
    expect(survey).toEqual({ x: n, y: e });
    expect(metresBetween(fromSurveyXY(survey, 28, { prefixed: true }), WUSU)).toBeLessThan(0.001);
  });

  it('guesses the zone from a prefixed easting and strips or adds the prefix', () => {
    const [e] = toGaussKruger(WUSU, 28, { prefixed: true });
    expect(zoneOfPrefixedEasting(e)).toEqual({ zone: 28, width: 3 });
    const [e6] = toGaussKruger(WUSU, 15, { prefixed: true, width: 6 });
    expect(zoneOfPrefixedEasting(e6)).toEqual({ zone: 15, width: 6 });
    expect(zoneOfPrefixedEasting(553_915)).toBeNull();
    expect(zoneOfPrefixedEasting(4_921_447)).toBeNull();
    expect(zoneOfPrefixedEasting(24_553_915)).toBeNull();
    expect(zoneOfPrefixedEasting(28_050_000)).toBeNull();
    expect(zoneOfPrefixedEasting(Number.NaN)).toBeNull();
    expect(removeZonePrefix(28_553_915.25)).toBeCloseTo(553_915.25, 6);
    expect(removeZonePrefix(553_915.25)).toBe(553_915.25);
    expect(addZonePrefix(553_915.25, 28)).toBeCloseTo(28_553_915.25, 6);
  });

  it('agrees with GDAL/PROJ within 1 mm for all 64 CGCS2000 GK codes, at the meridian and edges', () => {
    const points = Array.from({ length: 64 }, (_, i) => gaussKrugerCrs(4491 + i)!).flatMap((gk) => {
      const [cm, half] = [gk.centralMeridian, gk.width / 2];
      const places = [
        [cm, 40],
        [cm - half, 22.5],
        [cm + half, 49.75],
        [cm + half / 3, 31.1],
      ] as const;
      return places.map(([lon, lat]) => ({ lon, lat, epsg: gk.epsg }));
    });
    const reference = spatialiteTransform(points);
    expect(reference).toHaveLength(points.length);
    const gaps = points.map(({ lon, lat, epsg }, i) => {
      const [x, y] = proj4(crsDefinition(4490)!, crsDefinition(epsg)!).forward([lon, lat]);
      return Math.hypot(x! - reference[i]![0]!, y! - reference[i]![1]!);
    });
    expect(Math.max(...gaps)).toBeLessThan(0.001);
  });

  it('agrees with gdaltransform within 1 mm at Wusu and Tekes in their zones', () => {
    for (const [epsg, zone, prefixed] of [
      [4516, 28, true],
      [4537, 28, false],
      [4515, 27, true],
      [4536, 27, false],
    ] as const) {
      const reference = gdaltransform(4490, epsg, [WUSU, TEKES]);
      [WUSU, TEKES].forEach((place, i) => {
        const [e, n] = toGaussKruger(place, zone, { prefixed });
        const gap = Math.hypot(e - reference[i]![0]!, n - reference[i]![1]!);
        expect(gap, `EPSG:${epsg} at ${place.join(', ')}`).toBeLessThan(0.001);
      });
    }
  });

  it('agrees with gdaltransform in the inverse direction, and for UTM and web Mercator', () => {
    const checks: [number, number, number[][]][] = [
      [4516, 4490, [[28_553_917.01, 4_921_447.64]]],
      [4537, 4490, [[553_917.01, 4_921_447.64]]],
      [4495, 4490, [[17_634_512.3, 4_012_345.6]]],
      [4326, 32644, [WUSU]],
      [4326, 32750, [[117.2, -8.4]]],
      [4326, 3857, [WUSU]],
    ];
    for (const [from, to, input] of checks) {
      const [reference] = gdaltransform(from, to, input);
      const [x, y] = proj4(crsDefinition(from)!, crsDefinition(to)!).forward(input[0]!);
      const geographic = to === 4490;
      const gap = geographic
        ? metresBetween([x!, y!], [reference![0]!, reference![1]!])
        : Math.hypot(x! - reference![0]!, y! - reference![1]!);
      expect(gap, `EPSG:${from} → EPSG:${to}`).toBeLessThan(0.001);
    }
  });
});
