import type { ProjectDocument } from '../../../shared/formats/projectDocument';
import { documentPuts } from './documentPuts';
import type { Command } from './command';

/** Add imported objects and zones to the open project as one undo step. */
export function importDocument(
  projectId: string,
  document: Pick<ProjectDocument, 'objects' | 'zones'>,
  source: string,
): Command {
  const count = document.zones.length;
  return {
    label: { zh: `导入 ${source}（${count} 个区划）`, en: `Import ${source} (${count} zones)` },
    undo: 'record',
    build: (read) => documentPuts(read, projectId, document),
  };
}
