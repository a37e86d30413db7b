import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { DocumentZone } from '../../../shared/formats/projectDocument';
import { CommitError } from '../../storage/commitError';
import { writeTransaction } from '../../storage/connection';
import { WorkbenchDb } from '../../storage/database';
import type { Put } from '../../storage/records';
import { openStore, type Store } from '../../storage/store';
import { squareAround } from '../../testing/memoryStore';
import { importDocument } from './importCommands';
import { createObject } from './objectCommands';
import { createProject } from './projectCommands';
import { createZone } from './zoneCommands';

/** A store and a second connection to the same database, as another window would have. */
async function twoConnections(name: string) {
  const indexedDB = new IDBFactory();
  const store = await openStore({ name, indexedDB, IDBKeyRange });
  const raw = new WorkbenchDb(name, { indexedDB, IDBKeyRange });
  await raw.open();
  return { store, raw };
}

async function startingProject(store: Store) {
  const project = createProject({ settings: { name: '乌苏', gkZone: 28 }, objects: [], zones: [] });
  await store.commit({ projectId: project.id, ...project });
  const object = createObject(project.id, { name: '乌苏古城墙', objectType: 'relic_unit' });
  await store.commit({ projectId: project.id, ...object });
  const zones = [];
  for (let i = 0; i < 3; i++) {
    const zone = createZone({
      projectId: project.id,
      objectId: object.id,
      attributes: { zoneType: 'protection_range', boundaryText: `原有 ${i}` },
      geometry: squareAround(84.6 + i * 0.01, 44.4),
    });
    await store.commit({ projectId: project.id, ...zone });
    zones.push((await store.read.zone(zone.id))!);
  }
  return { projectId: project.id, objectId: object.id, zones };
}

async function tables(raw: WorkbenchDb) {
  const sorted = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  return { objects: sorted(await raw.objects.toArray()), zones: sorted(await raw.zones.toArray()) };
}

/** 400 new zones of 40–200 vertices, and two of the stored zones edited. */
function importedDocument(objectId: string, stored: readonly DocumentZone[]) {
  const zones: DocumentZone[] = [];
  for (let i = 0; i < 400; i++) {
    const n = 40 + (i % 161);
    const ring: [number, number][] = [];
    for (let k = 0; k < n; k++) {
      const a = (2 * Math.PI * k) / n;
      ring.push([
        84.7 + (i % 20) * 0.003 + 0.001 * Math.cos(a),
        44.5 + Math.floor(i / 20) * 0.003 + 0.0007 * Math.sin(a),
      ]);
    }
    ring.push(ring[0]!);
    zones.push({
      id: `imported-${i}`,
      objectId,
      attributes: { ...stored[0]!.attributes, boundaryText: `导入 ${i}` },
      geometry: { type: 'Polygon', coordinates: [ring] },
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
    });
  }
  const edited = stored
    .slice(0, 2)
    .map((z) => ({ ...z, attributes: { ...z.attributes, rules: '禁止新建' } }));
  return { objects: [], zones: [...zones, ...edited] };
}

