import { recordFingerprint } from '../../shared/geometry/fingerprint';
import type { WorkbenchDb } from './database';
import { currentValues, writeValues } from './changeSet';
import { changedSince } from './recordVersion';
import type { ChangeSet, HeldRecord, StoredChange, TableName } from './records';
import { sameRecord } from './sameRecord';

/**
 * An undo step as the history keeps it (records.ts, StoredChange): the values its tables hold
 * only as fingerprints. A step that created 50 000 zones is 50 000 keys and numbers, written in a
 * fraction of the time the zones took, instead of a second copy of them.
 */
type Stored = StoredChange['before'];

export function isHeld(value: Stored): value is HeldRecord {
  return value !== null && typeof (value as HeldRecord).fingerprint === 'number' && !('id' in value);
}

const held = (record: object | null): HeldRecord | null =>
  record === null ? null : { fingerprint: recordFingerprint(record) };

/** A committed change set as the history stores it: `after` (in the tables) as fingerprints. */
export function storedForm(changes: ChangeSet): StoredChange[] {
  return changes.map(
    (c) => ({ table: c.table, key: c.key, before: c.before, after: held(c.after) }) as StoredChange,
  );
}

/** Whether the record now in the table is the one the step left there. */
function matches(current: unknown, expected: Stored): boolean {
  if (expected === null) return current === null;
  if (isHeld(expected))
    return current !== null && recordFingerprint(current as object) === expected.fingerprint;
  return sameRecord(current, expected);
}

/**
 * Undo (`direction` 'undo') or redo a stored step inside the caller's transaction, and return the
 * step in its new form. Every record must still be what the step left (another window may have
 * edited it since): otherwise nothing is written. The records leaving their tables are kept in
 * full in the returned form, the ones written back become fingerprints again.
 */
export async function flipStored(
  db: WorkbenchDb,
  stored: readonly StoredChange[],
  direction: 'undo' | 'redo',
): Promise<StoredChange[]> {
  const steps = direction === 'undo' ? stored.slice().reverse() : stored.slice();
  const current = await currentValues(db, steps);
  const writes: { table: TableName; key: string; value: unknown }[] = [];
  for (const step of steps) {
    const now = current.get(`${step.table}/${step.key}`) ?? null;
    const [expected, target] = direction === 'undo' ? [step.after, step.before] : [step.before, step.after];
    if (!matches(now, expected) || isHeld(target)) {
      throw changedSince(`${step.table}/${step.key}`);
    }
    writes.push({ table: step.table, key: step.key, value: target });
  }
  await writeValues(db, writes);
  // What left the tables (the records found there) in full; what is there now as fingerprints.
  return stored.map((step) => {
    const leaving = current.get(`${step.table}/${step.key}`) ?? null;
    const written = direction === 'undo' ? step.before : step.after;
    const kept = { left: leaving as object | null, now: held(written as object | null) };
    return (
      direction === 'undo'
        ? { table: step.table, key: step.key, before: kept.now, after: kept.left }
        : { table: step.table, key: step.key, before: kept.left, after: kept.now }
    ) as StoredChange;
  });
}
