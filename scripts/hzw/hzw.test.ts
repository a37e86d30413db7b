import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const launcher = join(import.meta.dirname, '..', 'hzw.mjs');
const hzw = (...args: string[]) =>
  spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8', timeout: 120_000 });

interface Feature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: number[][][] };
}

// Two zones of 乌苏文庙 with Chinese attributes, one with a hole, written by GDAL as a GBK
// shapefile in CGCS2000 / 3-degree Gauss-Kruger zone 28 (EPSG:4516).
const SOURCE = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: '乌苏文庙', kind: '保护范围', note: '北至解放路', height: 12.5 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [84.677, 44.426],
            [84.679, 44.426],
            [84.679, 44.428],
            [84.677, 44.428],
            [84.677, 44.426],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { name: '乌苏文庙', kind: '建设控制地带', note: '四至：东至新华路', height: 18 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [84.675, 44.424],
            [84.675, 44.43],
            [84.681, 44.43],
            [84.681, 44.424],
            [84.675, 44.424],
          ],
          [
            [84.6772, 44.4262],
            [84.6788, 44.4262],
            [84.6788, 44.4278],
            [84.6772, 44.4278],
            [84.6772, 44.4262],
          ],
        ],
      },
    },
  ],
};

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-cli-'));
  writeFileSync(join(dir, 'src.geojson'), JSON.stringify(SOURCE));
  execFileSync('ogr2ogr', [
    '-f',
    'ESRI Shapefile',
    '-s_srs',
    'EPSG:4490',
    '-t_srs',
    'EPSG:4516',
    '-lco',
    'ENCODING=GBK',
    join(dir, 'zones.shp'),
    join(dir, 'src.geojson'),
  ]);
  execFileSync('ogr2ogr', [
    '-t_srs',
    'EPSG:4326',
    '-lco',
    'RFC7946=YES',
    join(dir, 'gdal.geojson'),
    join(dir, 'zones.shp'),
  ]);
  // Builds out/cli when stale, so the timed tests below only run it.
  expect(hzw('--help').status).toBe(0);
}, 180_000);

describe('hzw convert', () => {
  it('turns a GBK shapefile in EPSG:4516 into the same RFC 7946 GeoJSON as ogr2ogr', () => {
    const run = hzw('convert', join(dir, 'zones.shp'), join(dir, 'ours.geojson'));
    expect(run.stderr).not.toMatch(/refused/);
    expect(run.status).toBe(0);
    const ours = JSON.parse(readFileSync(join(dir, 'ours.geojson'), 'utf8')) as {
      crs?: unknown;
      features: Feature[];
    };
    const gdal = JSON.parse(readFileSync(join(dir, 'gdal.geojson'), 'utf8')) as { features: Feature[] };
    expect(ours.crs).toBeUndefined();
    expect(ours.features).toHaveLength(gdal.features.length);
    ours.features.forEach((feature, i) => {
      const reference = gdal.features[i]!;
      expect(feature.properties).toEqual(reference.properties);
      expect(feature.properties.name).toBe('乌苏文庙');
      expect(feature.geometry.type).toBe(reference.geometry.type);
      const a = feature.geometry.coordinates.flat();
      const b = reference.geometry.coordinates.flat();
      expect(a).toHaveLength(b.length);
      a.forEach((p, k) => {
        expect(Math.abs(p[0]! - b[k]![0]!)).toBeLessThan(1e-7);
        expect(Math.abs(p[1]! - b[k]![1]!)).toBeLessThan(1e-7);
      });
    });
  });

  it('refuses an input it cannot read, exits 1 and says why', () => {
    writeFileSync(join(dir, 'broken.geojson'), '{"type":"Topology","objects":{}}');
    const run = hzw('convert', join(dir, 'broken.geojson'), join(dir, 'never.geojson'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Not a GeoJSON FeatureCollection');
    expect(() => readFileSync(join(dir, 'never.geojson'))).toThrow();
  });

  it('exits 2 on a usage error', () => {
    expect(hzw('convert', 'only-one-argument').status).toBe(2);
    expect(hzw('convert', join(dir, 'zones.shp'), join(dir, 'x.unknown')).status).toBe(2);
  });
});

describe('hzw info', () => {
  it('reports format, CRS, encoding, counts and fields of the shapefile', () => {
    const run = hzw('info', join(dir, 'zones.shp'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('shapefile');
    expect(run.stdout).toContain('EPSG:4516');
    expect(run.stdout).toMatch(/Encoding: gbk/);
    expect(run.stdout).toMatch(/Features: 2 \(Polygon 2\)/);
    expect(run.stdout).toMatch(/name:string, kind:string, note:string, height:real/);
  });
});
