import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../storage/store';
import { reviewRecordKey, type CommentRecord, type Put } from '../storage/records';
import { squareAround } from '../testing/memoryStore';
import type { Command } from './commands/command';
import { createObject } from './commands/objectCommands';
import { createProject } from './commands/projectCommands';
import { createZone, setZoneGeometries } from './commands/zoneCommands';
import { Workbench } from './workbench';

const at = '2026-12-03T09:00:00.000Z';
const reviewer = { name: '李审', organisation: '乌苏市文物局' };

function entry(projectId: string, entryId: string, text: string, root?: string): CommentRecord {
  return {
    id: reviewRecordKey(projectId, entryId),
    projectId,
    entryId,
    threadId: root ?? entryId,
    kind: 'comment',
    parents: root ? [root] : [],
    text,
    status: 'open',
    author: reviewer,
    createdAt: at,
    ...(root ? {} : { anchor: { kind: 'position' as const, at: [84.68, 44.43] as [number, number] } }),
  };
}

/** A comment as a command on the review stack (what C's review commands are). */
function addComment(record: CommentRecord): Command {
  return {
    label: { zh: '添加意见', en: 'Add comment' },
    undo: 'record',
    history: 'review',
    build: async () => [{ table: 'comments', key: record.id, value: record } as Put],
  };
}

let stores: Store[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});

async function setUp(readOnly = false) {
  const indexedDB = new IDBFactory();
  const store = await openStore({ name: 'stacks', indexedDB, IDBKeyRange, session: 'window-1' });
  stores.push(store);
  const project = createProject({ settings: { name: '乌苏', gkZone: 28 }, objects: [], zones: [] });
  await store.commit({ projectId: project.id, ...project });
  const object = createObject(project.id, { name: '乌苏古城', objectType: 'relic_unit' });
  await store.commit({ projectId: project.id, ...object });
  const zone = createZone({
    projectId: project.id,
    objectId: object.id,
    attributes: { zoneType: 'protection_range' },
    geometry: squareAround(84.68, 44.43),
  });
  await store.commit({ projectId: project.id, ...zone, ...(readOnly ? { readOnly: true } : {}) });
  const workbench = new Workbench(store, 'zh');
  workbench.state.set({ projectId: project.id, readOnly });
  const zoneId = (await store.read.zonesOfProject(project.id))[0]!.id;
  return { indexedDB, store, workbench, projectId: project.id, zoneId };
}

const ids = async (store: Store, projectId: string) =>
  (await store.read.comments(projectId)).map((c) => c.entryId);

describe('two undo stacks per window: edits and review records', () => {
  it('undo a reply without touching a vertex moved after it, and the reverse', async () => {
    const { store, workbench, projectId, zoneId } = await setUp();
    const original = (await store.read.zone(zoneId))!.geometry;
    const editsBefore = await store.read.editCount(projectId);
    await workbench.run(addComment(entry(projectId, 't1', '北侧边界请核实')));
    const moved = squareAround(84.681, 44.43);
    await workbench.run(setZoneGeometries(new Map([[zoneId, moved]]), { zh: '移动顶点', en: 'Move vertex' }));
    await workbench.run(addComment(entry(projectId, 'r1', '已核实', 't1')));

    expect(await store.read.history(projectId, 'review')).toEqual({
      undo: { zh: '添加意见', en: 'Add comment' },
      redo: null,
    });
    // Undo on the review stack: the reply goes, the moved vertex stays.
    await workbench.undo('review');
    expect(await ids(store, projectId)).toEqual(['t1']);
    expect((await store.read.zone(zoneId))!.geometry).toEqual(moved);
    // Undo on the edit stack: the vertex goes back, the thread stays.
    await workbench.undo('edit');
    expect((await store.read.zone(zoneId))!.geometry).toEqual(original);
    expect(await ids(store, projectId)).toEqual(['t1']);
    // Each redo restores only its own stack's step.
    await workbench.redo('review');
    expect((await ids(store, projectId)).sort()).toEqual(['r1', 't1']);
    expect((await store.read.zone(zoneId))!.geometry).toEqual(original);
    await workbench.redo('edit');
    expect((await store.read.zone(zoneId))!.geometry).toEqual(moved);
    // The review stack's steps are no edits: the edit stack's next undo is still the vertex, and
    // the edit count a saved file records leaves the two comments out.
    expect((await store.read.history(projectId, 'edit')).undo?.en).toBe('Move vertex');
    expect(await store.read.editCount(projectId)).toBe(editsBefore + 1);
  });

  it('in a review copy: comments go in and undo out, the geometry stays refused', async () => {
    const { store, workbench, projectId, zoneId } = await setUp(true);
    const before = await store.read.zonesOfProject(projectId);
    await workbench.run(addComment(entry(projectId, 't1', '保护范围偏小')));
    expect(await ids(store, projectId)).toEqual(['t1']);
    const refused = await workbench.run(
      setZoneGeometries(new Map([[zoneId, squareAround(84.7, 44.43)]]), { zh: '移动', en: 'Move' }),
    );
    expect(refused).toBeNull();
    expect(workbench.state.get().notice?.text.zh).toMatch(/只读/);
    // Ctrl+Z in a review copy (no stack named) undoes the reviewer's own step.
    await workbench.undo();
    expect(await ids(store, projectId)).toEqual([]);
    await workbench.redo();
    expect(await ids(store, projectId)).toEqual(['t1']);
    expect(await store.read.zonesOfProject(projectId)).toEqual(before);
  });

  it('a reloaded window keeps its review stack; another window’s session sees none of it', async () => {
    const { indexedDB, store, workbench, projectId } = await setUp();
    await workbench.run(addComment(entry(projectId, 't1', '请补充说明')));
    store.close();
    // The next window of session window-1 (a reload, or the desktop window reopened).
    const again = await openStore({ name: 'stacks', indexedDB, IDBKeyRange, session: 'window-1' });
    stores.push(again);
    expect((await again.read.history(projectId, 'review')).undo?.en).toBe('Add comment');
    await again.undo(projectId, 'review');
    expect(await ids(again, projectId)).toEqual([]);
    // Another session sees neither stack.
    const other = await openStore({ name: 'stacks', indexedDB, IDBKeyRange, session: 'window-2' });
    stores.push(other);
    expect(await other.read.history(projectId, 'review')).toEqual({ undo: null, redo: null });
  });
});
