import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from '../../shared/domain/geometry';
import { openStore, type Store } from '../storage/store';
import { squareAround } from '../testing/memoryStore';
import { createObject } from './commands/objectCommands';
import { createProject } from './commands/projectCommands';
import { createZone, setZoneGeometries, updateZoneAttributes } from './commands/zoneCommands';
import { Workbench } from './workbench';

const FIRST = squareAround(84.68, 44.43);
/** A vertex of FIRST dragged 200 m east (window A's gesture). */
const DRAGGED: ZoneGeometry = {
  type: 'Polygon',
  coordinates: [FIRST.coordinates[0]!.map(([x, y], i) => [i === 1 || i === 2 ? x + 0.0025 : x, y])],
};
/** The whole zone moved 1 km north (window B's move). */
const MOVED: ZoneGeometry = {
  type: 'Polygon',
  coordinates: [FIRST.coordinates[0]!.map(([x, y]) => [x, y + 0.009])],
};

/** A window: a workbench on its own store (own session) of the shared database, showing the project. */
async function openWindow(indexedDB: IDBFactory, projectId: string, session?: string) {
  const store = await openStore({ name: 'shared', indexedDB, IDBKeyRange, ...(session ? { session } : {}) });
  const workbench = new Workbench(store, 'zh');
  workbench.state.set({ projectId });
  return { store, workbench, refresh: () => refresh(store, workbench, projectId) };
}

/** What the window's live query would deliver now. */
async function refresh(store: Store, workbench: Workbench, projectId: string) {
  const project = (await store.read.project(projectId))!;
  const [objects, zones] = await Promise.all([
    store.read.objectsOfProject(projectId),
    store.read.zonesOfProject(projectId),
  ]);
  workbench.view.show({ project, objects, zones });
}

/** A project with one zone, made by a third window (neither A nor B can undo it). */
async function setUp() {
  const indexedDB = new IDBFactory();
  const setup = await openStore({ name: 'shared', indexedDB, IDBKeyRange });
  const project = createProject({ settings: { name: '乌苏', gkZone: 28 }, objects: [], zones: [] });
  await setup.commit({ projectId: project.id, ...project });
  const object = createObject(project.id, { name: '乌苏古城', objectType: 'relic_unit' });
  await setup.commit({ projectId: project.id, ...object });
  const zones = [0, 1].map((i) =>
    createZone({
      projectId: project.id,
      objectId: object.id,
      attributes: { zoneType: 'protection_range' },
      geometry: squareAround(84.68 + i * 0.01, 44.43),
    }),
  );
  for (const zone of zones) await setup.commit({ projectId: project.id, ...zone });
  const a = await openWindow(indexedDB, project.id);
  const b = await openWindow(indexedDB, project.id);
  await Promise.all([a.refresh(), b.refresh()]);
  return { indexedDB, projectId: project.id, zoneIds: zones.map((z) => z.id), a, b, setup };
}

const noticeText = (workbench: Workbench) => {
  const notice = workbench.state.get().notice;
  return notice ? [notice.text, ...(notice.details ?? [])].map((t) => t.zh).join(' | ') : '';
};

describe('concurrent edits from two windows', () => {
  it('refuses a gesture that started before another window moved the zone, keeping that move', async () => {
    const { a, b, zoneIds } = await setUp();
    const [id] = zoneIds as [string];
    a.workbench.beginGesture('modify'); // A presses on a vertex …
    b.workbench.beginGesture('move'); // … B drags the whole zone and lets go first.
    expect(await b.workbench.commitGesture(setZoneGeometries(new Map([[id, MOVED]])), 0)).not.toBeNull();
    await a.refresh(); // A's live query brings B's move while A still drags.

    expect(await a.workbench.commitGesture(setZoneGeometries(new Map([[id, DRAGGED]])), 0)).toBeNull();
    expect((await a.store.read.zone(id))?.geometry).toEqual(MOVED);
    expect(noticeText(a.workbench)).toContain('此区划已在另一窗口中修改');
    expect(a.workbench.state.get().notice?.kind).toBe('error');
    expect(await a.store.read.history(a.workbench.projectId)).toEqual({
      undo: null,
      redo: null,
    });

    // A drag started from what A now shows is B's move re-based: it is stored.
    a.workbench.beginGesture('modify');
    expect(await a.workbench.commitGesture(setZoneGeometries(new Map([[id, DRAGGED]])), 0)).not.toBeNull();
    expect((await b.store.read.zone(id))?.geometry).toEqual(DRAGGED);
  });

  it('refuses a click edit made on a stale view, and lets a window edit its own write at once', async () => {
    const { a, b, zoneIds } = await setUp();
    const [id] = zoneIds as [string];
    await b.workbench.run(updateZoneAttributes(id, { rules: '乙窗口：不得新建' }));
    // A has not seen B's change yet: its edit of the same zone is refused, B's text stays.
    expect(await a.workbench.run(updateZoneAttributes(id, { rules: '甲窗口' }))).toBeNull();
    expect((await a.store.read.zone(id))?.attributes.rules).toBe('乙窗口：不得新建');
    // B edits the zone again before its own view caught up with its first write: not a conflict.
    expect(await b.workbench.run(updateZoneAttributes(id, { heightLimitM: 9 }))).not.toBeNull();
    expect((await a.store.read.zone(id))?.attributes.heightLimitM).toBe(9);
  });

  it('undoes only the window’s own steps, and a blocked undo says why', async () => {
    const { indexedDB, a, b, zoneIds, projectId } = await setUp();
    const [first, second] = zoneIds as [string, string];
    await a.workbench.run(setZoneGeometries(new Map([[first, DRAGGED]])));
    await b.workbench.run(updateZoneAttributes(second, { rules: '乙窗口的一步' }));

    await a.workbench.undo();
    expect((await a.store.read.zone(first))?.geometry).toEqual(FIRST);
    expect((await a.store.read.zone(second))?.attributes.rules).toBe('乙窗口的一步');
    await a.workbench.undo(); // A has nothing more: the setup's and B's steps are not A's.
    expect((await a.store.read.zone(second))?.attributes.rules).toBe('乙窗口的一步');
    expect(await a.store.read.zones(zoneIds)).toHaveLength(2);
    expect((await b.store.read.history(projectId)).undo?.zh).toBe('修改区划属性');

    // A redoes its drag; B, having seen it, then moves that zone: A's undo would undo B's move.
    await a.workbench.redo();
    await b.refresh();
    await b.workbench.run(setZoneGeometries(new Map([[first, MOVED]])));
    await a.workbench.undo();
    expect((await a.store.read.zone(first))?.geometry).toEqual(MOVED);
    expect(noticeText(a.workbench)).toContain('另一窗口');
    expect(noticeText(a.workbench)).toContain('无法撤销');

    // The stacks belong to the session, not the page: A reloaded still has its step to undo.
    a.store.close();
    const reloaded = await openWindow(indexedDB, projectId, a.store.session);
    expect((await reloaded.store.read.history(projectId)).undo?.zh).toBe('编辑边界');
    await b.workbench.undo(); // B takes its move back; now A's step applies again.
    await reloaded.workbench.undo();
    expect((await b.store.read.zone(first))?.geometry).toEqual(FIRST);
  });
});
