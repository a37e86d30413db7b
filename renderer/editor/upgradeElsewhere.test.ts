import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { UPGRADED_ELSEWHERE } from '../storage/connection';
import { openStore } from '../storage/store';
import { withWriteLock } from '../storage/writeLock';
import { squareAround } from '../testing/memoryStore';
import type { Command } from './commands/command';
import { createObject } from './commands/objectCommands';
import { createProject } from './commands/projectCommands';
import { createZone } from './commands/zoneCommands';
import { Workbench } from './workbench';

/** Another window, running a newer version, opens the database at a higher version. */
async function upgradeElsewhere(indexedDB: IDBFactory, name: string): Promise<string[]> {
  // Dexie stores version n as 10 n: the newer app brings the next one, whatever ours is now.
  const current = (await indexedDB.databases()).find((d) => d.name === name)?.version ?? 0;
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, current + 10);
    request.onupgradeneeded = () => request.result.createObjectStore('newerTable');
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('zones', 'readonly');
      const ids = tx.objectStore('zones').getAllKeys();
      ids.onsuccess = () => resolve(ids.result as string[]);
      ids.onerror = () => reject(ids.error);
    };
    request.onerror = () => reject(request.error);
    // `blocked` may fire while the old window finishes its commit; the open then waits for it.
  });
}

async function setUp(name: string) {
  const indexedDB = new IDBFactory();
  const store = await openStore({ name, indexedDB, IDBKeyRange });
  const workbench = new Workbench(store, 'zh');
  const project = createProject({ settings: { name: '乌苏', gkZone: 28 }, objects: [], zones: [] });
  await store.commit({ projectId: project.id, ...project });
  workbench.state.set({ projectId: project.id });
  const object = createObject(project.id, { name: '清代乌苏古城墙', objectType: 'relic_unit' });
  await workbench.run(object);
  const zone = (lon: number) =>
    createZone({
      projectId: project.id,
      objectId: object.id,
      attributes: { zoneType: 'protection_range' },
      geometry: squareAround(lon, 44.43),
    });
  return { indexedDB, store, workbench, zone };
}

describe('another window upgrades the database', () => {
  it('lets the commit in flight finish, then closes, refuses later writes and prompts a reload', async () => {
    const { indexedDB, store, workbench, zone } = await setUp('upgrade-in-flight');
    workbench.beginGesture('drag-vertex');
    const inFlight = zone(84.68);
    let started = () => {};
    const building = new Promise<void>((resolve) => (started = resolve));
    const tracked: Command = {
      ...inFlight,
      async build(read) {
        started();
        return inFlight.build(read);
      },
    };
    const first = workbench.run(tracked);
    await building;
    const upgraded = upgradeElsewhere(indexedDB, 'upgrade-in-flight');

    expect(await first).not.toBeNull();
    const storedThere = await upgraded;
    // The edit in flight reached the database before it was handed over.
    expect(storedThere).toContain(inFlight.id);
    expect(store.connection.state()).toBe('closed');
    expect(workbench.state.get().reloadPrompt).toEqual(UPGRADED_ELSEWHERE);
    // Nothing of the window's own state is thrown away: the gesture in progress is still there.
    expect(workbench.state.get().gesture).toBe('drag-vertex');
    workbench.endGesture();

    const later = zone(84.69);
    expect(await workbench.run(later)).toBeNull();
    const notice = workbench.state.get().notice!;
    expect(notice.text.en).toContain('upgraded by a newer version; reload');
    expect(notice.details).toEqual([UPGRADED_ELSEWHERE]);
  });

  it('refuses a commit still waiting for the write lock, with the reason', async () => {
    const { indexedDB, store, workbench, zone } = await setUp('upgrade-queued');
    let release = () => {};
    const held = withWriteLock(() => new Promise<void>((resolve) => (release = resolve)));
    const queued = workbench.run(zone(84.7));
    const storedThere = await upgradeElsewhere(indexedDB, 'upgrade-queued');
    expect(store.connection.state()).toBe('closed');
    release();
    await held;
    expect(await queued).toBeNull();
    expect(workbench.state.get().notice?.text.zh).toContain('请重新加载');
    expect(storedThere).toHaveLength(0);
    expect(workbench.state.get().reloadPrompt).not.toBeNull();
  });
});
