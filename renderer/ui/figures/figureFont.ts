import {
  FIGURE_FONT_FACE,
  FIGURE_FONT_FAMILY,
  FIGURE_FONT_URL,
} from '../../../shared/figures/font/figureFont';
import { textWidthMm } from '../../../shared/figures/font/textMetrics';
import { openTrueType } from '../../../shared/figures/font/trueType';
import type { MeasureText } from '../../../shared/figures/textMeasure';
import { FIGURE_FONT_STACK } from './figureFonts';

export interface LoadedFigureFont {
  /** The font file, handed to the PDF job to embed. */
  bytes: Uint8Array;
  /** Widths from the font's own advances: the preview is laid out exactly as the PDF. */
  measure: MeasureText;
  /** CSS family for the preview and PNG canvas (the same face, registered with FontFace). */
  family: string;
}

let pending: Promise<LoadedFigureFont> | null = null;

/** The figure font from our own origin (font-src 'self'), loaded once. */
export function loadFigureFont(): Promise<LoadedFigureFont> {
  pending ??= (async () => {
    const response = await fetch(`./${FIGURE_FONT_URL}`);
    if (!response.ok) throw new Error(`${FIGURE_FONT_URL}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const font = openTrueType(bytes, FIGURE_FONT_FACE);
    let family = FIGURE_FONT_STACK;
    try {
      const face = new FontFace(FIGURE_FONT_FAMILY, bytes.slice().buffer);
      document.fonts.add(await face.load());
      family = `"${FIGURE_FONT_FAMILY}", ${FIGURE_FONT_STACK}`;
    } catch {
      // A canvas without the face falls back to the system CJK font; the PDF is unaffected.
    }
    return { bytes, measure: (str, sizePt) => textWidthMm(font, str, sizePt), family };
  })();
  pending.catch(() => (pending = null));
  return pending;
}
