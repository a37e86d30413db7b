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
    expect(run.stderr).toContain('Not GeoJSON: the root is no FeatureCollection, Feature or geometry');
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

describe('hzw --mapping', () => {
  // A county table with Chinese field names and zone-type values, as a GBK shapefile in EPSG:4516.
  const ring = (lon: number) => [
    [
      [lon, 44.42],
      [lon + 0.002, 44.42],
      [lon + 0.002, 44.422],
      [lon, 44.422],
      [lon, 44.42],
    ],
  ];
  const rows = [
    ['乌苏文庙', '保护范围', '省保', '东至新华路', '不得新建'],
    ['乌苏文庙', '建控地带', '省保', '外扩五十米', '限高十二米'],
    ['车排子烽燧', '一类建控', '县级', '外扩一百米', '不得建设'],
    ['车排子烽燧', '外围控制带', '县级', '外扩三百米', '风貌协调'],
  ];
  const preset = {
    format: 'hzw-import-mapping',
    version: 1,
    name: '乌苏文物局区划表',
    fields: { rules: '说明' },
    values: { zone_type: { 外围控制带: 'environment_coordination_zone' } },
  };
  let tables = '';
  beforeAll(() => {
    tables = mkdtempSync(join(tmpdir(), 'hzw-mapping-'));
    const source = {
      type: 'FeatureCollection',
      features: rows.map(([名称, 类型, 级别, 四至, 说明], i) => ({
        type: 'Feature',
        properties: { 名称, 类型, 级别, 四至, 说明 },
        geometry: { type: 'Polygon', coordinates: ring(84.6 + i * 0.01) },
      })),
    };
    writeFileSync(join(tables, 'src.geojson'), JSON.stringify(source));
    execFileSync('ogr2ogr', [
      ...['-f', 'ESRI Shapefile', '-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4516', '-lco', 'ENCODING=GBK'],
      join(tables, 'table.shp'),
      join(tables, 'src.geojson'),
    ]);
    writeFileSync(join(tables, 'preset.json'), JSON.stringify(preset));
  });

  it('without a mapping refuses the feature whose zone type it cannot tell, naming the value', () => {
    const run = hzw('convert', join(tables, 'table.shp'), join(tables, 'never.hzw'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('#3 类型: value "外围控制带" of field 类型 does not map to any zone type');
    expect(() => readFileSync(join(tables, 'never.hzw'))).toThrow();
  });

  it('converts to a project file GDAL reads with the zone types, classes and mapped fields', () => {
    const run = hzw(
      'convert',
      join(tables, 'table.shp'),
      join(tables, 'out.hzw'),
      '--mapping',
      join(tables, 'preset.json'),
    );
    expect(run.stderr).not.toMatch(/refused/);
    expect(run.status).toBe(0);
    const sql = 'SELECT object_name, zone_type, ccz_class, boundary_text, rules FROM zones ORDER BY rules';
    const out = execFileSync('ogrinfo', ['-ro', '-q', '-sql', sql, join(tables, 'out.hzw')], {
      encoding: 'utf8',
    });
    const features = out
      .split(/OGRFeature\(/)
      .slice(1)
      .map((block) => {
        const row: Record<string, string> = {};
        for (const m of block.matchAll(/^ {2}(\w+) \(\w+\) = (.*)$/gm)) row[m[1]!] = m[2]!.trim();
        return row;
      });
    const byRules = Object.fromEntries(features.map((f) => [f.rules, f]));
    expect(byRules['不得新建']).toMatchObject({ object_name: '乌苏文庙', zone_type: 'protection_range' });
    expect(byRules['限高十二米']).toMatchObject({
      zone_type: 'construction_control_zone',
      boundary_text: '外扩五十米',
    });
    expect(byRules['不得建设']).toMatchObject({ zone_type: 'construction_control_zone', ccz_class: '1' });
    expect(byRules['风貌协调']).toMatchObject({ zone_type: 'environment_coordination_zone' });
    expect(features).toHaveLength(4);
  });

  it('converts to GeoJSON through the heritage schema', () => {
    const target = join(tables, 'out.geojson');
    const run = hzw('convert', join(tables, 'table.shp'), target, '--mapping', join(tables, 'preset.json'));
    expect(run.status).toBe(0);
    const { features } = JSON.parse(readFileSync(target, 'utf8')) as { features: Feature[] };
    expect(
      features.map((f) => [f.properties.zone_type, f.properties.ccz_class, f.properties.protection_level]),
    ).toEqual([
      ['protection_range', null, 'provincial'],
      ['construction_control_zone', null, 'provincial'],
      ['construction_control_zone', 1, 'county'],
      ['environment_coordination_zone', null, 'county'],
    ]);
  });

  it('info shows each field, each value with its count and code, and the result', () => {
    const run = hzw('info', join(tables, 'table.shp'), '--mapping', join(tables, 'preset.json'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('rules ← 说明 (user)');
    expect(run.stdout).toContain('object_name ← 名称 (auto)');
    expect(run.stdout).toContain('一类建控 (1) → construction_control_zone:1 建设控制地带 1类');
    expect(run.stdout).toContain('外围控制带 (1) → environment_coordination_zone 环境协调区 (chosen)');
    expect(run.stdout).toContain('Zones:    4 accepted, 0 refused');
  });

  it('refuses a preset with an unknown key, naming it, and writes nothing', () => {
    writeFileSync(join(tables, 'bad.json'), JSON.stringify({ ...preset, fields: { zone_kind: '类型' } }));
    const run = hzw(
      'convert',
      join(tables, 'table.shp'),
      join(tables, 'bad.hzw'),
      '--mapping',
      join(tables, 'bad.json'),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('fields.zone_kind: unknown schema field "zone_kind"');
    expect(() => readFileSync(join(tables, 'bad.hzw'))).toThrow();
  });
});
