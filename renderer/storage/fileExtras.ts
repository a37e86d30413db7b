import type { WorkbenchDb } from './database';
import type { FileExtras } from './records';

export type { FileExtras };

/**
 * A project's file extras (records.ts, FileExtras) live in `meta` (`fileExtras:<projectId>`),
 * outside the undo history, and are written back into every file the project is saved as — so
 * nothing a reviewer or a newer version added is lost on re-save.
 */
const extrasKey = (projectId: string) => `fileExtras:${projectId}`;

export async function readFileExtras(db: WorkbenchDb, projectId: string): Promise<FileExtras | null> {
  return (await db.meta.get(extrasKey(projectId)))?.extras ?? null;
}

export async function writeFileExtras(db: WorkbenchDb, projectId: string, extras: FileExtras): Promise<void> {
  await db.meta.put({ key: extrasKey(projectId), extras });
}
