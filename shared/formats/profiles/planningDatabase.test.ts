import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZONE_TYPES } from '../../domain/taxonomy';
import { ellipsoidalArea } from '../../geometry/area';
import { polygonsOf } from '../../domain/geometry';
import { deliveryDocument } from '../mapping/deliveryFixture';
import type { ExportOptions } from '../mapping/types';
import { writeExport } from '../mapping/writeExport';
import type { ProjectDocument } from '../projectDocument';
import { DATABASE_LAYER_OF, zoneTypesOf } from './planningDatabase';

const ogr = (args: string[]) => execFileSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8' });

/** Export, save, and return the path GDAL opens (/vsizip/ for a zipped shapefile). */
async function exported(document: ProjectDocument, options: ExportOptions) {
  const out = await writeExport({ document, options });
  const dir = mkdtempSync(join(tmpdir(), 'hzw-db-'));
  const file = out.files[0]!;
  writeFileSync(join(dir, file.name), file.bytes);
  const path = join(dir, file.name);
  return { path: path.endsWith('.zip') ? `/vsizip/${path}` : path, warnings: out.warnings };
}

/** Rows of `ogrinfo -sql` as field → text. */
function rows(path: string, sql: string): Record<string, string>[] {
  return ogr(['-dialect', 'sqlite', '-sql', sql, '-q', path])
    .split(/OGRFeature\([^)]*\):\d+/)
    .slice(1)
    .map((block) => {
      const row: Record<string, string> = {};
      for (const m of block.matchAll(/^ {2}(\w+) \(\w+\) = (.*)$/gm)) row[m[1]!] = m[2]!.trim();
      return row;
    });
}

const WIDTHS = [
  'BSM: String (18.0)',
  'YSDM: String (10.0)',
  'XZQDM: String (12.0)',
  'XZQMC: String (100.0)',
  'MJ: Real (18.2)',
  'BZ: String (254.0)',
  'BHDXMC: String (254.0)',
  'QHLX: String (40.0)',
];

describe('planning-database layers read by GDAL', () => {
  const document = deliveryDocument();
  const parts = (id: string) => polygonsOf(document.zones.find((z) => z.id === id)!.geometry).length;

  it('every zone type is decided: LSWHBHX, ZXCQCSZX or neither, with a reason in both languages', () => {
    for (const type of ZONE_TYPES) {
      expect(DATABASE_LAYER_OF[type].reason.zh, type).toMatch(/[\u4e00-\u9fff]/);
      expect(DATABASE_LAYER_OF[type].reason.en, type).not.toBe('');
    }
    expect(zoneTypesOf('ZXCQCSZX')).toEqual(['purple_line']);
    const held = zoneTypesOf('LSWHBHX');
    for (const type of ['protection_range', 'construction_control_zone', 'core_protection_range'] as const)
      expect(held).toContain(type);
    for (const type of ['body', 'purple_line'] as const) expect(held).not.toContain(type);
  });

  it.each(['shapefile', 'geopackage'] as const)(
    'LSWHBHX %s: single parts with their own BSM and MJ, fixed widths, codes filled, no body or purple line',
    async (format) => {
      const { path, warnings } = await exported(document, { format, profile: 'lswhbhx', encoding: 'gbk' });
      const summary = ogr(['-so', '-al', path]);
      expect(summary).toMatch(/^Layer name: LSWHBHX$/m);
      expect(summary).toMatch(/^Geometry: Polygon$/m);
      for (const field of WIDTHS.filter((f) => format === 'shapefile' || !f.startsWith('MJ')))
        expect(summary).toContain(`\n${field}\n`);
      const geometry = format === 'geopackage' ? 'geom' : 'geometry';
      const table = rows(
        path,
        `SELECT BSM, YSDM, XZQDM, XZQMC, MJ, QHLX, BHDXMC, ST_GeometryType(${geometry}) AS kind, ` +
          `ST_NumGeometries(${geometry}) AS n, ST_Area(${geometry}, 1) AS area FROM LSWHBHX`,
      );
      // Range (2 parts) + CCZ + core range; the body and the purple line are left out.
      expect(table).toHaveLength(parts('z-range') + 2);
      expect(table.map((r) => r.QHLX).sort()).toEqual([
        '保护范围',
        '保护范围',
        '建设控制地带',
        '核心保护范围',
      ]);
      expect(table.map((r) => r.BSM)).toEqual(
        [1, 2, 3, 4].map((n) => `6542020000${String(n).padStart(8, '0')}`),
      );
      for (const row of table) {
        expect(row.kind).toBe('POLYGON');
        expect(row.n).toBe('1');
        expect(row.YSDM).toBe('2090020227');
        expect(row.XZQDM).toBe('654202000000');
        expect(row.XZQMC).toBe('乌苏市');
        expect(Math.abs(Number(row.MJ) - Number(row.area))).toBeLessThan(0.01);
      }
      // The two parts carry the areas of the two parts, not the zone's.
      const range = document.zones.find((z) => z.id === 'z-range')!;
      const partAreas = polygonsOf(range.geometry).map((p) =>
        ellipsoidalArea({ type: 'Polygon', coordinates: p }),
      );
      const written = table.filter((r) => r.QHLX === '保护范围').map((r) => Number(r.MJ));
      written.forEach((mj, i) => expect(Math.abs(mj - partAreas[i]!)).toBeLessThan(0.01));
      expect(warnings.map((w) => w.zh)).toContain('LSWHBHX 不含以下区划，已略去：本体 1 个、城市紫线 1 个');
    },
  );

  it('ZXCQCSZX holds the purple line only, with the configurable element code', async () => {
    const { path, warnings } = await exported(document, { format: 'shapefile', profile: 'zxcqcszx' });
    const summary = ogr(['-so', '-al', path]);
    expect(summary).toMatch(/^Layer name: ZXCQCSZX$/m);
    for (const field of WIDTHS) expect(summary).toContain(`\n${field}\n`);
    const table = rows(path, 'SELECT YSDM, QHLX, BHDXMC, XZQMC FROM ZXCQCSZX');
    expect(table).toEqual([{ YSDM: '2090020233', QHLX: '城市紫线', BHDXMC: '乌苏老街', XZQMC: '乌苏市' }]);
    expect(warnings[0]!.en).toBe(
      'ZXCQCSZX does not hold these zones, left out: 1 body, 1 protection range, 1 core protection range, 1 construction-control zone',
    );
    const custom = await exported(document, {
      format: 'shapefile',
      profile: 'zxcqcszx',
      lswhbhx: { ysdm: '2090020299' },
    });
    expect(rows(custom.path, 'SELECT YSDM FROM ZXCQCSZX')).toEqual([{ YSDM: '2090020299' }]);
  });

  it('without a code or a name the features say so, and XZQDM/XZQMC stay at their widths', async () => {
    const bare = deliveryDocument({ settings: { xzqdm: '', xzqmc: '' } });
    const { path, warnings } = await exported(bare, { format: 'shapefile', profile: 'lswhbhx' });
    expect(ogr(['-so', '-al', path])).toContain('\nXZQDM: String (12.0)\n');
    expect(warnings.map((w) => w.en)).toEqual([
      expect.stringMatching(/left out/),
      'LSWHBHX: 4 features have no administrative code: XZQDM is empty and BSM starts with 000000 (set it in the project settings)',
      'LSWHBHX: no administrative area name set; XZQMC is empty (set it in the project settings)',
    ]);
  });
});
