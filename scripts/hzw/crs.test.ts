import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The command line decides coordinate systems as the app does (shared/crs/resolveCrs.ts): an old
 * datum is never relabelled, converting it needs --datum-shift, --gk-zone places plain eastings,
 * a zone prefix gives the zone, and a full .prj definition outside the bundled set works.
 */
const launcher = join(import.meta.dirname, '..', 'hzw.mjs');
const hzw = (...args: string[]) =>
  spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8', timeout: 120_000 });

const feature = (coordinates: number[][]) => ({
  type: 'Feature',
  properties: { name: '遗址', zone_type: 'protection_range' },
  geometry: { type: 'Polygon', coordinates: [coordinates] },
});

function square(lon: number, lat: number, d = 0.002): number[][] {
  return [
    [lon - d, lat - d],
    [lon + d, lat - d],
    [lon + d, lat + d],
    [lon - d, lat + d],
    [lon - d, lat - d],
  ];
}

let dir = '';
const write = (name: string, value: unknown) => writeFileSync(join(dir, name), JSON.stringify(value));
const ogr2ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { encoding: 'utf8' });
const firstPoint = (file: string) =>
  (
    JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      features: { geometry: { coordinates: number[][][] } }[];
    }
  ).features[0]!.geometry.coordinates[0]![0]!;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-crs-'));
  write('wuhan.geojson', { type: 'FeatureCollection', features: [feature(square(114.3, 30.6))] });
  // A Xian 1980 file as county archives hold it (GDAL reprojects only the projection, on the
  // Xian 1980 ellipsoid: the lon/lat are declared Xian 1980 from the start).
  ogr2ogr(
    '-f',
    'ESRI Shapefile',
    '-s_srs',
    'EPSG:4610',
    '-t_srs',
    'EPSG:2383',
    join(dir, 'xian.shp'),
    join(dir, 'wuhan.geojson'),
  );
  write('wusu.geojson', { type: 'FeatureCollection', features: [feature(square(84.677, 44.426))] });
  ogr2ogr(
    '-f',
    'ESRI Shapefile',
    '-s_srs',
    'EPSG:4490',
    '-t_srs',
    'EPSG:4537',
    join(dir, 'plain.shp'),
    join(dir, 'wusu.geojson'),
  );
  ogr2ogr(
    '-f',
    'DXF',
    '-s_srs',
    'EPSG:4490',
    '-t_srs',
    'EPSG:4516',
    join(dir, 'prefixed.dxf'),
    join(dir, 'wusu.geojson'),
  );
  // Not bundled, but the .prj GDAL writes defines them in full: SWEREF99 TM (EPSG:3006) and
  // Texas Central in US feet (EPSG:2277, Lambert conformal conic).
  write('stockholm.geojson', { type: 'FeatureCollection', features: [feature(square(18.07, 59.33))] });
  ogr2ogr(
    '-f',
    'ESRI Shapefile',
    '-s_srs',
    'EPSG:4326',
    '-t_srs',
    'EPSG:3006',
    join(dir, 'sweref.shp'),
    join(dir, 'stockholm.geojson'),
  );
  write('austin.geojson', { type: 'FeatureCollection', features: [feature(square(-97.74, 30.27))] });
  ogr2ogr(
    '-f',
    'ESRI Shapefile',
    '-s_srs',
    'EPSG:4326',
    '-t_srs',
    'EPSG:2277',
    join(dir, 'texas.shp'),
    join(dir, 'austin.geojson'),
  );
  expect(hzw('--help').status).toBe(0);
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hzw and coordinate systems', () => {
  it('keeps a Xian 1980 shapefile Xian 1980 (its own .prj) when the output keeps the system', () => {
    const run = hzw('convert', join(dir, 'xian.shp'), join(dir, 'xian-copy.shp'));
    expect(run.status, run.stderr).toBe(0);
    const srs = execFileSync('gdalsrsinfo', ['-e', join(dir, 'xian-copy.prj')], { encoding: 'utf8' });
    expect(srs).toMatch(/EPSG:2383/);
  });

  it('refuses to convert Xian 1980 to lon/lat without --datum-shift, and says how', () => {
    const run = hzw('convert', join(dir, 'xian.shp'), join(dir, 'never.geojson'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Xian 1980.*needs a datum transformation/);
    expect(run.stderr).toMatch(/--datum-shift/);
    expect(() => readFileSync(join(dir, 'never.geojson'))).toThrow();
  });

  it('--datum-shift none gives the ballpark lon/lat and warns; 7 parameters agree with cs2cs', () => {
    const none = hzw('convert', join(dir, 'xian.shp'), join(dir, 'none.geojson'), '--datum-shift', 'none');
    expect(none.status, none.stderr).toBe(0);
    expect(none.stderr).toMatch(/positions are off by about/);
    const [lon, lat] = firstPoint('none.geojson');
    expect(lon).toBeCloseTo(114.298, 6);
    expect(lat).toBeCloseTo(30.598, 6);
    const params = '24.2,-77.1,-38.6,-1.3,0.9,-2.1,-3.1';
    writeFileSync(join(dir, 'params.txt'), 'DX=24.2 DY=-77.1 DZ=-38.6\nRX=-1.3 RY=0.9 RZ=-2.1\nDS=-3.1\n');
    const seven = hzw(
      'convert',
      join(dir, 'xian.shp'),
      join(dir, 'seven.geojson'),
      '--datum-shift',
      `@${join(dir, 'params.txt')}`,
    );
    expect(seven.status, seven.stderr).toBe(0);
    const reference = execFileSync(
      'cs2cs',
      [
        '-f',
        '%.9f',
        '+proj=longlat',
        '+a=6378140',
        '+rf=298.257',
        `+towgs84=${params}`,
        '+to',
        '+proj=longlat',
        '+ellps=GRS80',
        '+towgs84=0,0,0',
      ],
      { input: '114.298 30.598', encoding: 'utf8' },
    )
      .trim()
      .split(/\s+/)
      .map(Number);
    const [sLon, sLat] = firstPoint('seven.geojson');
    expect(Math.abs(sLon! - reference[0]!) * 96_000).toBeLessThan(0.02); // metres at 30.6°N, 7 decimals
    expect(Math.abs(sLat! - reference[1]!) * 110_850).toBeLessThan(0.02);
  });

  it('--gk-zone places a shapefile with plain eastings and no .prj; without it the file is refused', () => {
    for (const ext of ['shp', 'shx', 'dbf'])
      writeFileSync(join(dir, `bare.${ext}`), readFileSync(join(dir, `plain.${ext}`)));
    const refused = hzw('convert', join(dir, 'bare.shp'), join(dir, 'bare.geojson'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/no zone prefix.*--gk-zone/);
    const placed = hzw('convert', join(dir, 'bare.shp'), join(dir, 'bare.geojson'), '--gk-zone', '28');
    expect(placed.status, placed.stderr).toBe(0);
    const [lon, lat] = firstPoint('bare.geojson');
    expect(lon).toBeCloseTo(84.675, 6);
    expect(lat).toBeCloseTo(44.424, 6);
  });

  it('takes the zone from prefixed DXF eastings and keeps it in the output', () => {
    const info = hzw('info', join(dir, 'prefixed.dxf'), '--json');
    expect(info.status, info.stderr).toBe(0);
    const [report] = JSON.parse(info.stdout) as { layers: { epsg: number; crsSource: string }[] }[];
    expect(report!.layers[0]).toMatchObject({ epsg: 4516, crsSource: 'magnitude' });
    const run = hzw('convert', join(dir, 'prefixed.dxf'), join(dir, 'from-dxf.shp'));
    expect(run.status, run.stderr).toBe(0);
    expect(execFileSync('gdalsrsinfo', ['-e', join(dir, 'from-dxf.prj')], { encoding: 'utf8' })).toMatch(
      /EPSG:4516/,
    );
  });

  it.each(['sweref', 'texas'])(
    'reads a full .prj outside the bundled systems (%s) to the same lon/lat as GDAL',
    (name) => {
      const run = hzw('convert', join(dir, `${name}.shp`), join(dir, `${name}-out.geojson`));
      expect(run.status, run.stderr).toBe(0);
      ogr2ogr(
        '-t_srs',
        'EPSG:4326',
        '-lco',
        'RFC7946=YES',
        join(dir, `${name}-gdal.geojson`),
        join(dir, `${name}.shp`),
      );
      const [a, b] = [firstPoint(`${name}-out.geojson`), firstPoint(`${name}-gdal.geojson`)];
      expect(Math.abs(a[0]! - b[0]!)).toBeLessThan(2e-7);
      expect(Math.abs(a[1]! - b[1]!)).toBeLessThan(2e-7);
    },
  );
});
