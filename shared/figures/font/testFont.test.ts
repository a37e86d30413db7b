import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_FONT_FACE, FIGURE_FONT_URL } from './figureFont';
import { openTrueType, type TrueTypeFont } from './trueType';

/** The shipped figure font for tests (a test file, because only tests may use node:*). */
export const FONT_PATH = join(__dirname, '../../../resources/public', FIGURE_FONT_URL);

let font: TrueTypeFont | undefined;
export const figureFont = (): TrueTypeFont =>
  (font ??= openTrueType(new Uint8Array(readFileSync(FONT_PATH)), FIGURE_FONT_FACE));

describe('the shipped figure font', () => {
  it('is WenQuanYi Micro Hei with TrueType outlines, served where figureFont.ts says', () => {
    expect(figureFont().postScriptName).toBe('WenQuanYiMicroHei');
    expect(figureFont().unitsPerEm).toBe(2048);
  });
});
