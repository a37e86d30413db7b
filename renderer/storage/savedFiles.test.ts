import { afterEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openStore, type Store } from './store';

let store: Store;
afterEach(() => store.close());

describe('the record of saved project files', () => {
  it('keeps the newest entries up to its limit; saving again refreshes an entry', async () => {
    store = await openStore({ name: 'saved-files', indexedDB: new IDBFactory(), IDBKeyRange });
    const remember = (hash: string) =>
      store.commit({ outsideHistory: [{ kind: 'savedFile', hash, limit: 3 }] });
    for (const hash of ['a', 'b', 'c']) await remember(hash);
    await remember('a'); // saved again: newest, nothing else dropped
    const saved = (hashes: string[]) => Promise.all(hashes.map((h) => store.wasSavedHere(h)));
    expect(await saved(['a', 'b', 'c'])).toEqual([true, true, true]);
    await remember('d');
    expect(await saved(['a', 'b', 'c', 'd'])).toEqual([true, false, true, true]);
  });

  it('survives reopening the database', async () => {
    const indexedDB = new IDBFactory();
    store = await openStore({ name: 'saved-files-reopen', indexedDB, IDBKeyRange });
    await store.rememberSavedFile('x');
    store.close();
    store = await openStore({ name: 'saved-files-reopen', indexedDB, IDBKeyRange });
    expect(await store.wasSavedHere('x')).toBe(true);
    expect(await store.wasSavedHere('y')).toBe(false);
  });
});
