import type { Bilingual } from '../../shared/domain/labels';
import type { Project, ProtectedObject, Zone } from '../../shared/domain/schema';
import type { CarriedContent } from '../../shared/formats/projectFileCarried';
import type { ReviewComment } from '../../shared/formats/projectFile';
import type { LayerListPrefs } from '../../shared/domain/backgrounds';
import type { CommentEntry, Decision, Signoff, VersionHeader } from '../../shared/review/model';

/** The tables a change set may touch, and the record each holds. */
export interface TableRecords extends ReviewTableRecords {
  projects: Project;
  objects: ProtectedObject;
  zones: Zone;
}
export type TableName = keyof TableRecords;

/*
 * The review loop's tables (issue 13, Dexie version 6). Review records are stored under
 * `${projectId}/${entryId}` (reviewRecordKey) so a working copy or a file opened twice cannot
 * collide; their ids inside (`entryId`, anchors, targets) are document ids. They are tables of
 * TableRecords like the document's, written through the same door (validateRecord.ts checks them
 * against shared/review/model.ts); a review copy accepts them alone (readOnly.ts).
 */
export type CommentRecord = CommentEntry & { id: string; projectId: string };
/** `targetId` repeats `target.id` for the `[projectId+targetId]` index. */
export type DecisionRecord = Decision & { id: string; projectId: string; targetId: string };
export type SignoffRecord = Signoff & { id: string; projectId: string };
export interface ReviewTableRecords {
  comments: CommentRecord;
  decisions: DecisionRecord;
  signoffs: SignoffRecord;
}
export type ReviewTableName = keyof ReviewTableRecords;
export const REVIEW_TABLES: readonly ReviewTableName[] = ['comments', 'decisions', 'signoffs'];

/** The store key of a review record or version header. */
export function reviewRecordKey(projectId: string, entryId: string): string {
  return `${projectId}/${entryId}`;
}

/** A named version's header (`versions` table), keyed `${projectId}/${versionId}`. */
export type VersionRecord = VersionHeader & { id: string; projectId: string };

/**
 * One stored record of a named version (`versionRecords`), keyed `<vkey>|<kind>|<table>|<key>`:
 * `pre` = the record's value before the first change after the version was tagged (copy on
 * write), `overlay` = its value in an imported version where it differs from live. `value` null:
 * absent in that version. `versionId` is the header's store key.
 */
export interface VersionRecordRow {
  id: string;
  versionId: string;
  kind: 'pre' | 'overlay';
  table: 'objects' | 'zones';
  key: string;
  value: ProtectedObject | Zone | null;
}

/** The two undo stacks of a window: document edits, and review records (`${session}#review`). */
export type HistoryStack = 'edit' | 'review';

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

/**
 * A record's content as an undo step keeps it while its table holds it: its fingerprint
 * (shared/geometry/fingerprint.ts, recordFingerprint), enough to tell it has not changed since.
 */
export interface HeldRecord {
  fingerprint: number;
}

/**
 * One record's change as the history keeps it: in full what the tables no longer hold, as a
 * fingerprint what they do. While the step is applied `before` is full (or null: created) and
 * `after` a fingerprint (or null: deleted); undoing it swaps the two forms, redoing swaps back.
 */
export type StoredChange = {
  [T in TableName]: {
    table: T;
    key: string;
    before: TableRecords[T] | HeldRecord | null;
    after: TableRecords[T] | HeldRecord | null;
  };
}[TableName];

export interface HistoryEntry {
  seq?: number;
  projectId: string;
  /**
   * The window session that made the step (windowSession.ts): each window undoes and redoes its
   * own steps only. Steps stored before sessions existed belong to LEGACY_SESSION.
   */
  session: string;
  label: Bilingual;
  /** Steps recorded before `stored` existed: every change with both values in full. */
  changes: ChangeSet;
  /**
   * The step's changes (then `changes` is empty): an import of 50 000 zones keeps 50 000 keys
   * and fingerprints, not a second copy of the zones the table already holds.
   */
  stored?: StoredChange[];
  at: string;
}

/**
 * A record's version as the write door compares it: its fingerprint, or null when absent. An edit
 * carries the versions of the records it started from; another window's change in between makes
 * the door refuse it instead of writing over that change.
 */
export interface RecordVersion {
  table: TableName;
  key: string;
  fingerprint: number | null;
}

/**
 * What a project file brought besides the document: its review comments and what this version
 * does not understand (shared/formats/projectFileCarried.ts). Kept with the project in `meta`
 * (fileExtras.ts), outside the undo history, and written back into every file it is saved as.
 */
export interface FileExtras {
  comments: ReviewComment[];
  carried: CarriedContent;
  /**
   * Store id → document id, only for ids the store had to change when the file was opened (the
   * same file opened twice, a working copy): saving, hashing and merging use document ids.
   */
  idMap?: Record<string, string>;
}

/**
 * Small records in the `meta` table: undo cursors per project and window session
 * (`history:<projectId>:<session>`, the seq of the session's last applied history entry, 0 = nothing
 * to undo) and session preferences (`pref:<name>`), kept in
 * IndexedDB because it is durable where localStorage may lose its last writes in a crash.
 */
export interface MetaRecord {
  key: string;
  cursor?: number;
  value?: string;
  /** `savedFiles`: hashes of the project files this installation saved (savedFiles.ts). */
  hashes?: string[];
  /** `fileExtras:<projectId>`: what the project's file carried besides the document (fileExtras.ts). */
  extras?: FileExtras;
  /** `layers:<projectId>`: the project's layer-list settings (layerListStore.ts). */
  layerList?: LayerListPrefs;
}
