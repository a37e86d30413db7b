import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPuts } from './changeSet';
import { writeTransaction } from './connection';
import { WorkbenchDb } from './database';
import type { Put } from './records';
import { polygon, square as testSquare } from '../../shared/geometry/testShapes';

const at = '2026-12-04T09:00:00.000Z';
const square = polygon(testSquare(84, 44, 0.001));
const object = (id: string) => ({
  table: 'objects' as const,
  key: id,
  value: {
    id,
    projectId: 'p',
    attributes: { name: id, objectType: 'relic_unit' },
    createdAt: at,
    updatedAt: at,
  },
});
const zone = (id: string, objectId: string) => ({
  table: 'zones' as const,
  key: id,
  value: {
    id,
    projectId: 'p',
    objectId,
    attributes: { zoneType: 'protection_range' },
    geometry: square,
    createdAt: at,
    updatedAt: at,
  },
});

const open: WorkbenchDb[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

async function database(name: string) {
  const db = new WorkbenchDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  open.push(db);
  return db;
}

describe('writing a change set across tables', () => {
  it('stores every table of the change set and reports what each record was before', async () => {
    const db = await database('across');
    const first = [object('o1'), zone('z1', 'o1'), object('o2'), zone('z2', 'o2')] as Put[];
    await writeTransaction(db, ['objects', 'zones'], () => applyPuts(db, first));
    const renamed = { ...object('o1'), value: { ...object('o1').value, updatedAt: 'later' } };
    const second = [zone('z3', 'o1'), renamed] as Put[];
    const changes = await writeTransaction(db, ['objects', 'zones'], () => applyPuts(db, second));
    expect(changes.map((c) => [c.key, c.before === null ? 'new' : 'replaced'])).toEqual([
      ['z3', 'new'],
      ['o1', 'replaced'],
    ]);
    expect((await db.objects.toArray()).map((o) => o.id).sort()).toEqual(['o1', 'o2']);
    expect((await db.zones.toArray()).map((z) => z.id).sort()).toEqual(['z1', 'z2', 'z3']);
  });

  it('stores nothing when one table refuses its write, though the others were asked at once', async () => {
    const db = await database('refused');
    const keyless = { table: 'zones', key: 'z2', value: { ...zone('z2', 'o2').value, id: undefined } };
    const puts = [object('o1'), object('o2'), zone('z1', 'o1'), keyless] as Put[];
    const seen: string[][] = [];
    const write = () => applyPuts(db, puts, undefined, (changes) => seen.push(changes.map((c) => c.key)));
    await expect(writeTransaction(db, ['objects', 'zones'], write)).rejects.toThrow();
    // The work done while the database wrote saw the whole change set; the failure still refused it.
    expect(seen).toEqual([['o1', 'o2', 'z1', 'z2']]);
    expect(await db.objects.count()).toBe(0);
    expect(await db.zones.count()).toBe(0);
  });
});
