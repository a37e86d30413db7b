import type { WorkbenchDb } from './database';
import { CommitError } from './commitError';
import { REVIEW_TABLES } from './records';

/**
 * Review copies: a project file opened from elsewhere is stored as a read-only project. The flag
 * lives in the `meta` table (`review:<projectId>`), so it survives restarts and needs no schema
 * change; the write door and undo/redo refuse every change to such a project except one made only
 * of review records (comments, decisions, sign-offs): the one thing a reviewer adds.
 */
const reviewKey = (projectId: string) => `review:${projectId}`;
export const READ_ONLY = 'read-only';

/** The tables a review copy accepts writes to: what a reviewer adds, never the document. */
const REVIEW_ONLY: ReadonlySet<string> = new Set(REVIEW_TABLES);

export async function isReadOnly(db: WorkbenchDb, projectId: string): Promise<boolean> {
  return (await db.meta.get(reviewKey(projectId)))?.value === READ_ONLY;
}

export async function markReadOnly(db: WorkbenchDb, projectId: string): Promise<void> {
  await db.meta.put({ key: reviewKey(projectId), value: READ_ONLY });
}

/**
 * Throw when the project is a review copy and the change (writing `tables`) is not made of review
 * records alone: then nothing of it may be written.
 */
export async function assertWritable(
  db: WorkbenchDb,
  projectId: string,
  tables: readonly string[] = [],
): Promise<void> {
  if (tables.length > 0 && tables.every((t) => REVIEW_ONLY.has(t))) return;
  if (!(await isReadOnly(db, projectId))) return;
  throw new CommitError(
    [
      {
        subject: '',
        message: {
          zh: '这是只读的审阅副本，不能修改；请先“制作工作副本”',
          en: 'This is a read-only review copy and cannot be changed; make a working copy first',
        },
      },
    ],
    { zh: '审阅模式：只读', en: 'Review mode: read-only' },
  );
}
