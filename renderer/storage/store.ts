import { liveQuery } from 'dexie';
import { WorkbenchDb, DATABASE_NAME } from './database';
import { commit, type CommitRequest, type CommitResult } from './commit';
import {
  historyState,
  redo,
  REVIEW_STACK,
  stackSession,
  undo,
  type HistoryState,
  type StepResult,
} from './history';
import { createReader, type Reader } from './reader';
import { isReadOnly } from './readOnly';
import { claimWindowSession } from './windowSession';
import { readFileExtras, type FileExtras } from './fileExtras';
import { wasSavedHere } from './savedFiles';
import { preferenceKey, type OutsideHistoryRequest, type OutsideWrite } from './outsideHistory';
import { createReferenceLayerStore, type ReferenceLayerStore } from './referenceLayerStore';
import { createBackgroundStore, type BackgroundStore } from './backgroundStore';
import { createLayerListStore, type LayerListStore } from './layerListStore';
import { UPGRADE_BLOCKED, watchConnection, type Connection } from './connection';
import type { Bilingual } from '../../shared/domain/labels';
import { emptyTrash, trashedProjects } from './projectTrash';
import type { BackgroundAccessValue } from './backgroundAccess';
import type { HistoryStack, TableName, TableRecords } from './records';
import type { Project } from '../../shared/domain/schema';
import type { ReviewQueries, VersionWrites } from './reviewStoreTypes';
export type { VersionDelta, VersionImport, VersionState, VersionWrites } from './reviewStoreTypes';
// The review records as map and ui see them (records.ts is the write path's, guarded).
export type { CommentRecord, DecisionRecord, HistoryStack, SignoffRecord, VersionRecord } from './records';
import { reviewQueries } from './reviewQueries';
import { createVersionWrites } from './versionWrites';
import { watchMutations, type Mutated } from './mutations';

/** Reads available to live queries and one-off reads. */
export interface Queries extends Reader, ReviewQueries {
  /** The stored projects, without those in the trash (projectTrash.ts). */
  projects(): Promise<Project[]>;
  /** This window session's next undo and redo steps in the project (default: the edit stack). */
  history(projectId: string, stack?: HistoryStack): Promise<HistoryState>;
  /** Whether the project is a read-only review copy (see readOnly.ts). */
  readOnly(projectId: string): Promise<boolean>;
  /** Undo-log entries of edits kept for the project (the edit count a saved file records). */
  editCount(projectId: string): Promise<number>;
  /** What the project's file carried besides the document (see fileExtras.ts); null if none. */
  fileExtras(projectId: string): Promise<FileExtras | null>;
  /** These records of one table in one bulk read, in key order (undefined: not stored). */
  records<T extends TableName>(table: T, keys: readonly string[]): Promise<(TableRecords[T] | undefined)[]>;
}

/**
 * The storage facade the rest of the renderer uses: the write door, undo/redo, reads, and live
 * queries that re-run whenever a committed transaction (in this window or another) touches what
 * they read. Nothing outside renderer/storage sees Dexie.
 */
export interface Store {
  /** The window session whose undo steps this store records, undoes and redoes (windowSession.ts). */
  readonly session: string;
  /** The write door: an edit (CommitRequest), or writes kept outside the undo history. */
  commit(request: CommitRequest | OutsideHistoryRequest): Promise<CommitResult>;
  /**
   * Undo this session's last step on one stack (default 'edit'; 'review' = comments, decisions,
   * sign-offs); another window's steps are never undone from here.
   */
  undo(projectId: string, stack?: HistoryStack): Promise<StepResult | null>;
  redo(projectId: string, stack?: HistoryStack): Promise<StepResult | null>;
  /** Named versions (issue 13). */
  versions: VersionWrites;
  read: Queries;
  /** A session preference (e.g. the last project shown); not part of any document or undo step. */
  readPreference(name: string): Promise<string | null>;
  writePreference(name: string, value: string): Promise<void>;
  /** Record that this installation saved a project file with this SHA-256 (savedFiles.ts). */
  rememberSavedFile(hash: string): Promise<void>;
  /** Delete a project, undo-safe: it goes to the trash, kept for the session (projectTrash.ts). */
  trashProject(projectId: string): Promise<void>;
  /** Take a project back out of the trash ("undo delete"). */
  restoreProject(projectId: string): Promise<void>;
  /** Whether this installation recorded saving a project file with this SHA-256. */
  wasSavedHere(hash: string): Promise<boolean>;
  /** The project's reference layers, on this store's connection, written through its door. */
  referenceLayers: ReferenceLayerStore;
  /** The project's backgrounds and how this installation reaches their files (backgroundStore.ts). */
  backgrounds: BackgroundStore;
  /** The project's layer-list settings: order, visibility, opacity, zone types, labels. */
  layerList: LayerListStore;
  /** Whether the connection is open, or closed because a newer version upgraded the database. */
  connection: Connection;
  observe<T>(
    query: (q: Queries) => Promise<T>,
    onValue: (value: T) => void,
    onError: (error: unknown) => void,
  ): () => void;
  /**
   * Called after each committed transaction (this window, a worker or another window) with the
   * keys it changed per document table (mutations.ts): a mirror re-reads only those.
   */
  changes(listener: (mutated: Mutated) => void): () => void;
  close(): void;
}

