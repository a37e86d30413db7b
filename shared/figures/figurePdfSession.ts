import type { Bilingual } from '../domain/labels';
import type { BackgroundRaster } from './backgroundRaster';
import { FIGURE_FONT_FACE } from './font/figureFont';
import { textWidthMm } from './font/textMetrics';
import { openTrueType } from './font/trueType';
import type { FigurePlan } from './figurePlan';
import type { InsetBasemap } from './inset';
import { layoutFigure } from './layoutFigure';
import { PdfWriter } from './pdf/pdfWriter';
import type { MeasureText } from './textMeasure';

export interface FigurePageInput extends FigurePlan {
  /** The backgrounds of this page's map frame, at the chosen dpi. */
  background?: BackgroundRaster;
}

export interface FigurePdfOpen {
  /** The figure font file (WenQuanYi Micro Hei collection). */
  font: Uint8Array;
  /** Outlines for the location map, shared by every page. */
  inset?: InsetBasemap;
  /** The document title (PDF metadata). */
  title?: string;
}

/**
 * One PDF written a page at a time: each page is laid out with the embedded font's own advance
 * widths and its bytes handed back at once (for the export stream), so an atlas never sits in
 * memory whole; `finish` gives the font subset, page tree and cross-reference table.
 */
export class FigurePdfSession {
  private readonly writer: PdfWriter;
  private readonly measure: MeasureText;
  private pending: Uint8Array[] = [];

  constructor(private readonly input: FigurePdfOpen) {
    const font = openTrueType(input.font, FIGURE_FONT_FACE);
    this.measure = (str, sizePt) => textWidthMm(font, str, sizePt);
    this.writer = new PdfWriter(
      (bytes) => this.pending.push(bytes.slice()),
      font,
      input.title ? { title: input.title } : {},
    );
  }

  get pages(): number {
    return this.writer.pageCount;
  }

  /** Lay out and write one page; the bytes written so far (the header comes with the first page). */
  addPage(page: FigurePageInput): Uint8Array {
    const { page: drawn } = layoutFigure({
      ...page,
      measure: this.measure,
      ...(this.input.inset && { inset: this.input.inset }),
    });
    this.writer.addPage(drawn);
    return this.drain();
  }

  /** The rest of the file, and the characters the font lacks, named. */
  finish(): { bytes: Uint8Array; warnings: Bilingual[] } {
    const { warnings } = this.writer.finish();
    return { bytes: this.drain(), warnings };
  }

  private drain(): Uint8Array {
    const size = this.pending.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(size);
    let at = 0;
    for (const chunk of this.pending) {
      out.set(chunk, at);
      at += chunk.length;
    }
    this.pending = [];
    return out;
  }
}
