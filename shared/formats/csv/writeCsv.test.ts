import { describe, expect, it } from 'vitest';
import { writeCsv } from './writeCsv';

describe('writeCsv', () => {
  it('quotes separators, quotes and line breaks; UTF-8 starts with a BOM', () => {
    const bytes = writeCsv([
      ['名称', 'n'],
      ['a,b', 1.5],
      ['say "hi"', null],
      ['two\nlines', 0],
    ]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(
      '名称,n\r\n"a,b",1.5\r\n"say ""hi""",\r\n"two\nlines",0\r\n',
    );
  });

  it('writes GBK without a BOM', () => {
    const bytes = writeCsv([['乌苏']], { encoding: 'gbk', lineEnding: '\n' });
    expect([...bytes]).toEqual([0xce, 0xda, 0xcb, 0xd5, 0x0a]);
  });
});
