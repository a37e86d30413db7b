import {
  FIGURE_FONT_FACE,
  FIGURE_FONT_FAMILY,
  FIGURE_FONT_URL,
} from '../../../shared/figures/font/figureFont';
import { singleFaceFont } from '../../../shared/figures/font/singleFace';
import { textWidthMm } from '../../../shared/figures/font/textMetrics';
import { openTrueType } from '../../../shared/figures/font/trueType';
import type { MeasureText } from '../../../shared/figures/textMeasure';

export interface LoadedFigureFont {
  /** The font file, handed to the PDF job to embed. */
  bytes: Uint8Array;
  /** Widths from the font's own advances: the preview is laid out exactly as the PDF. */
  measure: MeasureText;
  /** CSS family for the preview and PNG canvas: the same face, registered with FontFace. */
  family: string;
}

let pending: Promise<LoadedFigureFont> | null = null;

/** Whether the figure face is registered with the page and loaded (checked before every drawing). */
export function figureFaceLoaded(): boolean {
  for (const face of document.fonts)
    if (face.family.replace(/^["']|["']$/g, '') === FIGURE_FONT_FAMILY && face.status === 'loaded')
      return true;
  return false;
}

/**
 * The figure font from our own origin (font-src 'self'), loaded once: its face 0 rewritten as a
 * standalone TrueType file (Chromium refuses the collection as shipped) and registered as a
 * FontFace, so the preview and the PNG draw with the glyphs and widths the PDF embeds, never with
 * a system font. A face the page cannot load is an error, not a silent fallback.
 */
export function loadFigureFont(): Promise<LoadedFigureFont> {
  pending ??= (async () => {
    const response = await fetch(`./${FIGURE_FONT_URL}`);
    if (!response.ok) throw new Error(`${FIGURE_FONT_URL}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const font = openTrueType(bytes, FIGURE_FONT_FACE);
    const face = new FontFace(FIGURE_FONT_FAMILY, singleFaceFont(font).slice().buffer);
    document.fonts.add(await face.load());
    if (!figureFaceLoaded()) throw new Error(`${FIGURE_FONT_FAMILY}: the face did not load`);
    return {
      bytes,
      measure: (str, sizePt) => textWidthMm(font, str, sizePt),
      family: `"${FIGURE_FONT_FAMILY}", sans-serif`,
    };
  })();
  pending.catch(() => (pending = null));
  return pending;
}
