import type { TrueTypeFont } from './trueType';

/**
 * Text measured with the same advance widths the PDF embeds (hmtx), so a legend or title laid out
 * in millimetres fits the same way in the PDF, the PNG and the preview. No kerning, no shaping:
 * Chinese and the labels on a figure need neither.
 */
const MM_PER_PT = 25.4 / 72;

/** Width of `str` set at `sizePt`, in points. */
export function textWidthPt(font: TrueTypeFont, str: string, sizePt: number): number {
  let units = 0;
  for (const ch of str) units += font.advanceOf(font.glyphOf(ch.codePointAt(0)!));
  return (units / font.unitsPerEm) * sizePt;
}

/** Width of `str` set at `sizePt`, in millimetres. */
export function textWidthMm(font: TrueTypeFont, str: string, sizePt: number): number {
  return textWidthPt(font, str, sizePt) * MM_PER_PT;
}

/** Height above the baseline of capitals at `sizePt`, in millimetres (for centring text in a box). */
export function capHeightMm(font: TrueTypeFont, sizePt: number): number {
  return (font.capHeight / font.unitsPerEm) * sizePt * MM_PER_PT;
}

/** The distinct characters of `str` the font has no glyph for (controls and spaces aside). */
export function missingCharacters(font: TrueTypeFont, str: string): string[] {
  const missing = new Set<string>();
  for (const ch of str) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x20 && font.glyphOf(cp) === 0) missing.add(ch);
  }
  return [...missing];
}
