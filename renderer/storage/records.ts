import type { Bilingual } from '../../shared/domain/labels';
import type { Project, ProtectedObject, Zone } from '../../shared/domain/schema';

/** The tables a change set may touch, and the record each holds. */
export interface TableRecords {
  projects: Project;
  objects: ProtectedObject;
  zones: Zone;
}
export type TableName = keyof TableRecords;

/**
 * One record's change. `before` null means the record was created, `after` null that it was
 * deleted. A change set is an ordered list of these, committed in one transaction.
 */
export type Change = {
  [T in TableName]: { table: T; key: string; before: TableRecords[T] | null; after: TableRecords[T] | null };
}[TableName];
export type ChangeSet = Change[];

/** What a command asks for: the new value of a record, or null to delete it. */
export type Put = { [T in TableName]: { table: T; key: string; value: TableRecords[T] | null } }[TableName];

export interface HistoryEntry {
  seq?: number;
  projectId: string;
  label: Bilingual;
  changes: ChangeSet;
  at: string;
}

/**
 * Small records in the `meta` table: per-project undo cursors (`history:<projectId>`, the seq of the
 * last applied history entry, 0 = nothing to undo) and session preferences (`pref:<name>`), kept in
 * IndexedDB because it is durable where localStorage may lose its last writes in a crash.
 */
export interface MetaRecord {
  key: string;
  cursor?: number;
  value?: string;
}
