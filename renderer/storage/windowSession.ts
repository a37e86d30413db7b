import type { WorkbenchDb } from './database';

/**
 * A window session: the owner of a run of undo steps. Each window (tab) undoes only its own steps.
 * The id lives in the tab's sessionStorage, so a reload keeps its undo history; while the window
 * is open it holds a Web Lock named after the session, so no second window (a duplicated tab
 * copies sessionStorage) takes the same one. A new window adopts the most recent session no open
 * window holds — the desktop window reopened after a restart continues its undo history.
 */
const STORAGE_KEY = 'hzw:session';
const LOCK_PREFIX = 'hzw:session:';
/** How long a reloaded window waits for its previous page to let go of the session's lock. */
const RELOAD_WAIT_MS = 3000;

function storedId(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Hold the lock until the window goes; resolves to whether it was granted. */
function hold(locks: LockManager, id: string, options: LockOptions): Promise<boolean> {
  return new Promise((granted) => {
    locks
      .request(LOCK_PREFIX + id, options, (lock) => {
        granted(lock !== null);
        return lock ? new Promise<never>(() => {}) : undefined;
      })
      .catch(() => granted(false));
  });
}

/**
 * Sessions of recent undo steps, newest first, that no open window holds. A window's second stack
 * (`<session>#review`, history.ts) is no session of its own: it goes with the window that adopts
 * `<session>`, so a review step alone also offers its window session for adoption.
 */
async function orphans(db: WorkbenchDb, locks: LockManager): Promise<string[]> {
  const held = new Set(((await locks.query()).held ?? []).map((l) => l.name));
  const recent = await db.history.reverse().limit(200).toArray();
  const sessions = [...new Set(recent.map((e) => e.session.split('#')[0]!))];
  return sessions.filter((s) => !held.has(LOCK_PREFIX + s));
}

export async function claimWindowSession(db: WorkbenchDb, reloadWaitMs = RELOAD_WAIT_MS): Promise<string> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return crypto.randomUUID();
  const id = await locks.request('hzw:session-claim', async () => {
    const own = storedId();
    if (own && (await hold(locks, own, { signal: AbortSignal.timeout(reloadWaitMs) }))) return own;
    for (const orphan of await orphans(db, locks)) {
      if (await hold(locks, orphan, { ifAvailable: true })) return orphan;
    }
    const fresh = crypto.randomUUID();
    await hold(locks, fresh, { ifAvailable: true });
    return fresh;
  });
  try {
    sessionStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Without sessionStorage the session lasts as long as the page.
  }
  return id;
}
