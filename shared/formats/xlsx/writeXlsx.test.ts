import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from '../zip/zip';
import { writeXlsx } from './writeXlsx';
import { cellRef, sheetNames } from './xml';

function saved(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hzw-xlsx-')), 'book.xlsx');
  writeFileSync(file, bytes);
  return file;
}

function ogrinfo(file: string, layer: string): string {
  return execFileSync('ogrinfo', ['-ro', '-al', '-q', '--config', 'OGR_XLSX_HEADERS', 'FORCE', file, layer], {
    encoding: 'utf8',
  });
}

describe('writeXlsx', () => {
  it('writes a workbook GDAL reads with its rows, numbers and Chinese text', () => {
    const bytes = writeXlsx([
      {
        name: '界址点',
        rows: [
          ['点号', '圈号', 'X(北)', 'Y(东)'],
          ['J1', 1, 4921234.567, 28553915.123],
          ['J2 <&> "甲"', 1, 4921200.5, null],
        ],
        columnWidths: [8, 6, 14, 14],
        numberFormats: [null, '0', '0.000', '0.000'],
      },
      { name: '地块', rows: [['名称'], ['乌苏古城遗址']] },
    ]);
    const file = saved(bytes);
    const points = ogrinfo(file, '界址点');
    expect(points).toContain('点号 (String) = J1');
    expect(points).toMatch(/X\(北\) \(Real\) = 4921234\.567/);
    expect(points).toMatch(/Y\(东\) \(Real\) = 28553915\.123/);
    expect(points).toContain('点号 (String) = J2 <&> "甲"');
    expect(ogrinfo(file, '地块')).toContain('名称 (String) = 乌苏古城遗址');
  });

  it('holds the OOXML parts, a bold header style and the number formats', () => {
    const files = readZip(writeXlsx([{ name: 'a', rows: [['h'], [1.5]], numberFormats: ['0.00'] }]));
    const names = files.map((f) => f.name);
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/sharedStrings.xml',
    ])
      expect(names).toContain(part);
    const text = (name: string) => new TextDecoder().decode(files.find((f) => f.name === name)!.bytes);
    expect(text('xl/styles.xml')).toContain('<font><b/>');
    expect(text('xl/styles.xml')).toContain('formatCode="0.00"');
    expect(text('xl/worksheets/sheet1.xml')).toContain('<c r="A1" s="1" t="s"><v>0</v></c>');
    expect(text('xl/worksheets/sheet1.xml')).toContain('<c r="A2" s="2"><v>1.5</v></c>');
  });

  it('makes sheet names Excel accepts', () => {
    const long = '乌苏市文物保护单位保护范围和建设控制地带面积统计汇总表格第一部分';
    const names = sheetNames(['a/b[1]', long, long, '', "'q'"]);
    expect(names[0]).toBe('a_b_1_');
    expect([...names[1]!].length).toBe(31);
    expect(names[2]).toMatch(/ \(2\)$/);
    expect([...names[2]!].length).toBe(31);
    expect(names[3]).toBe('Sheet4');
    expect(names[4]).toBe('q');
  });

  it('numbers columns like Excel', () => {
    expect(cellRef(0, 0)).toBe('A1');
    expect(cellRef(9, 25)).toBe('Z10');
    expect(cellRef(0, 26)).toBe('AA1');
    expect(cellRef(0, 701)).toBe('ZZ1');
    expect(cellRef(0, 702)).toBe('AAA1');
  });
});
