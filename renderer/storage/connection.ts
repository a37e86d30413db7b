import type { Bilingual } from '../../shared/domain/labels';
import { CommitError } from './commitError';
import type { WorkbenchDb } from './database';
import { markDoorTransaction } from './writeDoorMark';
import { withWriteLock } from './writeLock';

/**
 * The window's one connection to the database, and the one way to write through it. Every write
 * (a commit, an undo, a redo) runs in `writeTransaction`: under the cross-window write lock, in
 * one read-write transaction, and only while the connection is open.
 *
 * When another window — a newer version of the app — upgrades the database, IndexedDB asks this
 * connection to close (`versionchange`). Dexie's default would close at once and reopen on the
 * next read, which then fails against the newer schema. Instead: writes already running finish,
 * the connection closes, later writes are refused with a message saying why, and the state turns
 * 'closed' so the window can offer a reload. Nothing typed or drawn is discarded by this module;
 * the window keeps its state until the planner reloads.
 */
export type ConnectionState = 'open' | 'closing' | 'closed';

export interface Connection {
  state(): ConnectionState;
  /** Called on every change of state; returns the unsubscribe function. */
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

interface Tracked {
  state: ConnectionState;
  running: Set<Promise<unknown>>;
  listeners: Set<(state: ConnectionState) => void>;
}

const connections = new WeakMap<WorkbenchDb, Tracked>();

/** What the window says when the database was upgraded by a newer version elsewhere. */
export const UPGRADED_ELSEWHERE: Bilingual = {
  zh: '另一窗口中较新版本的工作台升级了项目数据库，此窗口已断开连接。已保存的修改都在；请重新加载此窗口后继续',
  en: 'A newer version of the workbench in another window upgraded the project database, so this window closed its connection. Everything saved is kept; reload this window to continue',
};

/** What the window says while its own upgrade waits for older windows to let go. */
export const UPGRADE_BLOCKED: Bilingual = {
  zh: '正在升级项目数据库：请关闭其他打开的工作台窗口（旧版本），升级将自动继续',
  en: 'Upgrading the project database: close the other open workbench windows (older version); the upgrade then continues by itself',
};

function set(tracked: Tracked, state: ConnectionState): void {
  tracked.state = state;
  for (const listener of tracked.listeners) listener(state);
}

/**
 * Take charge of the connection's lifecycle; call before `db.open()`. `onBlocked` is called when
 * opening needs an upgrade that other (older) windows still hold up.
 */
export function watchConnection(db: WorkbenchDb, onBlocked: () => void = () => {}): Connection {
  const tracked: Tracked = { state: 'open', running: new Set(), listeners: new Set() };
  connections.set(db, tracked);
  db.on('versionchange', () => {
    if (tracked.state !== 'open') return false;
    set(tracked, 'closing');
    void Promise.allSettled([...tracked.running]).then(() => {
      db.close();
      set(tracked, 'closed');
    });
    // Stop Dexie's own handler, which would close at once and reopen on the next read.
    return false;
  });
  db.on('blocked', () => onBlocked());
  return {
    state: () => tracked.state,
    subscribe(listener) {
      tracked.listeners.add(listener);
      return () => tracked.listeners.delete(listener);
    },
  };
}

function refusedClosed(): CommitError {
  return new CommitError([{ subject: '', message: UPGRADED_ELSEWHERE }], {
    zh: '未保存：数据库已被新版本升级，请重新加载',
    en: 'Not saved: the database was upgraded by a newer version; reload',
  });
}

/** The one way to write: under the write lock, in one rw transaction, while the connection is open. */
export function writeTransaction<T>(
  db: WorkbenchDb,
  tables: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  return withWriteLock(async () => {
    const tracked = connections.get(db);
    if (tracked && tracked.state !== 'open') throw refusedClosed();
    // An async scope function: Dexie keeps the transaction across native awaits only for those
    // (otherwise later writes would escape into transactions of their own — database.ts refuses them).
    const run = db.transaction('rw', [...tables], async (transaction) => {
      markDoorTransaction(transaction.idbtrans);
      return work();
    });
    tracked?.running.add(run);
    try {
      return await run;
    } finally {
      tracked?.running.delete(run);
    }
  });
}
