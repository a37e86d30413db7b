import type { Bilingual } from '../../shared/domain/labels';
import type { WorkbenchDb } from './database';
import { invert, replay } from './changeSet';
import type {
  ChangeSet,
  HeldRecord,
  HistoryEntry,
  HistoryStack,
  RecordVersion,
  StoredChange,
} from './records';
import { versionOf } from './recordVersion';
import { flipStored, storedForm } from './storedChanges';
import { assertWritable } from './readOnly';
import { writeTransaction } from './connection';
import { captureBeforeWrite } from './versionCapture';

const STEP_TABLES = [
  'projects',
  'objects',
  'zones',
  'comments',
  'decisions',
  'signoffs',
  'history',
  'meta',
  'versions',
  'versionRecords',
] as const;

/** How many undo steps a project keeps (at least); older ones are dropped. */
export const HISTORY_LIMIT = 500;

/** Where one window session's undo history of one project stands. */
export interface HistoryScope {
  projectId: string;
  session: string;
}

/**
 * A window has two undo stacks per project (records.ts, HistoryStack): its edits, and its review
 * records (comments, decisions, sign-offs: a reviewer's answers are undone apart from the
 * planner's geometry). The session that owns a stack's steps: the window session for edits, `<session>#review` for
 * review records, so the review stack follows its window (a reload or an adopted session keeps both).
 */
export function stackSession(session: string, stack: HistoryStack = 'edit'): string {
  return stack === 'review' ? `${session}${REVIEW_STACK}` : session;
}
export const REVIEW_STACK = '#review';

const cursorKey = ({ projectId, session }: HistoryScope) => `history:${projectId}:${session}`;

async function cursorOf(db: WorkbenchDb, scope: HistoryScope): Promise<number> {
  return (await db.meta.get(cursorKey(scope)))?.cursor ?? 0;
}

/** The session's own steps of the project with seq in [from, to]; other windows' steps interleave. */
function entriesOf(db: WorkbenchDb, { projectId, session }: HistoryScope, from: number, to: number) {
  return db.history
    .where('[projectId+session+seq]')
    .between([projectId, session, from], [projectId, session, to], true, true);
}

function projectEntries(db: WorkbenchDb, projectId: string) {
  return db.history.where('[projectId+seq]').between([projectId, 0], [projectId, Infinity], true, true);
}

/**
 * Append an undo step after the cursor, dropping the redo branch and the oldest steps past the
 * limit. `stored`: the changes' stored form when the caller worked it out already.
 */
export async function recordHistory(
  db: WorkbenchDb,
  scope: HistoryScope,
  label: Bilingual,
  changes: ChangeSet,
  stored: StoredChange[] = storedForm(changes),
): Promise<number> {
  const cursor = await cursorOf(db, scope);
  await entriesOf(db, scope, cursor + 1, Infinity).delete();
  const entry = {
    projectId: scope.projectId,
    session: scope.session,
    label,
    changes: [],
    stored,
    at: new Date().toISOString(),
  };
  const seq = await db.history.add(entry);
  await db.meta.put({ key: cursorKey(scope), cursor: seq as number });
  // Trimming needs a count; doing it every 50th step keeps commits short and the log bounded.
  // The limit is per project: the oldest steps go, whichever window made them.
  if ((seq as number) % 50 !== 0) return seq as number;
  const count = await projectEntries(db, scope.projectId).count();
  if (count > HISTORY_LIMIT) {
    const stale = await projectEntries(db, scope.projectId)
      .limit(count - HISTORY_LIMIT)
      .primaryKeys();
    await db.history.bulkDelete(stale);
  }
  return seq as number;
}

/**
 * Append `changes` to the session's step `seq` (a follow-up of that step, e.g. the derived zones
 * its source edit regenerated), so undo takes both back together. Only while that step is the
 * session's last applied one and no step of the project (from any window) came after it; otherwise
 * false, and the caller records a step of its own. A record already in the step keeps the step's
 * `before` and takes the new `after`.
 */
