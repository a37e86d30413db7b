import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_PATH, figureFont } from './testFont.test';
import { missingCharacters, textWidthMm } from './textMetrics';
import { FontError, openTrueType } from './trueType';

/** fontconfig's own reading of the face's character map ("20-7e a0-17f …"). */
function fontconfigCharset(face: number): Set<number> {
  const out = execFileSync('fc-scan', ['--format', '%{index} %{charset}\n', FONT_PATH], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.startsWith(`${face} `))!;
  const set = new Set<number>();
  for (const range of line.split(' ').slice(1)) {
    const [a, b = a] = range.split('-').map((h) => parseInt(h, 16));
    for (let cp = a!; cp <= b!; cp++) set.add(cp);
  }
  return set;
}

describe('TrueType collection reading (WenQuanYi Micro Hei)', () => {
  it('maps every character fontconfig lists to a glyph, and nothing else to an outline', () => {
    const font = figureFont();
    const charset = fontconfigCharset(0);
    expect(charset.size).toBeGreaterThan(20_000);
    const unmapped = [...charset].filter((cp) => font.glyphOf(cp) === 0);
    expect(unmapped).toEqual([]);
    // fontconfig leaves out characters whose glyph has no outline; we map those to blank glyphs.
    for (let cp = 0x21; cp < 0x30000; cp++)
      if (!charset.has(cp) && font.glyphOf(cp) !== 0)
        expect(font.glyphBytes(font.glyphOf(cp)).length).toBe(0);
  });

  it('reads the second face of the collection, whose Latin advances are all equal', () => {
    const mono = openTrueType(new Uint8Array(readFileSync(FONT_PATH)), 1);
    expect(mono.postScriptName).toBe('WenQuanYiMicroHeiMono');
    const widths = new Set([...'il WM09'].map((c) => mono.advanceOf(mono.glyphOf(c.codePointAt(0)!))));
    expect(widths.size).toBe(1);
    expect(mono.advanceOf(mono.glyphOf(0x4fdd))).toBe(mono.unitsPerEm);
  });

  it('measures text: a Han character is one em, and a missing character is named', () => {
    const font = figureFont();
    expect(textWidthMm(font, '保护范围', 72)).toBeCloseTo(4 * 25.4, 6);
    expect(textWidthMm(font, 'ii', 10)).toBeLessThan(textWidthMm(font, 'WW', 10));
    expect(missingCharacters(font, '保护 𠀀范围 🙂 𠀀')).toEqual(['𠀀', '🙂']);
  });

  it('refuses a truncated file, a face that is not there and CFF outlines, with the reason', () => {
    const bytes = new Uint8Array(readFileSync(FONT_PATH));
    expect(() => openTrueType(bytes.subarray(0, 4000))).toThrow(FontError);
    expect(() => openTrueType(bytes, 2)).toThrow(/2 faces/);
    expect(() => openTrueType(new Uint8Array(8))).toThrow(/too short/);
    const noto = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
    if (existsSync(noto))
      expect(() => openTrueType(new Uint8Array(readFileSync(noto)))).toThrow(
        /CFF outlines are not supported/,
      );
  });
});
