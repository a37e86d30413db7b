import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareStates } from './compare';
import { EXPECTED, FIXTURE_GK_ZONE, compareFixture } from './compareFixture';
import { writeChangeLayer, type ChangeLayerFormat } from './whlxLayer';

const settings = { name: '乌苏市文物保护区划', gkZone: FIXTURE_GK_ZONE, xzqdm: '654202', xzqmc: '乌苏市' };

async function written(format: ChangeLayerFormat) {
  const fixture = compareFixture();
  const a = { settings, ...fixture.a };
  const b = { settings, ...fixture.b };
  const out = await writeChangeLayer({
    result: compareStates(a, b, { gkZone: FIXTURE_GK_ZONE }),
    a,
    b,
    options: {
      format,
      // The shapefile in GK zone 28 without prefix: MJ is still the ellipsoidal area.
      epsg: format === 'shapefile' ? 4537 : 4490,
      baseName: '乌苏市-WHLX',
      geometryChange: 'parts',
      whbh: { mode: 'sequence', prefix: '2026' },
      zip: false,
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'hzw-whlx-'));
  for (const f of out.files) writeFileSync(join(dir, f.name), f.bytes);
  return {
    dir,
    path: join(dir, out.files[0]!.name),
    names: out.files.map((f) => f.name),
    warnings: out.warnings,
  };
}

/** `ogrinfo -ro -al` of a file, split into its summary and its features (field → text). */
function ogrinfo(path: string) {
  const text = execFileSync('ogrinfo', ['-ro', '-al', path], { encoding: 'utf8' });
  const [summary, ...blocks] = text.split(/^OGRFeature\([^)]*\):\d+$/m);
  const features = blocks.map((block) => {
    const row: Record<string, string> = {};
    for (const m of block.matchAll(/^ {2}(\w+) \(\w+\) = (.*)$/gm)) row[m[1]!] = m[2]!.trim();
    return row;
  });
  return { summary: summary!, features };
}

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / expected;

/** Field declarations as ogrinfo prints them, per format (GeoJSON has no widths; GPKG none for reals). */
const DECLARED: Record<ChangeLayerFormat, string[]> = {
  shapefile: [
    'WHLX: String (1.0)',
    'WHLY: String (254.0)',
    'WHBH: String (30.0)',
    'MJ: Real (18.2)',
    'BSM: String (18.0)',
  ],
  geopackage: [
    'WHLX: String (1.0)',
    'WHLY: String (254.0)',
    'WHBH: String (30.0)',
    'MJ: Real (0.0)',
    'BSM: String (18.0)',
  ],
  geojson: [
    'WHLX: String (0.0)',
    'WHLY: String (0.0)',
    'WHBH: String (0.0)',
    'MJ: Real (0.0)',
    'BSM: String (0.0)',
  ],
};

describe('the WHLX change layer read by GDAL', () => {
  it.each(['shapefile', 'geopackage', 'geojson'] as const)(
    '%s: documented fields, one feature per change, 调入 MJ = the strip within 0.01 percent',
    async (format) => {
      const { path, names } = await written(format);
      const { summary, features } = ogrinfo(path);
      expect(summary).toMatch(/^Layer name: LSWHBHXBG$/m);
      expect(summary).toMatch(/^Geometry: Polygon$/m);
      for (const field of DECLARED[format]) expect(summary).toContain(`\n${field}\n`);
      expect(features.map((f) => f.WHLX).sort()).toEqual(['1', '2', '3']);
      const byType = Object.fromEntries(features.map((f) => [f.WHLX, f]));
      expect(relative(Number(byType['1']!.MJ), EXPECTED.gainedM2)).toBeLessThan(1e-4);
      expect(relative(Number(byType['3']!.MJ), EXPECTED.lostM2)).toBeLessThan(1e-4);
      expect(byType['1']).toMatchObject({ WHLY: '边界调整（调入）', BHDXMC: '乌苏文庙', QHLX: '保护范围' });
      expect(byType['3']).toMatchObject({ WHLY: '删除建设控制地带', BHDXMC: '古城遗址' });
      expect(byType['2']).toMatchObject({ WHLY: '属性变更：管控要求', BHDXMC: '烽火台' });
      for (const f of features) {
        expect(f).toMatchObject({ XZQDM: '654202000000', XZQMC: '乌苏市', YSDM: '2090020227' });
        expect(f.WHBH).toMatch(/^2026\d{4}$/);
        expect(f.BSM).toMatch(/^6542020000\d{8}$/);
      }
      expect(new Set(features.map((f) => f.WHBH)).size).toBe(3);
      if (format === 'shapefile') {
        expect(names).toContain('LSWHBHXBG.cpg');
        expect(readFileSync(path.replace(/\.shp$/, '.cpg'), 'utf8')).toBe('GBK');
        // The .dbf holds GBK bytes: 调入 is not UTF-8 there.
        const dbf = readFileSync(path.replace(/\.shp$/, '.dbf'));
        expect(dbf.includes(Buffer.from('调入', 'utf8'))).toBe(false);
      }
    },
  );

  it('GDAL measures the 调入 feature as we do (ellipsoidal area of the GeoPackage geometry)', async () => {
    const { path } = await written('geopackage');
    const out = execFileSync(
      'ogrinfo',
      [
        '-ro',
        '-q',
        '-dialect',
        'sqlite',
        '-sql',
        "SELECT ST_Area(geom, 1) AS area FROM LSWHBHXBG WHERE WHLX = '1'",
        path,
      ],
      // SpatiaLite names the missing spatial_ref_sys on stderr and still measures on GRS80.
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const area = Number(/area \(Real\) = ([\d.]+)/.exec(out)![1]);
    expect(relative(area, EXPECTED.gainedM2)).toBeLessThan(1e-4);
  });
});
