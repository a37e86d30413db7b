import type { Bilingual } from '../../shared/domain/labels';
import type { WorkbenchDb } from './database';
import { invert, replay } from './changeSet';
import type { ChangeSet, HistoryEntry } from './records';
import { flipStored, storedForm } from './storedChanges';
import { assertWritable } from './readOnly';
import { withWriteLock } from './writeLock';

/** How many undo steps a project keeps (at least); older ones are dropped. */
export const HISTORY_LIMIT = 500;

const cursorKey = (projectId: string) => `history:${projectId}`;

async function cursorOf(db: WorkbenchDb, projectId: string): Promise<number> {
  return (await db.meta.get(cursorKey(projectId)))?.cursor ?? 0;
}

function entriesOf(db: WorkbenchDb, projectId: string, from: number, to: number) {
  return db.history.where('[projectId+seq]').between([projectId, from], [projectId, to], true, true);
}

/** Append an undo step after the cursor, dropping the redo branch and the oldest steps past the limit. */
export async function recordHistory(
  db: WorkbenchDb,
  projectId: string,
  label: Bilingual,
  changes: ChangeSet,
): Promise<void> {
  const cursor = await cursorOf(db, projectId);
  await entriesOf(db, projectId, cursor + 1, Infinity).delete();
  const entry = { projectId, label, changes: [], stored: storedForm(changes), at: new Date().toISOString() };
  const seq = await db.history.add(entry);
  await db.meta.put({ key: cursorKey(projectId), cursor: seq as number });
  // Trimming needs a count; doing it every 50th step keeps commits short and the log bounded.
  if ((seq as number) % 50 !== 0) return;
  const count = await entriesOf(db, projectId, 0, Infinity).count();
  if (count > HISTORY_LIMIT) {
    const stale = await entriesOf(db, projectId, 0, Infinity)
      .limit(count - HISTORY_LIMIT)
      .primaryKeys();
    await db.history.bulkDelete(stale);
  }
}

/** Undo or redo one step, in whichever form the history holds it (records.ts). */
async function applyStep(db: WorkbenchDb, entry: HistoryEntry, direction: 'undo' | 'redo'): Promise<void> {
  if (!entry.stored) {
    await replay(db, direction === 'undo' ? invert(entry.changes) : entry.changes);
    return;
  }
  const stored = await flipStored(db, entry.stored, direction);
  await db.history.put({ ...entry, stored });
}

export interface HistoryState {
  undo: Bilingual | null;
  redo: Bilingual | null;
}

/** Labels of the next undo and redo steps (null when there is none). */
export async function historyState(db: WorkbenchDb, projectId: string): Promise<HistoryState> {
  const cursor = await cursorOf(db, projectId);
  const undo = cursor > 0 ? await db.history.get(cursor) : undefined;
  const redo = await entriesOf(db, projectId, cursor + 1, Infinity).first();
  return { undo: undo?.label ?? null, redo: redo?.label ?? null };
}

/** Undo the step at the cursor. Resolves to the step undone, or null when there is none. */
export function undo(db: WorkbenchDb, projectId: string): Promise<HistoryEntry | null> {
  return withWriteLock(() =>
    db.transaction('rw', [db.projects, db.objects, db.zones, db.history, db.meta], async () => {
      await assertWritable(db, projectId);
      const cursor = await cursorOf(db, projectId);
      const entry = cursor > 0 ? await db.history.get(cursor) : undefined;
      if (!entry) return null;
      await applyStep(db, entry, 'undo');
      const previous = await entriesOf(db, projectId, 0, cursor - 1).last();
      await db.meta.put({ key: cursorKey(projectId), cursor: previous?.seq ?? 0 });
      return entry;
    }),
  );
}

/** Redo the step after the cursor. Resolves to the step redone, or null when there is none. */
export function redo(db: WorkbenchDb, projectId: string): Promise<HistoryEntry | null> {
  return withWriteLock(() =>
    db.transaction('rw', [db.projects, db.objects, db.zones, db.history, db.meta], async () => {
      await assertWritable(db, projectId);
      const cursor = await cursorOf(db, projectId);
      const entry = await entriesOf(db, projectId, cursor + 1, Infinity).first();
      if (!entry) return null;
      await applyStep(db, entry, 'redo');
      await db.meta.put({ key: cursorKey(projectId), cursor: entry.seq! });
      return entry;
    }),
  );
}
