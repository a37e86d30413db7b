// Dexie's live queries only run where a global indexedDB exists; each store still gets its own factory.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openStore, type Store } from '../storage/store';

/** A store on a fresh in-memory IndexedDB (fake-indexeddb), for unit tests. */
export function openMemoryStore(name = 'test'): Promise<Store> {
  return openStore({ name, indexedDB: new IDBFactory(), IDBKeyRange });
}

export function squareAround(lon: number, lat: number, half = 0.001) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
      ] as [number, number][],
    ],
  };
}
