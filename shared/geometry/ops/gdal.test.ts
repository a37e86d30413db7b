import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gkEpsg } from '../../crs/gaussKruger';
import { deriveShapes } from '../../derive/deriveZones';
import { GK_ZONE, ORIGIN, gkArea, lonLatPolygon } from '../../derive/testHelpers';
import type { Planar } from '../jsts/convert';
import { clipZone, differenceZones, unionZones } from './overlay';

/**
 * Real-sized zones compared with GDAL/SpatiaLite (GEOS) in the same Gauss-Krüger projection: the
 * inputs are written as GeoJSON in EPSG:4527 (CGCS2000 3° zone 39, unprefixed) coordinates.
 */
const dir = mkdtempSync(join(tmpdir(), 'hzw-ops-gdal-'));
const epsg = gkEpsg(GK_ZONE, { prefixed: false });

// An irregular protection range (~180 × 140 m) and an overlapping neighbour, relative to ORIGIN.
const RANGE: Planar[] = [
  [0, 0],
  [120, -15],
  [182, 30],
  [170, 95],
  [110, 140],
  [40, 128],
  [-8, 70],
  [0, 0],
];
const OTHER: Planar[] = [
  [90, 40],
  [260, 20],
  [300, 160],
  [150, 210],
  [90, 40],
];

function gdalValue(sql: string): number {
  const features = [RANGE, OTHER].map((ring, i) => ({
    type: 'Feature',
    properties: { id: i },
    geometry: { type: 'Polygon', coordinates: [ring.map(([x, y]) => [ORIGIN[0] + x, ORIGIN[1] + y])] },
  }));
  const file = join(dir, 'zones.geojson');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${epsg}` } },
      features,
    }),
  );
  const out = execFileSync('ogrinfo', ['-q', '-dialect', 'sqlite', '-sql', sql, file], { encoding: 'utf8' });
  const match = /v \(Real\) = ([\d.eE+-]+)/.exec(out);
  if (!match) throw new Error(`no value from ogrinfo: ${out}`);
  return Number(match[1]);
}

const A = 'SELECT geometry FROM zones WHERE id = 0';
const B = 'SELECT geometry FROM zones WHERE id = 1';
const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('derivations and operations agree with GDAL (ST_Buffer, ST_Union, ST_Difference, ST_Intersection)', () => {
  const range = lonLatPolygon(RANGE);
  const other = lonLatPolygon(OTHER);

  it('uniform 30 m buffer of a real-sized range: area within 0.1 %', () => {
    const ours = gkArea(
      deriveShapes(
        {
          source: { kind: 'zone', zoneId: 'r', geometry: range },
          spec: { method: 'buffer', distanceM: 30, corner: 'round' },
        },
        { gkZone: GK_ZONE },
      )[0]!.geometry,
    );
    const theirs = gdalValue(`SELECT ST_Area(ST_Buffer((${A}), 30)) AS v`);
    expect(rel(ours, theirs)).toBeLessThan(0.001);
  });

  it('union, difference and intersection areas within 0.1 %', () => {
    const opts = { gkZone: GK_ZONE };
    expect(
      rel(
        gkArea(unionZones([range, other], opts)),
        gdalValue(`SELECT ST_Area(ST_Union((${A}), (${B}))) AS v`),
      ),
    ).toBeLessThan(0.001);
    expect(
      rel(
        gkArea(differenceZones(range, other, opts)),
        gdalValue(`SELECT ST_Area(ST_Difference((${A}), (${B}))) AS v`),
      ),
    ).toBeLessThan(0.001);
    expect(
      rel(
        gkArea(clipZone(range, other, opts)),
        gdalValue(`SELECT ST_Area(ST_Intersection((${A}), (${B}))) AS v`),
      ),
    ).toBeLessThan(0.001);
  });
});
