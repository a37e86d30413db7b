import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { WorkbenchDb } from './database';
import { LEGACY_SESSION } from './migrations';
import { openStore } from './store';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [84.67, 44.42],
      [84.68, 44.42],
      [84.68, 44.43],
      [84.67, 44.42],
    ],
  ],
};
const at = '2026-01-01T00:00:00.000Z';

describe('schema migrations', () => {
  it('upgrades a version-1 database: data kept, attributes completed, new indexes usable', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('hzw-migration', { indexedDB, IDBKeyRange });
    v1.version(1).stores({
      projects: 'id',
      objects: 'id, projectId',
      zones: 'id, projectId, objectId',
      history: '++seq, projectId',
      meta: 'key',
    });
    await v1
      .table('projects')
      .put({ id: 'p', settings: { name: '乌苏', gkZone: 28 }, createdAt: at, updatedAt: at });
    await v1.table('objects').put({
      id: 'o',
      projectId: 'p',
      attributes: { name: '巴音沟承化寺', objectType: 'relic_unit' },
      createdAt: at,
      updatedAt: at,
    });
    await v1.table('zones').bulkPut([
      {
        id: 'z1',
        projectId: 'p',
        objectId: 'o',
        attributes: { zoneType: 'protection_range', rules: '不得建设' },
        geometry: square,
        createdAt: at,
        updatedAt: at,
      },
      // A record the current schema refuses must survive the upgrade untouched.
      {
        id: 'z2',
        projectId: 'p',
        objectId: 'o',
        attributes: { zoneType: 'moat' },
        geometry: square,
        createdAt: at,
        updatedAt: at,
      },
    ]);
    await v1.table('history').add({ projectId: 'p', label: { zh: '绘制', en: 'Draw' }, changes: [], at });
    v1.close();

    const db = new WorkbenchDb('hzw-migration', { indexedDB, IDBKeyRange });
    await db.open();
    // Versions 3, 5 and 6 add tables (reference layers; backgrounds; review records) on top of the version-2 upgrade.
    expect(db.verno).toBe(7);
    expect(await db.referenceLayers.count()).toBe(0);
    expect(await db.backgrounds.count()).toBe(0);
    const z1 = await db.zones.get('z1');
    expect(z1?.attributes.rules).toBe('不得建设');
    expect(z1?.attributes.status).toBe('proposed');
    expect(z1?.attributes.approval).toEqual({ authority: '', documentNo: '', date: '' });
    expect(z1?.geometry).toEqual(square);
    expect((await db.zones.get('z2'))?.attributes).toEqual({ zoneType: 'moat' });
    expect((await db.objects.get('o'))?.attributes.designations).toEqual([]);
    expect(
      await db.zones.where('[projectId+attributes.zoneType]').equals(['p', 'protection_range']).count(),
    ).toBe(1);
    expect(await db.history.where('[projectId+seq]').between(['p', 0], ['p', Infinity]).count()).toBe(1);
    db.close();
  });

  it('upgrades a version-3 history to the legacy window session, which can still undo and redo', async () => {
    const indexedDB = new IDBFactory();
    const v3 = new Dexie('hzw-v3', { indexedDB, IDBKeyRange });
    v3.version(3).stores({
      projects: 'id',
      objects: 'id, projectId',
      zones: 'id, projectId, objectId, [projectId+attributes.zoneType]',
      history: '++seq, projectId, [projectId+seq]',
      meta: 'key',
      referenceLayers: 'id, projectId',
    });
    const project = { id: 'p', settings: { name: '乌苏', gkZone: 28 }, createdAt: at, updatedAt: at };
    const renamed = { ...project, settings: { ...project.settings, name: '乌苏古城' } };
    await v3.table('projects').put(renamed);
    const label = { zh: '改名', en: 'Rename' };
    const change = { table: 'projects', key: 'p', before: project, after: renamed };
    const seq = await v3.table('history').add({ projectId: 'p', label, changes: [change], at });
    await v3.table('meta').bulkPut([
      { key: 'history:p', cursor: seq },
      { key: 'pref:lastProject', value: 'p' },
    ]);
    v3.close();

    const options = { name: 'hzw-v3', indexedDB, IDBKeyRange };
    const legacy = await openStore({ ...options, session: LEGACY_SESSION });
    const other = await openStore({ ...options, session: 'another-window' });
    expect(await other.read.history('p')).toEqual({ undo: null, redo: null });
    expect(await legacy.read.history('p')).toEqual({ undo: label, redo: null });
    expect(await legacy.readPreference('lastProject')).toBe('p');
    await legacy.undo('p');
    expect((await other.read.project('p'))?.settings.name).toBe('乌苏');
    await legacy.redo('p');
    expect((await other.read.project('p'))?.settings.name).toBe('乌苏古城');
    legacy.close();
    other.close();
  });
});

