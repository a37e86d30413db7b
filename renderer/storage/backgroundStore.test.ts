import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { Background } from '../../shared/domain/backgrounds';
import { CommitError } from './commitError';
import { openStore } from './store';
import { emptyTrash } from './projectTrash';
import { WorkbenchDb } from './database';

const fresh = (name: string, indexedDB = new IDBFactory()) => openStore({ name, indexedDB, IDBKeyRange });

const ortho = (id: string, projectId: string, createdAt = '2026-01-01T00:00:00.000Z'): Background => ({
  id,
  projectId,
  name: `${id}.tif`,
  createdAt,
  source: { kind: 'geotiff', file: { name: `${id}.tif`, size: 12_345_678 }, crs: { epsg: 4516 } },
});

describe('background store', () => {
  it('keeps backgrounds per project with their local access, outside the undo history', async () => {
    const store = await fresh('bg-basic');
    await store.backgrounds.add(ortho('dom', 'p1', '2026-01-02T00:00:00.000Z'), { grant: 'g-1' });
    await store.backgrounds.add(ortho('sheet', 'p1', '2026-01-01T00:00:00.000Z'), {
      copy: new Blob(['abc']),
    });
    await store.backgrounds.add(ortho('other', 'p2'));
    expect((await store.backgrounds.list('p1')).map((b) => b.id)).toEqual(['sheet', 'dom']);
    expect(await store.backgrounds.access('dom')).toEqual({ grant: 'g-1' });
    expect(await store.backgrounds.access('other')).toBeNull();
    // A copied small file comes back as bytes.
    const copy = (await store.backgrounds.access('sheet')) as { copy: Blob };
    expect(await copy.copy.text()).toBe('abc');
    expect(await store.read.editCount('p1')).toBe(0);
    expect(await store.read.history('p1')).toEqual({ undo: null, redo: null });

    await store.backgrounds.update({ ...ortho('dom', 'p1'), name: '正射影像 2025' });
    expect((await store.backgrounds.list('p1')).find((b) => b.id === 'dom')!.name).toBe('正射影像 2025');
    await store.backgrounds.setAccess('other', { grant: 'g-2' });
    expect(await store.backgrounds.access('other')).toEqual({ grant: 'g-2' });
    // Removing a background forgets how its file was reached.
    await store.backgrounds.remove('dom');
    expect((await store.backgrounds.list('p1')).map((b) => b.id)).toEqual(['sheet']);
    expect(await store.backgrounds.access('dom')).toBeNull();
  });

  it('refuses a background the schema refuses, or an access that is none of grant, handle or copy', async () => {
    const store = await fresh('bg-refuse');
    const bad = {
      ...ortho('x', 'p1'),
      source: { kind: 'geotiff', file: { name: '', size: -1 } },
    } as Background;
    await expect(store.backgrounds.add(bad)).rejects.toBeInstanceOf(CommitError);
    const path = { path: 'C:\\data\\dom.tif' } as unknown as { grant: string };
    await expect(store.backgrounds.add(ortho('y', 'p1'), path)).rejects.toBeInstanceOf(CommitError);
    // Nothing of a refused write is kept (one transaction).
    expect(await store.backgrounds.list('p1')).toEqual([]);
  });

  it('keeps layer-list settings per project, with defaults for a project that has none', async () => {
    const store = await fresh('bg-prefs');
    const initial = await store.layerList.get('p1');
    expect(initial).toEqual({ order: [], visible: {}, opacity: {}, zoneTypes: {}, labelField: 'name' });
    const seen: string[][] = [];
    const stop = store.layerList.observe(
      'p1',
      (prefs) => seen.push(prefs.order),
      () => {},
    );
    await store.layerList.set('p1', {
      ...initial,
      order: ['dom', 'farm'],
      opacity: { dom: 0.4 },
      zoneTypes: { construction_control_zone: false },
    });
    for (let i = 0; i < 200 && seen.at(-1)?.length !== 2; i++) await new Promise((r) => setTimeout(r, 5));
    stop();
    expect(seen.at(-1)).toEqual(['dom', 'farm']);
    expect((await store.layerList.get('p1')).opacity).toEqual({ dom: 0.4 });
    expect((await store.layerList.get('p2')).order).toEqual([]);
    await expect(store.layerList.set('p1', { ...initial, opacity: { dom: 3 } })).rejects.toBeInstanceOf(
      CommitError,
    );
    expect(await store.read.editCount('p1')).toBe(0);
  });

  it('deletes a trashed project’s backgrounds, their access and its layer settings with it', async () => {
    const indexedDB = new IDBFactory();
    const store = await fresh('bg-trash', indexedDB);
    await store.backgrounds.add(ortho('dom', 'p1'), { grant: 'g-1' });
    await store.backgrounds.add(ortho('keep', 'p2'), { grant: 'g-2' });
    await store.layerList.set('p1', { ...(await store.layerList.get('p1')), order: ['dom'] });
    await store.trashProject('p1');
    store.close();
    const db = new WorkbenchDb('bg-trash', { indexedDB, IDBKeyRange });
    await db.open();
    expect(await emptyTrash(db, new Date(Date.now() + 2 * 24 * 3600 * 1000))).toEqual({
      projects: ['p1'],
      accesses: [{ grant: 'g-1' }],
    });
    expect(await db.backgrounds.toCollection().primaryKeys()).toEqual(['keep']);
    expect(await db.backgroundAccess.toCollection().primaryKeys()).toEqual(['keep']);
    expect(await db.meta.get('layers:p1')).toBeUndefined();
    db.close();
  });

  it('asks the platform to forget the grants of backgrounds deleted for good with the trash', async () => {
    const indexedDB = new IDBFactory();
    const store = await fresh('bg-forget', indexedDB);
    await store.backgrounds.add(ortho('dom', 'p1'), { grant: 'g-1' });
    await store.backgrounds.add(ortho('sheet', 'p1'), { copy: new Blob(['abc']) });
    await store.backgrounds.add(ortho('keep', 'p2'), { grant: 'g-2' });
    // Trashed two days ago: the next session empties it.
    const at = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString();
    await store.commit({ outsideHistory: [{ kind: 'trashProject', projectId: 'p1', at }] });
    store.close();
    const forgotten: unknown[] = [];
    const next = await openStore({
      name: 'bg-forget',
      indexedDB,
      IDBKeyRange,
      forgetAccess: async (access) => void forgotten.push(access),
    });
    await vi.waitFor(() => expect(forgotten).toHaveLength(2));
    expect(forgotten).toContainEqual({ grant: 'g-1' });
    expect(forgotten).not.toContainEqual({ grant: 'g-2' });
    expect(await next.backgrounds.access('keep')).toEqual({ grant: 'g-2' });
    next.close();
  });
});
