import type { Bilingual } from '../domain/labels';
import { FigurePdfSession, type FigurePageInput, type FigurePdfOpen } from './figurePdfSession';

export type { FigurePageInput } from './figurePdfSession';

export interface ComposeFigureInput extends FigurePdfOpen {
  pages: FigurePageInput[];
}

export interface ComposeFigureOutput {
  pdf: Uint8Array;
  pages: number;
  /** Characters the font lacks, named (from the PDF writer). */
  warnings: Bilingual[];
}

/**
 * Pages (one figure, or the atlas's one page per object) → one PDF in memory, through the same
 * page-at-a-time session the export stream uses (figurePdfSession.ts).
 */
export function composeFigure(
  input: ComposeFigureInput,
  progress: (fraction: number) => void = () => {},
): ComposeFigureOutput {
  const session = new FigurePdfSession(input);
  const parts: Uint8Array[] = [];
  input.pages.forEach((page, i) => {
    parts.push(session.addPage(page));
    progress((i + 1) / (input.pages.length + 1));
  });
  const end = session.finish();
  parts.push(end.bytes);
  const pdf = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    pdf.set(part, at);
    at += part.length;
  }
  progress(1);
  return { pdf, pages: input.pages.length, warnings: end.warnings };
}
