import type { ProjectDocument } from '../../../shared/formats/projectDocument';
import type { Command } from './command';
import { importPlan, type ImportSummary } from './importPlan';

/**
 * Bring imported objects and zones into the open project as one undo step: zones the project
 * already holds (same zone id or BSM) are updated, the others added (importPlan.ts). `summary()`
 * tells what the committed step did.
 */
export function importDocument(
  projectId: string,
  document: Pick<ProjectDocument, 'objects' | 'zones'>,
  source: string,
  mappedProperties?: readonly string[],
): Command & { summary(): ImportSummary | null } {
  const count = document.zones.length;
  let summary: ImportSummary | null = null;
  return {
    label: { zh: `导入 ${source}（${count} 个区划）`, en: `Import ${source} (${count} zones)` },
    undo: 'record',
    async build(read) {
      const plan = await importPlan(read, projectId, document, mappedProperties);
      summary = plan.summary;
      return plan.puts;
    },
    summary: () => summary,
  };
}
