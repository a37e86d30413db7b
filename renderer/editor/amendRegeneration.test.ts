import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { deriveZones } from '../../shared/derive/deriveZones';
import type { DeriveRequest } from '../../shared/derive/types';
import type { ZoneGeometry } from '../../shared/domain/geometry';
import { openStore, type Store } from '../storage/store';
import { squareAround } from '../testing/memoryStore';
import { createDerivedZones } from './commands/deriveCommands';
import { createObject, updateObjectAttributes } from './commands/objectCommands';
import { createProject } from './commands/projectCommands';
import { createZone, setZoneGeometries } from './commands/zoneCommands';
import { Workbench } from './workbench';

// The worker job, run in the test's thread; `gate` holds it so another window can commit while
// the regeneration is being computed.
const worker = vi.hoisted(() => ({ gate: Promise.resolve() }));
vi.mock('../jobs/runJob', () => ({
  runJob: async (_kind: string, input: { requests: DeriveRequest[]; gkZone: number }) => {
    await worker.gate;
    return deriveZones(input.requests, { gkZone: input.gkZone });
  },
}));

async function setUp(store: Store) {
  const workbench = new Workbench(store, 'en');
  const project = createProject({
    settings: { name: '乌苏', gkZone: 28, autoRegenerateDerived: true },
    objects: [],
    zones: [],
  });
  await store.commit({ projectId: project.id, ...project });
  workbench.state.set({ projectId: project.id });
  const object = createObject(project.id, { name: '清代乌苏古城墙', objectType: 'relic_unit' });
  await workbench.run(object);
  const source = createZone({
    projectId: project.id,
    objectId: object.id,
    attributes: { zoneType: 'protection_range' },
    geometry: squareAround(84.68, 44.43),
  });
  await workbench.run(source);
  const request: DeriveRequest = {
    source: { kind: 'zone', zoneId: source.id, geometry: squareAround(84.68, 44.43) },
    spec: { method: 'buffer', distanceM: 50, corner: 'round' },
  };
  const derive = createDerivedZones({
    projectId: project.id,
    objectId: object.id,
    zoneType: 'construction_control_zone',
    request,
    shapes: deriveZones([request], { gkZone: 28 })[0]!,
    boundaryText: '',
  });
  await workbench.run(derive);
  await workbench.settled();
  const zone = async (id: string) => (await store.read.zone(id))!;
  return { workbench, project, object, sourceId: source.id, derivedId: derive.ids[0]!, zone };
}

const moved: ZoneGeometry = squareAround(84.681, 44.4305);
const move = (id: string) => setZoneGeometries(new Map([[id, moved]]));

describe('auto-regeneration amends the gesture’s undo step', () => {
  it('one gesture, one undo step: undo restores source and derived zone, redo re-applies both', async () => {
    const store = await openStore({ name: 'amend', indexedDB: new IDBFactory(), IDBKeyRange });
    const { workbench, project, sourceId, derivedId, zone } = await setUp(store);
    const derivedBefore = (await zone(derivedId)).geometry;
    const sourceBefore = (await zone(sourceId)).geometry;

    await workbench.commitGesture(move(sourceId), performance.now());
    await workbench.settled();
    const regenerated = await zone(derivedId);
    expect(regenerated.geometry).not.toEqual(derivedBefore);
    // Regenerated from the moved source: its ring now lies around the new square.
    const lons = regenerated.geometry.coordinates.flat(2).filter((_, i) => i % 2 === 0);
    expect(Math.min(...(lons as number[]))).toBeGreaterThan(84.68 - 0.001);
    expect((await store.read.history(project.id)).undo?.en).toBe('Edit boundary');

    await workbench.undo();
    expect((await zone(sourceId)).geometry).toEqual(sourceBefore);
    expect((await zone(derivedId)).geometry).toEqual(derivedBefore);
    // The next step back is the derivation itself: the regeneration took no step of its own.
    expect((await store.read.history(project.id)).undo?.en).toBe('Derive construction-control zone');

    await workbench.redo();
    expect((await zone(sourceId)).geometry).toEqual(moved);
    expect((await zone(derivedId)).geometry).toEqual(regenerated.geometry);
    expect((await store.read.history(project.id)).redo).toBeNull();
    store.close();
  });

  it('another window’s step in between: the regeneration is a safe step of its own', async () => {
    const indexedDB = new IDBFactory();
    const store = await openStore({ name: 'amend-two', indexedDB, IDBKeyRange });
    const other = await openStore({ name: 'amend-two', indexedDB, IDBKeyRange });
    const { workbench, project, object, sourceId, derivedId, zone } = await setUp(store);
    const derivedBefore = (await zone(derivedId)).geometry;

    let open = () => {};
    worker.gate = new Promise<void>((resolve) => (open = resolve));
    await workbench.commitGesture(move(sourceId), performance.now());
    // While the regeneration is computed, the other window renames the object.
    await other.commit({ projectId: project.id, ...updateObjectAttributes(object.id, { name: '乌苏古城' }) });
    open();
    await workbench.settled();
    worker.gate = Promise.resolve();
    const regenerated = (await zone(derivedId)).geometry;
    expect(regenerated).not.toEqual(derivedBefore);
    expect((await store.read.history(project.id)).undo?.en).toBe('Regenerate 1 derived zone(s)');

    // Undo takes the regeneration back alone; the move and the other window's rename stay.
    await workbench.undo();
    expect((await zone(derivedId)).geometry).toEqual(derivedBefore);
    expect((await zone(sourceId)).geometry).toEqual(moved);
    expect((await store.read.object(object.id))?.attributes.name).toBe('乌苏古城');
    expect((await store.read.history(project.id)).undo?.en).toBe('Edit boundary');
    store.close();
    other.close();
  });
});
