import type { CarriedContent } from '../../shared/formats/projectFileCarried';
import type { ReviewComment } from '../../shared/formats/projectFile';
import type { WorkbenchDb } from './database';

/**
 * What a project file brought besides the document: its review comments and what this version
 * does not understand (shared/formats/projectFileCarried.ts). Kept with the project in `meta`
 * (`fileExtras:<projectId>`), outside the undo history, and written back into every file the
 * project is saved as — so nothing a reviewer or a newer version added is lost on re-save.
 */
export interface FileExtras {
  comments: ReviewComment[];
  carried: CarriedContent;
}

const extrasKey = (projectId: string) => `fileExtras:${projectId}`;

export async function readFileExtras(db: WorkbenchDb, projectId: string): Promise<FileExtras | null> {
  return (await db.meta.get(extrasKey(projectId)))?.extras ?? null;
}

export async function writeFileExtras(db: WorkbenchDb, projectId: string, extras: FileExtras): Promise<void> {
  await db.meta.put({ key: extrasKey(projectId), extras });
}
