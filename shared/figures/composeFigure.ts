import type { Bilingual } from '../domain/labels';
import type { PageImage } from './displayList';
import { FIGURE_FONT_FACE } from './font/figureFont';
import { textWidthMm } from './font/textMetrics';
import { openTrueType } from './font/trueType';
import type { FigurePlan } from './figurePlan';
import type { InsetBasemap } from './inset';
import { layoutFigure } from './layoutFigure';
import { PdfWriter } from './pdf/pdfWriter';
import type { MeasureText } from './textMeasure';

export interface FigurePageInput extends FigurePlan {
  /** The background raster of this page's map frame, at the chosen dpi. */
  background?: PageImage;
}

export interface ComposeFigureInput {
  /** The figure font file (WenQuanYi Micro Hei collection). */
  font: Uint8Array;
  pages: FigurePageInput[];
  /** Outlines for the location map, shared by every page. */
  inset?: InsetBasemap;
  /** The document title (PDF metadata). */
  title?: string;
}

export interface ComposeFigureOutput {
  pdf: Uint8Array;
  pages: number;
  /** Characters the font lacks, named (from the PDF writer). */
  warnings: Bilingual[];
}

/**
 * Pages (one figure, or the atlas's one page per object) → one PDF. Each page is laid out with
 * the embedded font's own advance widths and written as soon as it is laid out, so only the
 * finished bytes accumulate.
 */
export function composeFigure(
  input: ComposeFigureInput,
  progress: (fraction: number) => void = () => {},
): ComposeFigureOutput {
  const font = openTrueType(input.font, FIGURE_FONT_FACE);
  const measure: MeasureText = (str, sizePt) => textWidthMm(font, str, sizePt);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const writer = new PdfWriter(
    (bytes) => {
      chunks.push(bytes.slice());
      size += bytes.length;
    },
    font,
    input.title ? { title: input.title } : {},
  );
  input.pages.forEach((page, i) => {
    const { page: drawn } = layoutFigure({ ...page, measure, ...(input.inset && { inset: input.inset }) });
    writer.addPage(drawn);
    progress((i + 1) / (input.pages.length + 1));
  });
  const { warnings } = writer.finish();
  const pdf = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    pdf.set(chunk, at);
    at += chunk.length;
  }
  progress(1);
  return { pdf, pages: input.pages.length, warnings };
}
