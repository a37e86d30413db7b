import type { WorkbenchDb } from './database';
import { currentValues } from './changeSet';
import type { TableName } from './records';
import type { VersionRecord, VersionRecordRow } from './records';
import { isVersionTable, versionRecordKey, type VersionTable, type VersionedRecord } from './versionRecords';

/**
 * Copy-on-write for named versions: before an object or zone changes for the first time after the
 * project's newest version, its value then is kept as a `pre` row of that version. Runs inside
 * the write transaction of every commit (after its puts are known) and every undo and redo (before
 * they write), so a version's state can be rebuilt however the live records moved since.
 * Costs one indexed read when the project has no version, one keyed read of the rows otherwise.
 */
export async function newestVersion(db: WorkbenchDb, projectId: string): Promise<VersionRecord | undefined> {
  return db.versions
    .where('[projectId+seq]')
    .between([projectId, -Infinity], [projectId, Infinity], true, true)
    .last();
}

type Touched = { table: TableName; key: string };

/** The first entry per record (a step holds each record once; this keeps the rows' keys unique). */
function unique<T extends Touched>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((c) => !seen.has(`${c.table}/${c.key}`) && !!seen.add(`${c.table}/${c.key}`));
}

/** Keep the given earlier values of the touched records as `pre` rows where none is kept yet. */
export async function capturePreimages(
  db: WorkbenchDb,
  projectId: string,
  changes: readonly (Touched & { before: unknown })[],
): Promise<void> {
  const versioned = changes.filter((c) => isVersionTable(c.table));
  if (versioned.length === 0) return;
  const newest = await newestVersion(db, projectId);
  if (!newest) return;
  const rows: VersionRecordRow[] = unique(versioned).map((c) => ({
    id: versionRecordKey(newest.id, 'pre', c.table as VersionTable, c.key),
    versionId: newest.id,
    kind: 'pre',
    table: c.table as VersionTable,
    key: c.key,
    value: (c.before ?? null) as VersionedRecord | null,
  }));
  const kept = new Set(
    await db.versionRecords
      .where(':id')
      .anyOf(rows.map((r) => r.id))
      .primaryKeys(),
  );
  const fresh = rows.filter((r) => !kept.has(r.id));
  if (fresh.length) await db.versionRecords.bulkAdd(fresh);
}

/** The same, reading the values the records hold now, before a write (undo, redo) replaces them. */
export async function captureBeforeWrite(
  db: WorkbenchDb,
  projectId: string,
  touched: readonly Touched[],
): Promise<void> {
  const versioned = touched.filter((c) => isVersionTable(c.table));
  if (versioned.length === 0 || !(await newestVersion(db, projectId))) return;
  const values = await currentValues(db, versioned);
  await capturePreimages(
    db,
    projectId,
    versioned.map((c) => ({ ...c, before: values.get(`${c.table}/${c.key}`) ?? null })),
  );
}
