import type { ExportLint } from '../../shared/formats/mapping/exportLint';
import type { ProjectDocument } from '../../shared/formats/projectDocument';
import { runJob } from '../jobs/runJob';
import {
  databaseLayerOf,
  documentInScope,
  exportOptionsOf,
  type ExportChoice,
  type SelectionLike,
} from './transferExportOptions';

/**
 * The pre-export check of a dialog choice, run in a worker on exactly what the export would
 * write (same scope, zone types, profile and options); null when the choice writes no
 * planning-database layer and there is nothing the database QC would look at.
 */
export async function lintExportChoice(
  document: ProjectDocument,
  choice: ExportChoice,
  selection: SelectionLike,
  signal: AbortSignal,
): Promise<ExportLint | null> {
  if (!databaseLayerOf(choice)) return null;
  const part = documentInScope(document, choice.scope, selection);
  const options = exportOptionsOf(choice, document.settings.name);
  return runJob('lintExport', { document: part, options }, { signal });
}

/** What the dialog does with the findings: block on errors, ask to export anyway on warnings. */
export function lintVerdict(lint: ExportLint | null): 'clean' | 'confirm' | 'blocked' {
  if (!lint) return 'clean';
  if (lint.findings.some((f) => f.severity === 'error')) return 'blocked';
  return lint.findings.some((f) => f.severity === 'warning') ? 'confirm' : 'clean';
}
