import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { packReferenceLayer } from '../../shared/analysis/overlapsReferenceLayer';
import { overlapFixture } from '../../shared/analysis/fixtures/overlapFixture';
import { CommitError } from './commitError';
import { OutsideWriteDoor, WorkbenchDb } from './database';
import { openStore } from './store';
import { withWriteLock } from './writeLock';
import { reviewRecordKey, type Put } from './records';

const at = '2026-12-03T09:00:00.000Z';
const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [84, 44],
      [84.001, 44],
      [84.001, 44.001],
      [84, 44],
    ],
  ],
};

/** A project with one zone, stored as a review copy (opened from another installation's file). */
async function reviewCopy(name: string) {
  const store = await fresh(name);
  const p = 'p1';
  const records: Put[] = [
    {
      table: 'projects',
      key: p,
      value: { id: p, settings: { name: '乌苏', gkZone: 28 }, createdAt: at, updatedAt: at },
    },
    {
      table: 'objects',
      key: 'o1',
      value: {
        id: 'o1',
        projectId: p,
        attributes: { name: '承化寺', objectType: 'relic_unit' },
        createdAt: at,
        updatedAt: at,
      },
    },
    {
      table: 'zones',
      key: 'z1',
      value: {
        id: 'z1',
        projectId: p,
        objectId: 'o1',
        attributes: { zoneType: 'protection_range' },
        geometry: square,
        createdAt: at,
        updatedAt: at,
      },
    },
  ] as Put[];
  await store.commit({
    projectId: p,
    label: { zh: '打开', en: 'Open' },
    undo: 'skip',
    readOnly: true,
    build: () => records,
  });
  return { store, p };
}

const comment = (p: string, entryId: string, text = '保护范围北侧偏小') => ({
  table: 'comments' as const,
  key: reviewRecordKey(p, entryId),
  value: {
    id: reviewRecordKey(p, entryId),
    projectId: p,
    entryId,
    threadId: entryId,
    kind: 'comment' as const,
    parents: [],
    text,
    status: 'open' as const,
    author: { name: '李审', organisation: '县文物局' },
    createdAt: at,
    anchor: { kind: 'zone' as const, zoneId: 'z1', at: [84.0005, 44.0003] as [number, number] },
  },
});
const review = (p: string, puts: Put[]) => ({
  projectId: p,
  label: { zh: '意见', en: 'Comment' },
  undo: 'record' as const,
  build: () => puts,
});

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

  it('lets a review copy take comments, and nothing of the document', async () => {
    const { store, p } = await reviewCopy('review-door');
    await store.commit(review(p, [comment(p, 'c1')]));
    expect((await store.read.comments(p)).map((c) => c.text)).toEqual(['保护范围北侧偏小']);

    const moved = {
      ...(await store.read.zone('z1'))!,
      attributes: { zoneType: 'protection_range', rules: '改' },
    };
    // A zone alone, and a comment together with a zone: both refused whole.
    for (const puts of [
      [{ table: 'zones', key: 'z1', value: moved }],
      [comment(p, 'c2'), { table: 'zones', key: 'z1', value: moved }],
    ]) {
      const refused = store.commit(review(p, puts as Put[]));
      await expect(refused).rejects.toThrow(/read-only review copy/);
    }
    expect((await store.read.comments(p)).map((c) => c.entryId)).toEqual(['c1']);
    expect((await store.read.zone('z1'))!.attributes.rules).toBe('');
    // Named versions are the planner's: a review copy cannot tag one.
    await expect(store.versions.tagVersion(p, { name: '送审稿', note: '', author: null })).rejects.toThrow(
      /read-only review copy/,
    );
    expect(await store.read.versions(p)).toEqual([]);
    store.close();
  });

  it('checks review records against the review model before they are written', async () => {
    const { store, p } = await reviewCopy('review-checks');
    const bad = [
      // A control character in the text.
      comment(p, 'c1', '意见\u0007'),
      // A store key that is not <projectId>/<entryId>.
      { ...comment(p, 'c2'), key: 'c2', value: { ...comment(p, 'c2').value, id: 'c2' } },
      // A reply without the thread it answers.
      { ...comment(p, 'c3'), value: { ...comment(p, 'c3').value, parents: ['c9'], threadId: 'c9' } },
    ];
    for (const put of bad)
      await expect(store.commit(review(p, [put as Put]))).rejects.toBeInstanceOf(CommitError);
    expect(await store.read.comments(p)).toEqual([]);
    store.close();
  });
});