describe('version 6', () => {
  it('moves the comments a file brought out of the project’s extras into thread entries', async () => {
    const indexedDB = new IDBFactory();
    const v5 = new Dexie('hzw-v5', { indexedDB, IDBKeyRange });
    v5.version(5).stores({
      projects: 'id',
      objects: 'id, projectId',
      zones: 'id, projectId, objectId, [projectId+attributes.zoneType]',
      history: '++seq, projectId, [projectId+seq], [projectId+session+seq]',
      meta: 'key',
      referenceLayers: 'id, projectId',
      backgrounds: 'id, projectId',
      backgroundAccess: 'id',
    });
    const zone = {
      id: 'z1',
      projectId: 'p',
      objectId: 'o',
      attributes: { zoneType: 'protection_range' },
      geometry: square,
      createdAt: at,
      updatedAt: at,
    };
    await v5.table('zones').put(zone);
    const comments = [
      // On a zone, resolved: the root pinned inside the zone, and a status entry.
      {
        id: 'c1',
        target: { kind: 'zone', id: 'z1' },
        author: '县文物局 李',
        text: '北侧边界\n请核实',
        createdAt: at,
        resolved: true,
      },
      // Detached when its zone was deleted: kept as a remark on the project, naming the zone.
      {
        id: 'c2',
        target: { kind: 'project', id: null },
        detachedFrom: { kind: 'zone', id: 'z9' },
        author: '',
        text: '已删除区划的意见',
        createdAt: at,
        resolved: false,
      },
    ];
    const carried = { tables: [], registrations: [], columns: [], meta: [] };
    await v5.table('meta').bulkPut([
      { key: 'fileExtras:p', extras: { comments, carried } },
      { key: 'fileExtras:empty', extras: { comments: [], carried } },
    ]);
    v5.close();

    const db = new WorkbenchDb('hzw-v5', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(7);
    const entries = await db.comments.orderBy('id').toArray();
    expect(entries.map((e) => [e.id, e.projectId, e.threadId, e.kind, e.status, e.parents])).toEqual([
      ['p/c1', 'p', 'c1', 'comment', 'open', []],
      ['p/c1/resolved', 'p', 'c1', 'status', 'resolved', ['c1']],
      ['p/c2', 'p', 'c2', 'comment', 'open', []],
    ]);
    const [c1, , c2] = entries;
    expect(c1!.text).toBe('北侧边界\n请核实');
    expect(c1!.author).toEqual({ name: '县文物局 李', organisation: '' });
    // The pin lies inside the square zone (its interior point), not at a corner.
    const pin = c1!.anchor as { kind: string; zoneId: string; at: [number, number] };
    expect([pin.kind, pin.zoneId]).toEqual(['zone', 'z1']);
    expect(pin.at[0]).toBeGreaterThan(84.67);
    expect(pin.at[0]).toBeLessThan(84.68);
    expect(pin.at[1]).toBeGreaterThan(44.42);
    expect(pin.at[1]).toBeLessThan(44.43);
    expect(c2!.anchor).toEqual({ kind: 'project', at: null });
    expect(c2!.detachedFrom).toEqual({ kind: 'zone', id: 'z9' });
    expect(c2!.author.name).toBe('未署名');
    expect(entries.every((e) => e.legacy)).toBe(true);
    // The extras keep what else the file carried, without the comments.
    expect((await db.meta.get('fileExtras:p'))?.extras).toEqual({ comments: [], carried });
    expect(await db.versions.count()).toBe(0);
    db.close();
  });
});
