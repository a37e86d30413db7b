import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StripPngWriter } from '../../figures/png/stripPngWriter';
import { readZip } from '../zip/zip';
import { writeXlsx } from './writeXlsx';
import { cellRef, sheetNames } from './xml';

function saved(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hzw-xlsx-')), 'book.xlsx');
  writeFileSync(file, bytes);
  return file;
}

/** Package consistency as Excel sees it, checked by Python's zip and XML readers. */
const PACKAGE_CHECK = String.raw`
import sys, zipfile, posixpath, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1]); names = set(z.namelist())
ct = ET.fromstring(z.read('[Content_Types].xml'))
defaults = {e.get('Extension') for e in ct if e.tag.endswith('Default')}
overrides = {e.get('PartName').lstrip('/') for e in ct if e.tag.endswith('Override')}
pictures = 0
for n in names:
    data = z.read(n)
    if n.endswith('.png'):
        assert data[:8] == b'\x89PNG\r\n\x1a\n', n; pictures += 1
    else:
        ET.fromstring(data)
    assert n in overrides or n.rsplit('.', 1)[-1] in defaults, 'no content type: ' + n
    if n.endswith('.rels'):
        base = posixpath.dirname(posixpath.dirname(n))
        for r in ET.fromstring(data):
            target = posixpath.normpath(posixpath.join(base, r.get('Target')))
            assert target in names, n + ' -> ' + target
print('ok', pictures, 'pictures')
`;

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

  it('places PNG pictures in cells as a consistent package GDAL still reads', () => {
    const png = (width: number, height: number, rgb: number[]) => {
      const parts: Uint8Array[] = [];
      const writer = new StripPngWriter((b) => parts.push(b.slice()), { width, height, dpi: 96 });
      const row = new Uint8Array(width * 4);
      for (let x = 0; x < width; x++) row.set([...rgb, 255], 4 * x);
      for (let y = 0; y < height; y++) writer.addRows(row, 1);
      writer.finish();
      return Uint8Array.from(parts.flatMap((p) => [...p]));
    };
    const red = png(30, 20, [200, 30, 30]);
    const green = png(12, 40, [30, 160, 60]);
    const bytes = writeXlsx([
      { name: '表一', rows: [['甲'], ['乙']] },
      {
        name: '意见',
        rows: [
          ['编号', '位置图'],
          [1, ''],
          [2, ''],
        ],
        rowHeights: new Map([
          [1, 15],
          [2, 30],
        ]),
        images: [
          { row: 1, col: 1, png: red, widthPx: 30, heightPx: 20, name: '意见 1 <位置图>' },
          { row: 2, col: 1, png: green, widthPx: 12, heightPx: 40, name: '意见 2' },
        ],
      },
    ]);
    const file = saved(bytes);
    // GDAL reads both sheets as before.
    expect(ogrinfo(file, '意见')).toMatch(/编号 \(Integer\) = 2/);
    expect(ogrinfo(file, '表一')).toContain('= 乙');
    // Every part is well-formed XML or a PNG, every relationship's target exists, and every part
    // has a content type: what Excel checks before it opens a package.
    const check = execFileSync('python3', ['-c', PACKAGE_CHECK, file], { encoding: 'utf8' });
    expect(check.trim()).toBe('ok 2 pictures');
    const files = readZip(bytes);
    const part = (name: string) => files.find((f) => f.name === name)!.bytes;
    expect([...part('xl/media/image1.png')]).toEqual([...red]);
    expect([...part('xl/media/image2.png')]).toEqual([...green]);
    const drawing = new TextDecoder().decode(part('xl/drawings/drawing2.xml'));
    expect(drawing).toContain('<xdr:row>2</xdr:row>');
    expect(drawing).toContain(`<xdr:ext cx="${12 * 9525}" cy="${40 * 9525}"/>`);
    expect(drawing).toContain('name="意见 1 &lt;位置图&gt;"');
    expect(new TextDecoder().decode(part('xl/worksheets/sheet2.xml'))).toContain(
      '<row r="3" ht="30" customHeight="1">',
    );
    expect(files.some((f) => f.name === 'xl/drawings/drawing1.xml')).toBe(false);
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
