import { afterEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openStore, type Store } from './store';
import { TRASH_KEPT_MS, emptyTrash } from './projectTrash';
import { WorkbenchDb } from './database';

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

let store: Store;
afterEach(() => store.close());

async function addProject(name: string): Promise<string> {
  const id = crypto.randomUUID();
  const t = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
  const object = {
    id: `${id}-o`,
    projectId: id,
    attributes: { name: `${name}寺`, objectType: 'relic_unit' },
  };
  const zone = { id: `${id}-z`, projectId: id, objectId: object.id, geometry: square };
  await store.commit({
    projectId: id,
    label: { zh: '新建', en: 'New' },
    undo: 'skip',
    build: () =>
      [
        { table: 'projects', key: id, value: { id, settings: { name, gkZone: 28 }, ...t } },
        { table: 'objects', key: object.id, value: { ...object, ...t } },
        {
          table: 'zones',
          key: zone.id,
          value: { ...zone, attributes: { zoneType: 'protection_range' }, ...t },
        },
      ] as never,
  });
  return id;
}

function comment(projectId: string) {
  const value = {
    id: `${projectId}/c1`,
    projectId,
    entryId: 'c1',
    threadId: 'c1',
    kind: 'comment',
    parents: [],
    text: '请核实',
    status: 'open',
    author: { name: '李审', organisation: '' },
    createdAt: '2026-01-01T00:00:00.000Z',
    anchor: { kind: 'project', at: null },
  };
  return { table: 'comments', key: value.id, value } as never;
}

describe('deleting a project', () => {
  it('hides it from the project list, keeps its records, and restores it on "undo delete"', async () => {
    const indexedDB = new IDBFactory();
    store = await openStore({ name: 'trash', indexedDB, IDBKeyRange });
    const keep = await addProject('甲');
    const gone = await addProject('乙');
    const zonesBefore = await store.read.zonesOfProject(gone);
    await store.trashProject(gone);
    expect((await store.read.projects()).map((p) => p.id)).toEqual([keep]);
    expect(await store.read.zonesOfProject(gone)).toEqual(zonesBefore);

    await store.restoreProject(gone);
    expect((await store.read.projects()).map((p) => p.id).sort()).toEqual([keep, gone].sort());
  });

  it('empties the trash for good only once the deletion is older than the time it is kept', async () => {
    const indexedDB = new IDBFactory();
    store = await openStore({ name: 'trash-empty', indexedDB, IDBKeyRange });
    const keep = await addProject('甲');
    const gone = await addProject('乙');
    // Both with a comment, a tagged version and a record kept for it (the zone changed since).
    for (const id of [keep, gone]) {
      await store.commit({
        projectId: id,
        label: { zh: '意见', en: 'Comment' },
        undo: 'record',
        build: () => [comment(id)],
      });
      await store.versions.tagVersion(id, { name: '送审稿', note: '', author: null });
      const zone = (await store.read.zone(`${id}-z`))!;
      const changed = { ...zone, attributes: { ...zone.attributes, rules: '不得建设' } };
      await store.commit({
        projectId: id,
        label: { zh: '改', en: 'Edit' },
        undo: 'record',
        build: () => [{ table: 'zones', key: zone.id, value: changed }],
      });
      await store.commit({ outsideHistory: [{ kind: 'lineage', projectId: id, uid: `uid-${id}` }] });
    }
    await store.trashProject(gone);
    store.close();
    // A new session right away keeps it (undo delete still possible).
    store = await openStore({ name: 'trash-empty', indexedDB, IDBKeyRange });
    expect(await store.read.zonesOfProject(gone)).toHaveLength(1);
    store.close();

    const db = new WorkbenchDb('trash-empty', { indexedDB, IDBKeyRange });
    const later = new Date(Date.now() + TRASH_KEPT_MS + 1000);
    expect((await emptyTrash(db, later)).projects).toEqual([gone]);
    expect(await db.zones.where('projectId').equals(gone).count()).toBe(0);
    expect(await db.objects.where('projectId').equals(gone).count()).toBe(0);
    expect(await db.projects.get(gone)).toBeUndefined();
    for (const table of [db.comments, db.versions]) {
      expect(await table.where('projectId').equals(gone).count()).toBe(0);
      expect(await table.where('projectId').equals(keep).count()).toBe(1);
    }
    expect((await db.versionRecords.toArray()).map((r) => r.key)).toEqual([`${keep}-z`]);
    expect(await db.meta.get(`lineage:${gone}`)).toBeUndefined();
    expect((await db.meta.get(`lineage:${keep}`))?.value).toBe(`uid-${keep}`);
    db.close();
    store = await openStore({ name: 'trash-empty', indexedDB, IDBKeyRange });
  });
});
