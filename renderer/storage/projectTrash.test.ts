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
    expect(await db.zones.where('projectId').equals(keep).count()).toBe(1);
    db.close();
    store = await openStore({ name: 'trash-empty', indexedDB, IDBKeyRange });
  });
});
