import Dexie, { type Table } from 'dexie';
import type { WorkbenchDb } from './database';
import { changedSince } from './recordVersion';
import type { Change, ChangeSet, Put, TableName } from './records';
import { sameRecord } from './sameRecord';

/** The change set that undoes `changes`: each change reversed, in reverse order. */
export function invert(changes: ChangeSet): ChangeSet {
  return changes
    .slice()
    .reverse()
    .map((c) => ({ ...c, before: c.after, after: c.before }) as Change);
}

export function tableOf(db: WorkbenchDb, table: TableName): Table<{ id: string }, string> {
  return db.table(table);
}

/** Keys by table, in first-seen order. */
export function keysByTable(items: readonly { table: TableName; key: string }[]): Map<TableName, string[]> {
  const out = new Map<TableName, string[]>();
  for (const { table, key } of items) {
    const keys = out.get(table) ?? [];
    if (keys.length === 0) out.set(table, keys);
    keys.push(key);
  }
  return out;
}

/**
 * The current value of every listed record (null when absent), read with one query per table:
 * a key range walk that returns only the records that exist, so 50 000 new ids cost one pass
 * over the index rather than 50 000 lookups.
 */
export async function currentValues(
  db: WorkbenchDb,
  items: readonly { table: TableName; key: string }[],
): Promise<Map<string, unknown>> {
  const values = new Map<string, unknown>();
  for (const [table, keys] of keysByTable(items)) {
    for (const key of keys) values.set(`${table}/${key}`, null);
    const found = await tableOf(db, table).where(':id').anyOf(keys).toArray();
    for (const record of found) values.set(`${table}/${record.id}`, record);
  }
  return values;
}

/**
 * Write final values with one bulkPut and one bulkDelete per table, every table's writes asked
 * for at once (the database applies them in order; awaiting each table before asking for the
 * next left it idle between tables — half a second between an import's objects and its zones).
 * Any failure fails the caller's transaction, so nothing of it is stored.
 */
export async function writeValues(
  db: WorkbenchDb,
  items: readonly { table: TableName; key: string; value: unknown }[],
): Promise<void> {
  const byTable = new Map<TableName, { puts: { id: string }[]; deletes: string[] }>();
  for (const { table, key, value } of items) {
    let group = byTable.get(table);
    if (!group) byTable.set(table, (group = { puts: [], deletes: [] }));
    if (value === null) group.deletes.push(key);
    else group.puts.push(value as { id: string });
  }
  // Dexie's promises only: what the caller writes next must stay in its transaction (the write
  // door refuses a write outside it).
  await Dexie.Promise.all(
    [...byTable].map(([table, { puts, deletes }]) => {
      const target = tableOf(db, table);
      const put = () => (puts.length ? target.bulkPut(puts) : undefined);
      return deletes.length ? target.bulkDelete(deletes).then(put) : put();
    }),
  );
}

/**
 * Write puts inside the caller's transaction: the records' current values are read with one
 * bulkGet per table, the new ones written with one bulkPut (and bulkDelete) per table, instead of
 * a get and a put awaited one after the other per record. Returns the change set actually applied
 * (puts that change nothing are dropped). A later put of the same record folds into the earlier
 * change, so one change set holds one change per record, in the order records were first put.
 * `check` sees the change set before it is written and may refuse it by throwing; `whileWriting`
 * sees it while the writes are under way.
 */
export async function applyPuts(
  db: WorkbenchDb,
  puts: readonly Put[],
  check: (changes: ChangeSet) => void = () => {},
  whileWriting: (changes: ChangeSet) => void = () => {},
): Promise<ChangeSet> {
  const last = new Map<string, Put>();
  for (const put of puts) last.set(`${put.table}/${put.key}`, put);
  const records = [...last.values()];
  const before = await currentValues(db, records);
  const changes = records
    .map((put) => {
      const id = `${put.table}/${put.key}`;
      return { table: put.table, key: put.key, before: before.get(id), after: put.value } as Change;
    })
    .filter((c) => !sameRecord(c.before, c.after));
  // Checked on the values read here, before anything is written.
  check(changes);
  const writing = writeValues(db, records);
  // The database writes in its own thread: work on the applied changes meanwhile (the history's
  // form of the step), then wait for the writes, so a failed one still fails the transaction.
  try {
    whileWriting(changes);
  } finally {
    await writing;
  }
  return changes;
}

/**
 * Apply a recorded change set (redo) or its inverse (undo). Each record must still hold the value
 * the change starts from; if another window edited it since, nothing is written.
 */
export async function replay(db: WorkbenchDb, changes: ChangeSet): Promise<void> {
  const current = await currentValues(db, changes);
  for (const change of changes) {
    if (!sameRecord(current.get(`${change.table}/${change.key}`), change.before)) {
      throw changedSince(`${change.table}/${change.key}`);
    }
  }
  await writeValues(
    db,
    changes.map((c) => ({ table: c.table, key: c.key, value: c.after })),
  );
}
