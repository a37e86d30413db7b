import type { Bilingual } from '../domain/labels';
import type { ProjectDocument } from '../formats/projectDocument';
import type { CompareResult, CompareSide } from './compareTypes';
import type { CommentEntry, Decision, Signoff, SignoffState } from './model';

/** The inputs of the change report and the review report (审查意见) jobs (design §7). */

export type ReportFormat = 'xlsx' | 'html' | 'pdf';

export interface ChangeReportInput {
  result: CompareResult;
  a: CompareSide;
  b: CompareSide;
  gkZone: number;
  format: ReportFormat;
  /** The figure font's bytes, for PDF (the page fetches FIGURE_FONT_URL and transfers them). */
  font?: Uint8Array;
}

export interface ReviewReportInput {
  /** The reviewed document, in document ids. */
  document: ProjectDocument;
  comments: CommentEntry[];
  decisions: Decision[];
  signoffs: { signoff: Signoff; state: SignoffState }[];
  gkZone: number;
  format: ReportFormat;
  font?: Uint8Array;
}

export interface ReportOutput {
  bytes: Uint8Array;
  /** E.g. glyphs the PDF font lacks. */
  warnings: Bilingual[];
}
