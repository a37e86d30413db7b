import type { Bilingual } from '../../shared/domain/labels';
import type { Platform } from '../platform/platform';
import { currentDocument } from './projectSession';
import { withJob } from './transferJob';
import { documentInScope, exportOptionsOf, type ExportChoice } from './transferExportOptions';
import { exportFilter } from '../../shared/ipc/fileTypes';
import type { Workbench } from './workbench';

/** Names of the files an export saved, for the notice. */
export interface ExportOutcome {
  saved: string[];
}

/**
 * Export the open project (or the chosen part of it) in the chosen format: the worker writes the
 * files, the platform saves each (desktop: a save dialog; web: a download). The notice names the
 * files and every field the format had to rename (DBF names are at most 10 bytes).
 */
export async function exportFiles(
  workbench: Workbench,
  platform: Platform,
  choice: ExportChoice,
): Promise<ExportOutcome | null> {
  const whole = await currentDocument(workbench);
  const document = documentInScope(whole, choice.scope, workbench.state.get().selection);
  if (document.zones.length === 0) {
    workbench.notify('error', { zh: '没有可导出的区划', en: 'There are no zones to export' });
    return null;
  }
  const options = exportOptionsOf(choice, document.settings.name);
  const label = { zh: `正在导出 ${options.format}`, en: `Exporting ${options.format}` };
  const output = await withJob(workbench, label, 'writeExport', { document, options });
  if (!output) return null;
  const saved: string[] = [];
  for (const file of output.files) {
    const filter = exportFilter(file.name, workbench.state.get().lang);
    const result = await platform.exportFile({
      handle: null,
      suggestedName: file.name,
      bytes: file.bytes,
      filters: filter ? [filter] : [],
    });
    if (result) saved.push(result.name);
  }
  if (saved.length === 0) return { saved };
  const details: Bilingual[] = [
    ...output.renamedFields.map((r) => ({
      zh: `字段 ${r.from} 改名为 ${r.to}（${r.layer}）`,
      en: `Field ${r.from} renamed to ${r.to} (${r.layer})`,
    })),
    ...output.warnings,
  ];
  const names = saved.join(', ');
  workbench.notify(
    'info',
    { zh: `已导出 ${names}`, en: `Exported ${names}` },
    details.length ? details : undefined,
  );
  return { saved };
}