describe('an import committed in bulk', () => {
  it('leaves the store as puts applied one by one would, and reports each change once', async () => {
    const { store, raw } = await twoConnections('bulk-equal');
    const { projectId, objectId, zones } = await startingProject(store);
    const before = await tables(raw);
    const command = importDocument(projectId, importedDocument(objectId, zones), 'zones.geojson');
    let puts: Put[] = [];
    const result = await store.commit({
      projectId,
      ...command,
      build: async (read) => (puts = await command.build(read)),
    });
    expect(command.summary()).toMatchObject({ added: 400, updated: 2 });

    // The oracle: each put in order over the state before, the last value of a record winning.
    const expected = new Map<string, unknown>();
    for (const table of ['objects', 'zones'] as const)
      for (const record of before[table]) expected.set(`${table}/${record.id}`, record);
    const firstPut = new Map<string, Put>();
    for (const put of puts) {
      if (!firstPut.has(`${put.table}/${put.key}`)) firstPut.set(`${put.table}/${put.key}`, put);
      expected.set(`${put.table}/${put.key}`, put.value);
    }
    const after = await tables(raw);
    const stored = new Map<string, unknown>([
      ...after.objects.map((o) => [`objects/${o.id}`, o] as const),
      ...after.zones.map((z) => [`zones/${z.id}`, z] as const),
    ]);
    expect(stored).toEqual(new Map([...expected].filter(([, v]) => v !== null)));
    expect(result.changes.map((c) => `${c.table}/${c.key}`)).toEqual([...firstPut.keys()]);
    for (const change of result.changes) {
      const id = `${change.table}/${change.key}`;
      const rows: { id: string }[] = change.table === 'zones' ? before.zones : before.objects;
      expect(change.before).toEqual(rows.find((r) => r.id === change.key) ?? null);
      expect(change.after).toEqual(stored.get(id));
    }
  });

  it('is one undo step, kept as fingerprints while applied, undone and redone exactly', async () => {
    const { store, raw } = await twoConnections('bulk-undo');
    const { projectId, objectId, zones } = await startingProject(store);
    const before = await tables(raw);
    await store.commit({
      projectId,
      ...importDocument(projectId, importedDocument(objectId, zones), 'a.geojson'),
    });
    const after = await tables(raw);
    expect(after.zones).toHaveLength(403);

    const entry = (await raw.history.toArray()).at(-1)!;
    expect(entry.changes).toEqual([]);
    expect(entry.stored).toHaveLength(402);
    // The step holds what the table no longer does (two old versions) and numbers for the rest.
    const heldInFull = entry.stored!.filter((c) => c.after !== null && 'id' in c.after);
    expect(heldInFull).toEqual([]);
    expect(JSON.stringify(entry).length).toBeLessThan(JSON.stringify(after.zones).length / 20);

    expect((await store.read.history(projectId)).undo?.en).toBe('Import a.geojson (402 zones)');
    await store.undo(projectId);
    expect(await tables(raw)).toEqual(before);
    // Undone, the step now holds the imported zones in full (the table no longer has them).
    const undone = (await raw.history.get(entry.seq!))!;
    expect(undone.stored!.filter((c) => c.after !== null && 'id' in c.after)).toHaveLength(402);
    await store.redo(projectId);
    expect(await tables(raw)).toEqual(after);
    await store.undo(projectId);
    expect(await tables(raw)).toEqual(before);
  });

  it('refuses to undo when another window changed an imported zone since, and writes nothing', async () => {
    const { store, raw } = await twoConnections('bulk-refuse');
    const { projectId, objectId, zones } = await startingProject(store);
    await store.commit({
      projectId,
      ...importDocument(projectId, importedDocument(objectId, zones), 'b.geojson'),
    });
    const zone = (await raw.zones.get('imported-7'))!;
    // The other window writes through its own door.
    const rules = '另一窗口的修改';
    await writeTransaction(raw, ['zones'], () =>
      raw.zones.put({ ...zone, attributes: { ...zone.attributes, rules } }),
    );
    const changed = await tables(raw);

    await expect(store.undo(projectId)).rejects.toBeInstanceOf(CommitError);
    expect(await tables(raw)).toEqual(changed);
  });

  it('still undoes and redoes steps recorded with every change in full', async () => {
    const { store, raw } = await twoConnections('bulk-legacy');
    const { projectId, zones } = await startingProject(store);
    const zone = zones[0]!;
    const edited = { ...zone, attributes: { ...zone.attributes, rules: '旧格式的一步' } };
    // What an earlier version stored (through its door).
    await writeTransaction(raw, ['zones', 'history', 'meta'], async () => {
      await raw.zones.put(edited);
      const seq = await raw.history.add({
        projectId,
        session: store.session,
        label: { zh: '旧步骤', en: 'Old step' },
        changes: [{ table: 'zones', key: zone.id, before: zone, after: edited }],
        at: '2026-11-01T00:00:00.000Z',
      });
      await raw.meta.put({ key: `history:${projectId}:${store.session}`, cursor: seq as number });
    });

    await store.undo(projectId);
    expect(await raw.zones.get(zone.id)).toEqual(zone);
    await store.redo(projectId);
    expect(await raw.zones.get(zone.id)).toEqual(edited);
  });
});
