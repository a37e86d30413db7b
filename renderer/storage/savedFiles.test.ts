import { afterEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { WorkbenchDb } from './database';
import { rememberSavedFile, wasSavedHere } from './savedFiles';

let db: WorkbenchDb;
afterEach(() => db.close());

describe('the record of saved project files', () => {
  it('keeps the newest entries up to its limit; saving again refreshes an entry', async () => {
    db = new WorkbenchDb('saved-files', { indexedDB: new IDBFactory(), IDBKeyRange });
    for (const hash of ['a', 'b', 'c']) await rememberSavedFile(db, hash, 3);
    await rememberSavedFile(db, 'a', 3); // saved again: newest, nothing else dropped
    expect(await Promise.all(['a', 'b', 'c'].map((h) => wasSavedHere(db, h)))).toEqual([true, true, true]);
    await rememberSavedFile(db, 'd', 3);
    expect(await Promise.all(['a', 'b', 'c', 'd'].map((h) => wasSavedHere(db, h)))).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it('survives reopening the database', async () => {
    const indexedDB = new IDBFactory();
    db = new WorkbenchDb('saved-files-reopen', { indexedDB, IDBKeyRange });
    await rememberSavedFile(db, 'x');
    db.close();
    db = new WorkbenchDb('saved-files-reopen', { indexedDB, IDBKeyRange });
    expect(await wasSavedHere(db, 'x')).toBe(true);
    expect(await wasSavedHere(db, 'y')).toBe(false);
  });
});
