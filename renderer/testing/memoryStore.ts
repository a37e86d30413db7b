// Dexie's live queries only run where a global indexedDB exists; each store still gets its own factory.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openStore, type Store } from '../storage/store';
import { createObject } from '../editor/commands/objectCommands';
import { createProject } from '../editor/commands/projectCommands';
import { createZone } from '../editor/commands/zoneCommands';

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

/**
 * A project (GK zone 28) with one protected object and `count` square protection ranges side by
 * side, each committed as its own edit, as a planner would draw them.
 */
export async function projectWithSquares(store: Store, count: number) {
  const project = createProject({ settings: { name: 'p', gkZone: 28 }, objects: [], zones: [] });
  await store.commit({ projectId: project.id, ...project });
  const object = createObject(project.id, { name: '古城墙', objectType: 'relic_unit' });
  await store.commit({ projectId: project.id, ...object });
  const zones: string[] = [];
  for (let i = 0; i < count; i++) {
    const zone = createZone({
      projectId: project.id,
      objectId: object.id,
      attributes: { zoneType: 'protection_range' },
      geometry: squareAround(84.6 + i * 0.01, 44.4),
    });
    await store.commit({ projectId: project.id, ...zone });
    zones.push(zone.id);
  }
  return { projectId: project.id, objectId: object.id, zones };
}
