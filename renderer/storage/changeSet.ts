import type { Table } from 'dexie';
import type { WorkbenchDb } from './database';
import { commitError } from './commitError';
import type { Change, ChangeSet, Put, TableName } from './records';
import { sameRecord } from './sameRecord';

/** The change set that undoes `changes`: each change reversed, in reverse order. */
export function invert(changes: ChangeSet): ChangeSet {
  return changes
    .slice()
    .reverse()
    .map((c) => ({ ...c, before: c.after, after: c.before }) as Change);
}

function tableOf(db: WorkbenchDb, table: TableName): Table<{ id: string }, string> {
  return db.table(table);
}

/**
 * Write puts inside the caller's transaction, reading each record's current value first. Returns
 * the change set actually applied (puts that change nothing are dropped). A later put of the same
 * record folds into the earlier change, so one change set holds one change per record.
 */
export async function applyPuts(db: WorkbenchDb, puts: readonly Put[]): Promise<ChangeSet> {
  const byKey = new Map<string, Change>();
  const order: string[] = [];
  for (const put of puts) {
    const id = `${put.table}/${put.key}`;
    const table = tableOf(db, put.table);
    const existing = byKey.get(id);
    const before = existing ? existing.before : ((await table.get(put.key)) ?? null);
    if (put.value === null) await table.delete(put.key);
    else await table.put(put.value);
    if (!existing) order.push(id);
    byKey.set(id, { table: put.table, key: put.key, before, after: put.value } as Change);
  }
  return order.map((id) => byKey.get(id)!).filter((c) => !sameRecord(c.before, c.after));
}

/**
 * Apply a recorded change set (redo) or its inverse (undo). Each record must still hold the value
 * the change starts from; if another window edited it since, nothing is written.
 */
export async function replay(db: WorkbenchDb, changes: ChangeSet): Promise<void> {
  for (const change of changes) {
    const current = (await tableOf(db, change.table).get(change.key)) ?? null;
    if (!sameRecord(current, change.before)) {
      throw commitError(`${change.table}/${change.key}`, {
        zh: '该对象已在别处被修改，此步无法撤销或重做',
        en: 'This record was changed elsewhere since; the step cannot be undone or redone',
      });
    }
  }
  for (const change of changes) {
    const table = tableOf(db, change.table);
    if (change.after === null) await table.delete(change.key);
    else await table.put(change.after);
  }
}
