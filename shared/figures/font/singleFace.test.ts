import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { singleFaceFont } from './singleFace';
import { FONT_PATH, figureFont } from './testFont.test';
import { openTrueType } from './trueType';

const fc = (path: string, format: string): string =>
  execFileSync('fc-scan', ['--format', format, path], { encoding: 'utf8' });

describe('face 0 as a standalone TrueType file (for the page’s FontFace)', () => {
  const bytes = singleFaceFont(figureFont());
  const path = join(mkdtempSync(join(tmpdir(), 'hzw-face-')), 'wqy-microhei.ttf');
  writeFileSync(path, bytes);

  it('is read by fontconfig as the same face with the same characters', () => {
    expect(fc(path, '%{family[0]}|%{fontformat}')).toBe('WenQuanYi Micro Hei|TrueType');
    const collection = fc(FONT_PATH, '%{index} %{charset}\n').split('\n')[0]!.replace(/^0 /, '');
    expect(fc(path, '%{charset}')).toBe(collection);
  });

  it('has every table on a 4-byte boundary and keeps the widths', () => {
    const view = new DataView(bytes.buffer);
    const n = view.getUint16(4);
    for (let i = 0; i < n; i++) expect(view.getUint32(12 + 16 * i + 8) % 4).toBe(0);
    const face = openTrueType(bytes);
    expect(face.tableTags).not.toContain('FFTM');
    for (const ch of '保护 Ai①')
      expect(face.advanceOf(face.glyphOf(ch.codePointAt(0)!))).toBe(
        figureFont().advanceOf(figureFont().glyphOf(ch.codePointAt(0)!)),
      );
  });
});
