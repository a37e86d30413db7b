import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, encodeText, normaliseEncoding, UnencodableTextError } from './encoding';

describe('text encodings', () => {
  it('encodes GBK exactly as the platform decoder reads it back', () => {
    const text = '巴音沟承化寺 保护范围（一类）ABC-12';
    const bytes = encodeText(text, 'gbk');
    expect(Array.from(bytes.slice(0, 2))).toEqual([0xb0, 0xcd]); // 巴 in GB2312
    expect(decodeText(bytes, 'gbk')).toBe(text);
  });

  it('refuses characters GBK cannot hold instead of writing question marks', () => {
    expect(() => encodeText('𠀀', 'gbk')).toThrow(UnencodableTextError);
  });

  it('tells GBK from UTF-8 on undeclared Chinese text', () => {
    const names = ['乌苏古城墙', '夏尔苏满喇嘛庙遗址', '建设控制地带'];
    expect(detectEncoding(names.map((n) => encodeText(n, 'gbk')))).toBe('gbk');
    expect(detectEncoding(names.map((n) => encodeText(n, 'utf-8')))).toBe('utf-8');
    expect(detectEncoding([new TextEncoder().encode('ASCII only')])).toBe('utf-8');
  });

  it('normalises the labels .cpg files and users write', () => {
    expect(normaliseEncoding('CP936')).toBe('gbk');
    expect(normaliseEncoding('936')).toBe('gbk');
    expect(normaliseEncoding('GB2312')).toBe('gbk');
    expect(normaliseEncoding('UTF-8')).toBe('utf-8');
    expect(normaliseEncoding('65001')).toBe('utf-8');
    expect(normaliseEncoding('ANSI_936')).toBe('gbk');
    expect(normaliseEncoding('nonsense')).toBeNull();
  });
});
