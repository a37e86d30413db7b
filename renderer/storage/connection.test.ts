import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStore } from './store';

describe('our own upgrade, held up by an older window', () => {
  it('says so while it waits, and opens once that window lets go', async () => {
    const indexedDB = new IDBFactory();
    // An older version of the app (schema version 3) that does not close when asked.
    const older = new Dexie('blocked-upgrade', { indexedDB, IDBKeyRange });
    older.version(3).stores({
      projects: 'id',
      objects: 'id, projectId',
      zones: 'id, projectId, objectId, [projectId+attributes.zoneType]',
      history: '++seq, projectId, [projectId+seq]',
      meta: 'key',
      referenceLayers: 'id, projectId',
    });
    older.on('versionchange', () => false);
    await older.open();

    let blocked = 0;
    let told = '';
    let opened = false;
    const opening = openStore({
      name: 'blocked-upgrade',
      indexedDB,
      IDBKeyRange,
      onBlocked: (message) => ((told = message.en), blocked++),
    }).then((store) => ((opened = true), store));
    for (let i = 0; i < 100 && blocked === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(blocked).toBeGreaterThan(0);
    expect(opened).toBe(false);
    expect(told).toContain('close the other open workbench windows');

    older.close();
    const store = await opening;
    expect(store.connection.state()).toBe('open');
    await store.writePreference('lang', 'en');
    expect(await store.readPreference('lang')).toBe('en');
    store.close();
  });
});