export interface StoreOptions {
  name?: string;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /**
   * The window session: an id, or 'window' to claim the tab's own (windowSession.ts). Absent: a
   * session of this store alone (tests, workers that pass the window's session per commit).
   */
  session?: string;
  /** Called, with what to tell the planner, while opening waits for older windows to let go. */
  onBlocked?: (message: Bilingual) => void;
  /**
   * Drop the access to a background deleted for good with a project emptied from the trash (the
   * desktop forgets its grant: `Platform.forgetBackground`). Failures are only logged.
   */
  forgetAccess?: (access: BackgroundAccessValue) => Promise<void>;
}

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const { name = DATABASE_NAME, session: wanted, onBlocked, forgetAccess, ...idb } = options;
  const db = new WorkbenchDb(name, idb);
  const connection = watchConnection(db, () => onBlocked?.(UPGRADE_BLOCKED));
  await db.open();
  const session = wanted === 'window' ? await claimWindowSession(db) : (wanted ?? crypto.randomUUID());
  // Projects deleted in an earlier session, long enough ago, are now deleted for good.
  const { accesses } = await emptyTrash(db);
  for (const access of forgetAccess ? accesses : [])
    forgetAccess!(access).catch((error: unknown) => console.warn('forgetting a background failed', error));
  const read: Queries = {
    ...createReader(db),
    async projects() {
      const [projects, trashed] = await Promise.all([db.projects.toArray(), trashedProjects(db)]);
      return trashed.size ? projects.filter((p) => !trashed.has(p.id)) : projects;
    },
    history: (projectId, stack) => historyState(db, { projectId, session: stackSession(session, stack) }),
    readOnly: (projectId) => isReadOnly(db, projectId),
    // Edits only: review records' steps (`<session>#review`) are no edits of the document.
    editCount: (projectId) =>
      db.history
        .where('projectId')
        .equals(projectId)
        .filter((entry) => !entry.session.includes(REVIEW_STACK))
        .count(),
    fileExtras: (projectId) => readFileExtras(db, projectId),
    records: (table, keys) => db.table(table).bulkGet([...keys]),
    ...reviewQueries(db, (name) => store.readPreference(name)),
  };
  const outside = async (...writes: OutsideWrite[]) => void (await commit(db, { outsideHistory: writes }));
  const store: Store = {
    session,
    commit: (request) =>
      commit(db, 'outsideHistory' in request ? request : { ...request, session: request.session ?? session }),
    undo: (projectId, stack) => undo(db, { projectId, session: stackSession(session, stack) }),
    redo: (projectId, stack) => redo(db, { projectId, session: stackSession(session, stack) }),
    versions: createVersionWrites(db, outside),
    async readPreference(name) {
      return (await db.meta.get(preferenceKey(name)))?.value ?? null;
    },
    writePreference: (name, value) => outside({ kind: 'preference', name, value }),
    rememberSavedFile: (hash) => outside({ kind: 'savedFile', hash }),
    trashProject: (projectId) => outside({ kind: 'trashProject', projectId, at: new Date().toISOString() }),
    restoreProject: (projectId) => outside({ kind: 'restoreProject', projectId }),
    wasSavedHere: (hash) => wasSavedHere(db, hash),
    referenceLayers: createReferenceLayerStore(db, (writes) => outside(...writes)),
    backgrounds: createBackgroundStore(db, (writes) => outside(...writes)),
    layerList: createLayerListStore(db, (writes) => outside(...writes)),
    connection,
    read,
    observe(query, onValue, onError) {
      const subscription = liveQuery(() => query(read)).subscribe({ next: onValue, error: onError });
      return () => subscription.unsubscribe();
    },
    changes: (listener) => watchMutations(db.name, listener),
    close: () => db.close(),
  };
  return store;
}

/**
 * Ask the browser not to evict our data under storage pressure. Resolves to whether the data is
 * persistent; the UI warns when it is not.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}

let workerDb: WorkbenchDb | null = null;

/**
 * Read access for a worker that reads the window's database (the checks worker): one read-only
 * connection of its own, opened on first use and opened again if another window's upgrade closed
 * it. It never writes: every write still goes through a window's store and its door. Long work
 * on what it read starts in a task of its own (storedChecks.ts): run in a read's success task, it
 * keeps that read's transaction open and every write to the table waits for it.
 */
export async function openWorkerReader(): Promise<Reader> {
  workerDb ??= new WorkbenchDb();
  if (!workerDb.isOpen()) await workerDb.open();
  return createReader(workerDb);
}
