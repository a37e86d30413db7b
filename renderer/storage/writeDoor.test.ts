import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { packReferenceLayer } from '../../shared/analysis/overlapsReferenceLayer';
import { overlapFixture } from '../../shared/analysis/fixtures/overlapFixture';
import { CommitError } from './commitError';
import { OutsideWriteDoor, WorkbenchDb } from './database';
import { openStore } from './store';
import { withWriteLock } from './writeLock';

const fresh = (name: string) => openStore({ name, indexedDB: new IDBFactory(), IDBKeyRange });

describe('the one write door', () => {
  it('refuses every table write in a transaction the door did not open, and writes nothing', async () => {
    const indexedDB = new IDBFactory();
    const db = new WorkbenchDb('around', { indexedDB, IDBKeyRange });
    await db.open();
    const attempts: [string, () => Promise<unknown>][] = [
      ['put', () => db.meta.put({ key: 'pref:x', value: 'y' })],
      ['bulkPut', () => db.meta.bulkPut([{ key: 'pref:x', value: 'y' }])],
      [
        'add',
        () =>
          db.history.add({ projectId: 'p', session: 's', label: { zh: '', en: '' }, changes: [], at: '' }),
      ],
      ['delete', () => db.meta.delete('savedFiles')],
      ['modify', () => db.meta.toCollection().modify({ value: 'z' })],
      [
        'rw transaction',
        () => db.transaction('rw', db.meta, () => db.meta.put({ key: 'pref:x', value: 'y' })),
      ],
    ];
    for (const [what, attempt] of attempts) {
      await expect(attempt(), what).rejects.toBeInstanceOf(OutsideWriteDoor);
    }
    expect(await db.meta.count()).toBe(0);
    expect(await db.history.count()).toBe(0);
    db.close();
  });

  it('stores preferences, saved files and reference layers through commit, with no undo step', async () => {
    const store = await fresh('outside');
    const layer = packReferenceLayer(overlapFixture(0, 3, 3).layer, {
      id: 'farm',
      projectId: 'p1',
      name: 'farm',
      kind: 'permanent_basic_farmland',
      sourceFile: 'farm.geojson',
      gkZone: 28,
      createdAt: '2026-01-01T00:00:00.000Z',
    }).layer;
    await store.writePreference('lastProject', 'p1');
    await store.rememberSavedFile('ab12');
    await store.referenceLayers.add(layer);
    await store.referenceLayers.setVisible('farm', false);
    expect(await store.readPreference('lastProject')).toBe('p1');
    expect(await store.wasSavedHere('ab12')).toBe(true);
    expect((await store.referenceLayers.list('p1')).map((l) => [l.id, l.visible])).toEqual([['farm', false]]);
    expect(await store.read.editCount('p1')).toBe(0);
    expect(await store.read.history('p1')).toEqual({ undo: null, redo: null });

    // Validated at the door like any record: a preference without a name is refused.
    await expect(store.writePreference('', 'x')).rejects.toBeInstanceOf(CommitError);
    // One connection: the reference layers read through the store's own, closed with it.
    store.close();
    await expect(store.referenceLayers.list('p1')).rejects.toThrow(/closed/i);
  });

  it('waits for the cross-window write lock like every edit', async () => {
    const store = await fresh('locked');
    let release = () => {};
    const held = withWriteLock(() => new Promise<void>((resolve) => (release = resolve)));
    let written = false;
    const write = store.writePreference('lang', 'en').then(() => (written = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(written).toBe(false);
    release();
    await Promise.all([held, write]);
    expect(await store.readPreference('lang')).toBe('en');
    store.close();
  });

  it('is the only way in: one connection per window, and only the door opens rw transactions', () => {
    // Every renderer source (tests aside), read as text by the bundler.
    const all = import.meta.glob<string>('/renderer/**/*.{ts,tsx}', {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const sources = Object.entries(all)
      .filter(([file]) => !/\.(test|spec|bench)\./.test(file))
      .map(([file, text]) => [file.replace(/^\/renderer\//, ''), text] as const);
    expect(sources.length).toBeGreaterThan(100);
    const where = (pattern: RegExp) => sources.filter(([, text]) => pattern.test(text)).map(([file]) => file);
    expect(where(/new WorkbenchDb\(|new Dexie\(/)).toEqual(['storage/store.ts']);
    expect(where(/\.transaction\(\s*['"]rw/)).toEqual(['storage/connection.ts']);
  });
});