export async function amendHistory(
  db: WorkbenchDb,
  scope: HistoryScope,
  seq: number,
  changes: ChangeSet,
): Promise<boolean> {
  const entry = await db.history.get(seq);
  if (!entry?.stored || entry.projectId !== scope.projectId || entry.session !== scope.session) return false;
  if ((await cursorOf(db, scope)) !== seq) return false;
  const later = await db.history
    .where('[projectId+seq]')
    .between([scope.projectId, seq], [scope.projectId, Infinity], false, true)
    .count();
  if (later > 0) return false;
  const stored = entry.stored.slice();
  const at = new Map(stored.map((c, i) => [`${c.table}/${c.key}`, i]));
  for (const change of storedForm(changes)) {
    const i = at.get(`${change.table}/${change.key}`);
    if (i === undefined) stored.push(change);
    else stored[i] = { ...stored[i]!, after: change.after } as StoredChange;
  }
  await db.history.put({ ...entry, stored });
  return true;
}

/**
 * Undo or redo one step, in whichever form the history holds it (records.ts). Resolves to the
 * versions of the records it wrote, so the window can tell its own writes from another window's.
 */
async function applyStep(
  db: WorkbenchDb,
  entry: HistoryEntry,
  direction: 'undo' | 'redo',
): Promise<RecordVersion[]> {
  // Named versions keep what the step is about to overwrite (versionCapture.ts).
  await captureBeforeWrite(db, entry.projectId, entry.stored ?? entry.changes);
  if (!entry.stored) {
    const changes = direction === 'undo' ? invert(entry.changes) : entry.changes;
    await replay(db, changes);
    return changes.map((c) => ({ table: c.table, key: c.key, fingerprint: versionOf(c.after) }));
  }
  const stored = await flipStored(db, entry.stored, direction);
  await db.history.put({ ...entry, stored });
  return stored.map((c) => {
    const now = direction === 'undo' ? c.before : c.after;
    return { table: c.table, key: c.key, fingerprint: now === null ? null : (now as HeldRecord).fingerprint };
  });
}

/** The tables a step writes. */
function tablesOf(entry: HistoryEntry): string[] {
  return [...new Set((entry.stored ?? entry.changes).map((c) => c.table))];
}

/** A step undone or redone: its label and the versions of the records it wrote. */
export interface StepResult {
  label: Bilingual;
  written: RecordVersion[];
}

export interface HistoryState {
  undo: Bilingual | null;
  redo: Bilingual | null;
}

/** Labels of the next undo and redo steps (null when there is none). */
export async function historyState(db: WorkbenchDb, scope: HistoryScope): Promise<HistoryState> {
  const cursor = await cursorOf(db, scope);
  const undo = cursor > 0 ? await db.history.get(cursor) : undefined;
  const redo = await entriesOf(db, scope, cursor + 1, Infinity).first();
  return { undo: undo?.label ?? null, redo: redo?.label ?? null };
}

/**
 * Undo the session's step at its cursor (never another window's). Resolves to the step undone, or
 * null when there is none; refuses when another window has changed one of its records since.
 */
export function undo(db: WorkbenchDb, scope: HistoryScope): Promise<StepResult | null> {
  return writeTransaction(db, STEP_TABLES, async () => {
    const cursor = await cursorOf(db, scope);
    const entry = cursor > 0 ? await db.history.get(cursor) : undefined;
    if (!entry) return null;
    await assertWritable(db, scope.projectId, tablesOf(entry));
    const written = await applyStep(db, entry, 'undo');
    const previous = await entriesOf(db, scope, 0, cursor - 1).last();
    await db.meta.put({ key: cursorKey(scope), cursor: previous?.seq ?? 0 });
    return { label: entry.label, written };
  });
}

/** Redo the session's step after its cursor. Resolves to the step redone, or null when there is none. */
export function redo(db: WorkbenchDb, scope: HistoryScope): Promise<StepResult | null> {
  return writeTransaction(db, STEP_TABLES, async () => {
    const cursor = await cursorOf(db, scope);
    const entry = await entriesOf(db, scope, cursor + 1, Infinity).first();
    if (!entry) return null;
    await assertWritable(db, scope.projectId, tablesOf(entry));
    const written = await applyStep(db, entry, 'redo');
    await db.meta.put({ key: cursorKey(scope), cursor: entry.seq! });
    return { label: entry.label, written };
  });
}
