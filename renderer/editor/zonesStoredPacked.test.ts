import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { packedGeometryOf } from '../../shared/domain/packedGeometry';
import type { Zone } from '../../shared/domain/schema';
import { setZoneGeometries } from './commands/zoneCommands';
import { projectWithSquares, squareAround } from '../testing/memoryStore';
import { openStore, type Store } from '../storage/store';

const open: Store[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

/** The zone as IndexedDB holds it, read past Dexie (and so past the packing). */
function rawZone(indexedDB: IDBFactory, name: string, id: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      const db = request.result;
      const get = db.transaction('zones').objectStore('zones').get(id);
      get.onsuccess = () => {
        db.close();
        resolve(get.result as Record<string, unknown>);
      };
      get.onerror = () => reject(get.error);
    };
    request.onerror = () => reject(request.error);
  });
}

/** Write a zone as a workbench before version 7 did (nested geometry), past Dexie. */
function putRawZone(indexedDB: IDBFactory, name: string, zone: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('zones', 'readwrite');
      tx.objectStore('zones').put(zone);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('zones stored packed', () => {
  it('keeps a zone’s geometry as typed arrays in IndexedDB and reads it back exactly, undo included', async () => {
    const indexedDB = new IDBFactory();
    const store = await openStore({ name: 'packed', indexedDB, IDBKeyRange });
    open.push(store);
    const { projectId, zones } = await projectWithSquares(store, 2);
    const geometry = squareAround(84.612345678901, 44.40000000001, 0.0003);
    await store.commit({ projectId, ...setZoneGeometries(new Map([[zones[0]!, geometry]])) });

    const raw = await rawZone(indexedDB, 'packed', zones[0]!);
    const stored = raw.geometry as { packed: number; flat: unknown; type: string };
    expect(stored.packed).toBe(1);
    expect(stored.type).toBe('Polygon');
    expect(stored.flat).toBeInstanceOf(Float64Array);

    const [zone] = (await store.read.records('zones', [zones[0]!])) as Zone[];
    expect(zone!.geometry).toEqual(geometry);
    // Read lean: the packed arrays are the record's own, no nested copy was made to read it.
    expect(packedGeometryOf(zone!)).toBe(packedGeometryOf(zone!));
    expect({ ...zone }.geometry).toEqual(geometry);

    await store.undo(projectId);
    const [undone] = (await store.read.records('zones', [zones[0]!])) as Zone[];
    expect(undone!.geometry).toEqual(squareAround(84.6, 44.4));
  });

  it('reads a zone stored nested by an earlier version as it is, and packs it when next written', async () => {
    const indexedDB = new IDBFactory();
    const store = await openStore({ name: 'older', indexedDB, IDBKeyRange });
    open.push(store);
    const { projectId, zones } = await projectWithSquares(store, 1);
    const [zone] = (await store.read.records('zones', zones)) as Zone[];
    const nested = { ...zone! };
    store.close();
    open.length = 0;
    await putRawZone(indexedDB, 'older', nested);
    expect(
      ((await rawZone(indexedDB, 'older', zones[0]!)).geometry as { packed?: number }).packed,
    ).toBeUndefined();

    const again = await openStore({ name: 'older', indexedDB, IDBKeyRange });
    open.push(again);
    const [read] = (await again.read.zonesOfProject(projectId)) as Zone[];
    expect(read!.geometry).toEqual(nested.geometry);
    const moved = squareAround(84.7, 44.5);
    await again.commit({ projectId, ...setZoneGeometries(new Map([[zones[0]!, moved]])) });
    expect(((await rawZone(indexedDB, 'older', zones[0]!)).geometry as { packed?: number }).packed).toBe(1);
    expect(((await again.read.zonesOfProject(projectId)) as Zone[])[0]!.geometry).toEqual(moved);
  });
});
