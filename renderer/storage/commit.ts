import type { Bilingual } from '../../shared/domain/labels';
import type { WorkbenchDb } from './database';
import { applyPuts } from './changeSet';
import { amendHistory, recordHistory } from './history';
import { assertBasis, type Basis } from './recordVersion';
import { createReader, type Reader } from './reader';
import { assertWritable, markReadOnly } from './readOnly';
import { writeFileExtras, type FileExtras } from './fileExtras';
import type { ChangeSet, Put, StoredChange } from './records';
import { storedForm } from './storedChanges';
import { validatePuts } from './validateRecord';
import { writeTransaction } from './connection';
import {
  applyOutside,
  OUTSIDE_TABLES,
  type OutsideHistoryRequest,
  type OutsideWrite,
} from './outsideHistory';
import { capturePreimages } from './versionCapture';

/**
 * The one write door: the only code that writes the database's tables (with undo and redo,
 * history.ts, which run through the same `writeTransaction`). A command builds its puts from what it reads inside the transaction; the
 * puts are validated, compared with the versions the edit started from (another window's change
 * in between refuses the edit), written, and (for undoable commands) recorded as one history
 * entry of the window session — all in one IndexedDB transaction under the cross-window write
 * lock, so an edit is either wholly stored or not at all. What is stored outside the undo history
 * (preferences, saved-file hashes, reference layers: outsideHistory.ts) comes through here too,
 * as a change set with no history entry.
 */
export interface CommitRequest {
  projectId: string;
  label: Bilingual;
  /** 'record': one undo step. 'skip': not undoable (opening a project, loading the sample). */
  undo: 'record' | 'skip';
  build(read: Reader): Promise<Put[]> | Put[];
  /** Store the project as a read-only review copy, in the same transaction (opening for review). */
  readOnly?: boolean;
  /** The versions of the records the edit started from (recordVersion.ts); absent: not compared. */
  basis?: Basis;
  /** The window session whose undo step this is (the store's own when absent). */
  session?: string;
  /**
   * What the project's file carried besides the document, kept with it (opening a file, a working
   * copy). Asked for after `build`, so it can follow the ids build gave the records.
   */
  extras?: () => FileExtras;
  /**
   * Amend mode: the undo step (`CommitResult.step`) this commit follows up, e.g. the derived
   * zones a source edit regenerated. The changes join that step — one gesture, one undo step —
   * when it is still the session's last and no other step came after it; else they are a step of
   * their own. Only with undo 'record'.
   */
  amend?: number;
  /**
   * Writes outside the undo history made in the same transaction, after the puts (a merge's
   * imported versions, the versions a project file brings when it is opened). Asked for after
   * `build`, like `extras`.
   */
  outside?: () => OutsideWrite[];
}

export interface CommitResult {
  changes: ChangeSet;
  /** The undo step (history entry) that holds the changes; absent when none was recorded. */
  step?: number;
}

const WRITE_TABLES = [
  ...new Set([
    'projects',
    'objects',
    'zones',
    'comments',
    'decisions',
    'signoffs',
    'history',
    'versions',
    'versionRecords',
    ...OUTSIDE_TABLES,
  ]),
];

const tablesOf = (puts: readonly Put[]) => [...new Set(puts.map((p) => p.table))];

export function commit(
  db: WorkbenchDb,
  request: (CommitRequest & { session: string }) | OutsideHistoryRequest,
): Promise<CommitResult> {
  if ('outsideHistory' in request) {
    const writes = request.outsideHistory;
    return writeTransaction(db, OUTSIDE_TABLES, async () => {
      await applyOutside(db, writes);
      return { changes: [] };
    });
  }
  return writeTransaction(db, WRITE_TABLES, async () => {
    const puts = validatePuts(await request.build(createReader(db)));
    // A review copy refuses every change but review records; the commit that creates one marks it below.
    await assertWritable(db, request.projectId, tablesOf(puts));
    // The undo step's stored form (a fingerprint per record: a county import's 10 000 zones take
    // a few hundred ms) is worked out while IndexedDB writes the records.
    let stored: StoredChange[] | undefined;
    const recorded = request.undo === 'record' && request.amend === undefined;
    const changes = await applyPuts(
      db,
      puts,
      (found) => assertBasis(found, request.basis),
      (applied) => {
        if (recorded && applied.length > 0) stored = storedForm(applied);
      },
    );
    // Named versions keep what the change overwrote — before `outside` may import versions, so a
    // project created with its file's versions never counts its own creation as a change.
    await capturePreimages(db, request.projectId, changes);
    let step: number | undefined;
    if (changes.length > 0 && request.undo === 'record') {
      const scope = { projectId: request.projectId, session: request.session };
      const amended = request.amend !== undefined && (await amendHistory(db, scope, request.amend, changes));
      step = amended ? request.amend : await recordHistory(db, scope, request.label, changes, stored);
    }
    if (request.readOnly) await markReadOnly(db, request.projectId);
    if (request.extras) await writeFileExtras(db, request.projectId, request.extras());
    if (request.outside) await applyOutside(db, request.outside());
    return step === undefined ? { changes } : { changes, step };
  });
}
