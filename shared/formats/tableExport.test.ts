import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableCsv, tableTsv, tableXlsx, type TableData } from './tableExport';

const TABLE: TableData = {
  name: '属性表',
  header: ['保护对象', '区划类型', '四至（原文）', '椭球面积（m²）', '检查问题数'],
  rows: [
    ['巴音沟承化寺', '保护范围', '东至公路，西至河岸', 12345.67, 0],
    ['清代乌苏古城墙', '建设控制地带', '墙基两侧各"50"米,\n另加 100 米', 98765.43, 2],
    ['古尔图镇克孜加尔村', '核心保护范围', '', null, null],
  ],
  widths: [20, 14, 30, 14, 10],
  numberFormats: [null, null, null, '0.00', '0'],
};

function saved(bytes: Uint8Array, name: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hzw-table-')), name);
  writeFileSync(file, bytes);
  return file;
}

/** GDAL's reading of a table file: one record per feature, field name → value text. */
function gdalRecords(file: string, extra: string[] = []): Record<string, string>[] {
  const out = execFileSync('ogrinfo', ['-ro', '-al', '-q', ...extra, file], { encoding: 'utf8' });
  return out
    .split(/OGRFeature\([^)]*\):\d+\n/)
    .slice(1)
    .map((block) => {
      const record: Record<string, string> = {};
      let last = '';
      // A value with a line break continues on the next lines, up to the next "  field (Type) =".
      for (const line of block.replace(/\n+$/, '').split('\n')) {
        const m = /^ {2}(.+?) \((\w+)\) = (.*)$/.exec(line);
        if (m) record[(last = m[1]!)] = `${m[2]}:${m[3]}`;
        else if (last) record[last] += `\n${line}`;
      }
      return record;
    });
}

describe('table export', () => {
  it('writes CSV GDAL reads back with every row, Chinese header and quoted commas and quotes', () => {
    const bytes = tableCsv(TABLE);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = gdalRecords(saved(bytes, 'view.csv'));
    expect(records).toHaveLength(3);
    expect(records[0]!['保护对象']).toBe('String:巴音沟承化寺');
    expect(records[1]!['四至（原文）']).toBe('String:墙基两侧各"50"米,\n另加 100 米');
    expect(records[1]!['椭球面积（m²）']).toBe('String:98765.43');
    expect(records[2]!['椭球面积（m²）']).toBe('String:');
  });

  it('writes an XLSX workbook GDAL opens, numbers as reals and empty cells unset', () => {
    const file = saved(tableXlsx(TABLE), 'view.xlsx');
    const records = gdalRecords(file, ['--config', 'OGR_XLSX_HEADERS', 'FORCE']);
    expect(records).toHaveLength(3);
    expect(records.map((r) => r['保护对象'])).toEqual([
      'String:巴音沟承化寺',
      'String:清代乌苏古城墙',
      'String:古尔图镇克孜加尔村',
    ]);
    expect(records[0]!['椭球面积（m²）']).toBe('Real:12345.67');
    expect(records[1]!['检查问题数']).toMatch(/^(Integer|Real):2$/);
    // An empty cell is left out of the sheet: GDAL reads the field as unset.
    expect(records[2]!['椭球面积（m²）']).toBeUndefined();
    expect(records[2]!['四至（原文）']).toBeUndefined();
    expect(execFileSync('ogrinfo', ['-ro', '-so', file], { encoding: 'utf8' })).toContain('属性表');
  });

  it('copies as TSV: one line per row, tabs and line breaks inside cells made spaces', () => {
    const lines = tableTsv(TABLE).split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]!.split('\t')).toEqual(TABLE.header);
    expect(lines[2]!.split('\t')).toEqual([
      '清代乌苏古城墙',
      '建设控制地带',
      '墙基两侧各"50"米, 另加 100 米',
      '98765.43',
      '2',
    ]);
    expect(lines[3]!.split('\t')).toEqual(['古尔图镇克孜加尔村', '核心保护范围', '', '', '']);
  });
});
