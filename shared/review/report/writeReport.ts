import type { Bilingual } from '../../domain/labels';
import { FIGURE_FONT_FACE } from '../../figures/font/figureFont';
import { textWidthMm } from '../../figures/font/textMetrics';
import { openTrueType } from '../../figures/font/trueType';
import { PdfWriter } from '../../figures/pdf/pdfWriter';
import { writeXlsx, type XlsxSheet } from '../../formats/xlsx/writeXlsx';
import type { ChangeReportInput, ReportFormat, ReportOutput, ReviewReportInput } from '../reportTypes';
import { changeReportDoc, changeReportSheets } from './changeReport';
import { reportHtml, reportPages, type ReportDoc } from './reportDoc';
import { reviewReportData, reviewReportDoc, reviewReportSheets } from './reviewReport';
import { threadSnapshots, type RasterisePage } from './threadSnapshots';

/**
 * The `writeChangeReport` / `writeReviewReport` jobs: one report in the chosen format. With
 * `rasterise` (a canvas, in the job worker), the review report's XLSX holds each thread's
 * mini-map as a picture; the PDF and HTML draw them as vectors.
 */
export async function writeReviewReport(
  input: ReviewReportInput,
  rasterise?: RasterisePage,
): Promise<ReportOutput> {
  const data = await reviewReportData(input);
  if (input.format === 'xlsx' && rasterise)
    return {
      bytes: writeXlsx(reviewReportSheets(data, await threadSnapshots(data, rasterise))),
      warnings: [],
    };
  return render(
    input.format,
    () => reviewReportDoc(data),
    () => reviewReportSheets(data),
    input.font,
  );
}

export function writeChangeReport(input: ChangeReportInput): ReportOutput {
  return render(
    input.format,
    () => changeReportDoc(input),
    () => changeReportSheets(input),
    input.font,
  );
}

function render(
  format: ReportFormat,
  doc: () => ReportDoc,
  sheets: () => XlsxSheet[],
  font: Uint8Array | undefined,
): ReportOutput {
  if (format === 'xlsx') return { bytes: writeXlsx(sheets()), warnings: [] };
  if (format === 'html') return { bytes: new TextEncoder().encode(reportHtml(doc())), warnings: [] };
  if (!font) throw new Error('PDF report needs the figure font / PDF 报告需要图面字体');
  const face = openTrueType(font, FIGURE_FONT_FACE);
  const report = doc();
  const chunks: Uint8Array[] = [];
  const writer = new PdfWriter((b) => chunks.push(b.slice()), face, { title: report.title });
  for (const page of reportPages(report, (str, sizePt) => textWidthMm(face, str, sizePt)))
    writer.addPage(page);
  const { warnings } = writer.finish();
  return { bytes: concat(chunks), warnings: warnings as Bilingual[] };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
