import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePageOfLdid, encodingOfCodePage } from './codePages';
import {
  decodeText,
  detectEncoding,
  encodeText,
  encodeTextInto,
  encodedLength,
  normaliseEncoding,
  UnencodableTextError,
  type TextEncodingName,
} from './encoding';
import { iconvUpperHalf } from '../shapefile/testData.test';

const latin1Bytes = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('text encodings', () => {
  it('measures and writes in place exactly the bytes encodeText returns, and refuses the same', () => {
    // ASCII, Chinese, Latin, emoji (surrogate pairs) and lone surrogates, mixed.
    const text = fc
      .array(
        fc.oneof(
          fc.string({ maxLength: 4 }),
          fc.constantFrom('巴音沟', '承化寺', 'é', '€', '😀', '\ud800', '\udc00', '𠀀', '·'),
        ),
        { maxLength: 6 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom('utf-8' as const, 'gbk' as const), (value, encoding) => {
        let expected: Uint8Array | UnencodableTextError;
        try {
          expected = encodeText(value, encoding);
        } catch (error) {
          expected = error as UnencodableTextError;
        }
        if (expected instanceof UnencodableTextError) {
          expect(() => encodedLength(value, encoding)).toThrow(expected);
          return;
        }
        expect(encodedLength(value, encoding)).toBe(expected.length);
        const out = new Uint8Array(expected.length + 4).fill(0x20);
        expect(encodeTextInto(value, encoding, out, 2)).toBe(expected.length);
        expect(out.subarray(2, 2 + expected.length)).toEqual(expected);
        expect([...out.subarray(0, 2), ...out.subarray(2 + expected.length)]).toEqual([32, 32, 32, 32]);
      }),
      { numRuns: 1000 },
    );
  });

  it('encodes GBK exactly as the platform decoder reads it back', () => {
    const text = '巴音沟承化寺 保护范围（一类）ABC-12';
    const bytes = encodeText(text, 'gbk');
    expect(Array.from(bytes.slice(0, 2))).toEqual([0xb0, 0xcd]); // 巴 in GB2312
    expect(decodeText(bytes, 'gbk')).toBe(text);
  });

  it('refuses characters GBK cannot hold instead of writing question marks', () => {
    expect(() => encodeText('𠀀', 'gbk')).toThrow(UnencodableTextError);
  });

  // Every single-byte page a .cpg or dBase header can name, against iconv byte for byte.
  it.each([
    ['windows-1250', 'CP1250'],
    ['windows-1251', 'CP1251'],
    ['windows-1252', 'CP1252'],
    ['windows-1253', 'CP1253'],
    ['windows-1254', 'CP1254'],
    ['windows-1255', 'CP1255'],
    ['windows-1256', 'CP1256'],
    ['windows-1257', 'CP1257'],
    ['windows-1258', 'CP1258'],
    ['windows-874', 'CP874'],
    ['iso-8859-1', 'ISO-8859-1'],
    ['iso-8859-2', 'ISO-8859-2'],
    ['iso-8859-5', 'ISO-8859-5'],
    ['iso-8859-7', 'ISO-8859-7'],
    ['iso-8859-15', 'ISO-8859-15'],
    ['iso-8859-16', 'ISO-8859-16'],
    ['koi8-r', 'KOI8-R'],
    ['ibm866', 'CP866'],
    ['cp437', 'CP437'],
    ['cp737', 'CP737'],
    ['cp775', 'CP775'],
    ['cp850', 'CP850'],
    ['cp852', 'CP852'],
    ['cp855', 'CP855'],
    ['cp857', 'CP857'],
    ['cp860', 'CP860'],
    ['cp861', 'CP861'],
    ['cp862', 'CP862'],
    ['cp863', 'CP863'],
    ['cp865', 'CP865'],
    ['cp869', 'CP869'],
    ['x-mac-ce', 'MAC-CENTRALEUROPE'],
  ] as const)('%s decodes bytes 0x80–0xFF as iconv %s does', (ours, iconv) => {
    const reference = iconvUpperHalf(iconv);
    const differing: string[] = [];
    let compared = 0;
    for (let b = 0; b < 128; b++) {
      if (reference[b] === '') continue; // undefined in that code page
      compared++;
      const decoded = decodeText(Uint8Array.of(0x80 + b), ours);
      if (decoded !== reference[b]) differing.push(`0x${(0x80 + b).toString(16)}`);
    }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(90);
  });

  it.each([
    ['CP936', 'gbk'],
    ['936', 'gbk'],
    ['GBK', 'gbk'],
    ['GB2312', 'gbk'],
    ['GB_2312-80', 'gbk'],
    ['ANSI_936', 'gbk'],
    ['GB18030', 'gb18030'],
    ['Big5', 'big5'],
    ['Big-5', 'big5'],
    ['BIG5', 'big5'],
    ['CP950', 'big5'],
    ['950', 'big5'],
    ['ANSI 1250', 'windows-1250'],
    ['ANSI 1251', 'windows-1251'],
    ['ANSI 1258', 'windows-1258'],
    ['1250', 'windows-1250'],
    ['1252', 'windows-1252'],
    ['CP1257', 'windows-1257'],
    ['windows-1253', 'windows-1253'],
    ['8859-1', 'iso-8859-1'],
    ['8859-2', 'iso-8859-2'],
    ['88591', 'iso-8859-1'],
    ['ISO88591', 'iso-8859-1'],
    ['ISO_8859-1', 'iso-8859-1'],
    ['ISO-8859-15', 'iso-8859-15'],
    ['iso8859-16', 'iso-8859-16'],
    ['8859-9', 'windows-1254'],
    ['UTF8', 'utf-8'],
    ['UTF-8', 'utf-8'],
    ['utf-8\r\n', 'utf-8'],
    ['\uFEFFUTF-8', 'utf-8'],
    ['65001', 'utf-8'],
    ['UTF-8 BOM', 'utf-8'],
    ['437', 'cp437'],
    ['850', 'cp850'],
    ['866', 'ibm866'],
    ['CP866', 'ibm866'],
    ['KOI8-R', 'koi8-r'],
    ['Shift_JIS', 'shift_jis'],
    ['932', 'shift_jis'],
    ['shiftjis', 'shift_jis'],
    ['EUC-JP', 'euc-jp'],
    ['eucjp', 'euc-jp'],
    ['51932', 'euc-jp'],
    ['EUC-KR', 'euc-kr'],
    ['949', 'euc-kr'],
  ] as const)('the .cpg label “%s” reads as %s', (label, expected) => {
    expect(normaliseEncoding(label)).toBe(expected);
  });

  it('refuses labels it cannot decode instead of guessing', () => {
    for (const label of ['nonsense', 'OEM', '', '8859-12', '895', 'UTF-16'])
      expect(normaliseEncoding(label)).toBeNull();
  });

  it('maps dBase language driver ids as GDAL does; 0 and 0x57 declare nothing', () => {
    const named = (ldid: number) => {
      const page = codePageOfLdid(ldid);
      return page === null ? null : encodingOfCodePage(page);
    };
    expect(named(0x4d)).toBe('gbk');
    expect(named(0x7a)).toBe('gbk');
    expect(named(0x4f)).toBe('big5');
    expect(named(0x03)).toBe('windows-1252');
    expect(named(0x01)).toBe('cp437');
    expect(named(0x26)).toBe('ibm866');
    expect(named(0xc8)).toBe('windows-1250');
    expect(named(0x00)).toBeNull();
    expect(named(0x57)).toBeNull();
    expect(codePageOfLdid(0x68)).toBe(895); // Kamenický: declared, but no decoder here
    expect(named(0x68)).toBeNull();
  });

  it('tells GBK from UTF-8 on undeclared Chinese text', () => {
    const names = ['乌苏古城墙', '夏尔苏满喇嘛庙遗址', '建设控制地带'];
    expect(detectEncoding(names.map((n) => encodeText(n, 'gbk')))).toBe('gbk');
    expect(detectEncoding(names.map((n) => encodeText(n, 'utf-8')))).toBe('utf-8');
    expect(detectEncoding([new TextEncoder().encode('ASCII only')])).toBe('utf-8');
  });

  it.each(['Alto da Nação', "Côte d'Ivoire", 'Zürich', 'Ærøskøbing', 'OSEBERG SØR', 'Café', 'CONCEIÇÃO'])(
    'detects the Latin-1 name “%s” as windows-1252, not GBK',
    (name) => {
      expect(detectEncoding([latin1Bytes(name)])).toBe('windows-1252');
      expect(decodeText(latin1Bytes(name), 'windows-1252')).toBe(name);
    },
  );

  it.each(['乌苏', '承化寺', '巴音沟', '保护范围', 'A区', '1号楼', 'Tekes特克斯', 'BH-保护范围 2', '名称'])(
    'detects the short GBK name “%s” as GBK',
    (name) => {
      expect(detectEncoding([encodeText(name, 'gbk')])).toBe('gbk');
    },
  );

  it('reads UTF-8 whose last character a writer cut at the field width as UTF-8', () => {
    const full = new TextEncoder().encode('夏尔苏满喇嘛庙遗址');
    const cut = full.subarray(0, full.length - 1);
    expect(detectEncoding([cut, new TextEncoder().encode('乌苏')])).toBe('utf-8');
  });

  it('decides a whole table by its majority, not by one odd value', () => {
    const values: Uint8Array[] = ['乌苏古城墙', '巴音沟承化寺', '保护范围'].map((n) => encodeText(n, 'gbk'));
    values.push(latin1Bytes('Zürich')); // a GBK extension pair on its own
    expect(detectEncoding(values)).toBe('gbk');
    const latin: Uint8Array[] = ['Zürich', 'Genève', 'Malmö', 'São Paulo'].map(latin1Bytes);
    latin.push(encodeText('区', 'gbk'));
    expect(detectEncoding(latin)).toBe('windows-1252');
  });

  it('names only encodings that decode in this runtime', () => {
    const all: TextEncodingName[] = [];
    for (let page = 400; page < 70000; page++) {
      const name = encodingOfCodePage(page);
      if (name) all.push(name);
    }
    for (const name of new Set(all)) expect(() => decodeText(Uint8Array.of(0x41, 0xe9), name)).not.toThrow();
  });
});
