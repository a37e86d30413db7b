import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeTransaction } from './connection';
import { WorkbenchDb } from './database';
import { claimWindowSession } from './windowSession';

/** Web Locks shared by the pages of one browser; a page's locks go when it closes. */
class Browser {
  private readonly held = new Map<string, { page: number }>();
  private waiters: (() => void)[] = [];

  page(id: number): LockManager {
    type Work = (lock: Lock | null) => unknown;
    const request = async (name: string, second: LockOptions | Work, third?: Work) => {
      const [options, work] = typeof second === 'function' ? [{}, second] : [second, third!];
      if (options.ifAvailable && this.held.has(name)) return work(null);
      while (this.held.has(name)) {
        if (options.signal?.aborted) throw new DOMException('timed out', 'AbortError');
        await new Promise<void>((wake) => {
          this.waiters.push(wake);
          options.signal?.addEventListener('abort', () => wake());
        });
      }
      const entry = { page: id };
      this.held.set(name, entry);
      const result = Promise.resolve(work({ name, mode: 'exclusive' } as Lock));
      void result.then(() => this.held.get(name) === entry && this.free(name));
      return result;
    };
    const query = async () => ({ held: [...this.held.keys()].map((name) => ({ name })) });
    return { request, query } as unknown as LockManager;
  }

  close(page: number): void {
    for (const [name, lock] of [...this.held]) if (lock.page === page) this.free(name);
  }

  private free(name: string): void {
    this.held.delete(name);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

function storage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

/** Open a page: its locks and its sessionStorage, then claim its session. */
async function open(db: WorkbenchDb, browser: Browser, page: number, tabStorage = storage()) {
  vi.stubGlobal('navigator', { locks: browser.page(page) });
  vi.stubGlobal('sessionStorage', tabStorage);
  const session = await claimWindowSession(db, 50);
  return { session, tabStorage };
}

afterEach(() => vi.unstubAllGlobals());

describe('window sessions', () => {
  it('keep a tab’s session over a reload, give a duplicated tab its own, and pass a closed one on', async () => {
    const db = new WorkbenchDb('sessions', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    const browser = new Browser();
    const first = await open(db, browser, 1);
    const step = { projectId: 'p', session: first.session, label: { zh: '', en: '' }, changes: [], at: '' };
    await writeTransaction(db, ['history'], () => db.history.add(step));

    // A reload: the old page lets go, the new one finds the id in the tab's sessionStorage.
    browser.close(1);
    const reloaded = await open(db, browser, 2, first.tabStorage);
    expect(reloaded.session).toBe(first.session);

    // A duplicated tab copies sessionStorage while the original is open: it gets a new session.
    const duplicate = await open(db, browser, 3, storage(Object.fromEntries(first.tabStorage.items)));
    expect(duplicate.session).not.toBe(first.session);

    // A new tab while the first is open does not take its history; after it closes, one does.
    const other = await open(db, browser, 4);
    expect([first.session, duplicate.session]).not.toContain(other.session);
    browser.close(2);
    const next = await open(db, browser, 5);
    expect(next.session).toBe(first.session);
    db.close();
  });

  it('pass a closed window’s review stack on with its session, never as a session of its own', async () => {
    const db = new WorkbenchDb('review-sessions', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    const browser = new Browser();
    const first = await open(db, browser, 1);
    // The window only commented: its steps are all on its review stack.
    const step = {
      projectId: 'p',
      session: `${first.session}#review`,
      label: { zh: '', en: '' },
      changes: [],
      at: '',
    };
    await writeTransaction(db, ['history'], () => db.history.add(step));
    browser.close(1);
    const next = await open(db, browser, 2);
    expect(next.session).toBe(first.session);
    db.close();
  });
});
