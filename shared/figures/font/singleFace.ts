import { assembleSfnt } from './sfnt';
import type { TrueTypeFont } from './trueType';

/**
 * One face of the collection as a standalone TrueType file, every table kept but FontForge's
 * timestamp (FFTM). The page's `FontFace` needs this: Chromium's font sanitizer (OTS) refuses
 * the WenQuanYi .ttc as shipped ("FFTM: misaligned table"), while the same tables rewritten on
 * 4-byte boundaries load. The PNG canvas then draws with exactly the glyphs and advance widths
 * the PDF embeds.
 */
export function singleFaceFont(font: TrueTypeFont): Uint8Array {
  const tables: Record<string, Uint8Array> = {};
  for (const tag of font.tableTags) if (tag !== 'FFTM') tables[tag] = font.table(tag)!;
  return assembleSfnt(tables);
}
