import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../formatError';
import { writeGeoPackage } from '../geopackage/writeGeoPackage';
import type { FieldDef, Layer, NamedBytes } from '../layer';
import { writeShapefile } from './writeShapefile';

/** A database-style layer: fixed XZQDM C(12) left empty, MJ N(18,2), BZ C(254), and a free NAME. */
function layer(values: { XZQDM?: string; MJ?: number; NAME?: string }[]): Layer {
  const fields: FieldDef[] = [
    { name: 'ZONE_ID', type: 'string' },
    { name: 'XZQDM', type: 'string', width: 12, fixed: true },
    { name: 'MJ', type: 'real', width: 18, decimals: 2, fixed: true },
    { name: 'BZ', type: 'string', width: 254, fixed: true },
    { name: 'NAME', type: 'string', width: 100 },
  ];
  const square = (i: number) => [
    [
      [84 + i * 0.01, 44],
      [84 + i * 0.01, 44.001],
      [84.001 + i * 0.01, 44.001],
      [84.001 + i * 0.01, 44],
      [84 + i * 0.01, 44],
    ],
  ];
  return {
    name: 'fixed',
    epsg: 4490,
    fields,
    features: values.map((v, i) => ({
      geometry: { type: 'Polygon', coordinates: square(i) },
      properties: {
        ZONE_ID: `z${i + 1}`,
        XZQDM: v.XZQDM ?? null,
        MJ: v.MJ ?? null,
        BZ: '乌苏',
        NAME: v.NAME ?? '乌苏',
      },
    })),
  };
}

function save(files: readonly NamedBytes[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'hzw-fixed-'));
  for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
  return dir;
}

const ogrSummary = (path: string) =>
  execFileSync('ogrinfo', ['-ro', '-so', '-al', path], { encoding: 'utf8' });

describe('fixed field widths (planning-database schemas)', () => {
  it('a Shapefile declares exactly the schema widths even when values are shorter or empty (GDAL)', () => {
    const { files, warnings } = writeShapefile([layer([{ MJ: 1.5 }, { MJ: 20 }])], { encoding: 'gbk' });
    const summary = ogrSummary(join(save(files), 'fixed.shp'));
    expect(summary).toMatch(/^XZQDM: String \(12\.0\)$/m);
    expect(summary).toMatch(/^MJ: Real \(18\.2\)$/m);
    expect(summary).toMatch(/^BZ: String \(254\.0\)$/m);
    // A field without a fixed schema width is sized to its data: 乌苏 is 4 bytes in GBK.
    expect(summary).toMatch(/^NAME: String \(4\.0\)$/m);
    expect(warnings).toEqual([]);
  });

  it('a GeoPackage declares TEXT(n) for fixed text, which GDAL reads as String(n)', async () => {
    const bytes = await writeGeoPackage([layer([{ MJ: 1.5 }])]);
    const dir = save([{ name: 'fixed.gpkg', bytes }]);
    const summary = ogrSummary(join(dir, 'fixed.gpkg'));
    expect(summary).toMatch(/^XZQDM: String \(12\.0\)$/m);
    expect(summary).toMatch(/^BZ: String \(254\.0\)$/m);
    expect(summary).toMatch(/^NAME: String \(0\.0\)$/m);
  });

  it('text longer than its fixed width is cut, and the warning names the field and the records', () => {
    const { files, warnings } = writeShapefile(
      [layer([{ XZQDM: '654202000000' }, { XZQDM: '6542020000001234' }])],
      { encoding: 'utf-8' },
    );
    const out = execFileSync('ogrinfo', ['-ro', '-q', '-al', join(save(files), 'fixed.shp')], {
      encoding: 'utf8',
    });
    expect([...out.matchAll(/XZQDM \(String\) = (\S+)/g)].map((m) => m[1])).toEqual([
      '654202000000',
      '654202000000',
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.en).toMatch(/XZQDM.*12 bytes.*1 longer value.*z2$/);
    expect(warnings[0]!.zh).toMatch(/XZQDM.*z2$/);
  });

  it('a number too wide for its fixed N(w,d) refuses the file, naming record and field', () => {
    const wide = layer([{ MJ: 1 }, { MJ: 1e20 }]);
    expect(() => writeShapefile([wide])).toThrow(FormatError);
    try {
      writeShapefile([wide]);
    } catch (error) {
      const problem = (error as FormatError).problems[0]!;
      expect(problem).toMatchObject({ index: 1, field: 'properties.MJ' });
      expect(problem.reason.en).toMatch(/N\(18,2\)/);
    }
  });
});
