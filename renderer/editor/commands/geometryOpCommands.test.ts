import { describe, expect, it } from 'vitest';
import type { Zone } from '../../../shared/domain/schema';
import { deriveShapes } from '../../../shared/derive/deriveZones';
import { derivationState } from '../../../shared/derive/record';
import type { DeriveRequest } from '../../../shared/derive/types';
import { openMemoryStore, squareAround } from '../../testing/memoryStore';
import type { Store } from '../../storage/store';
import { createDerivedZones } from './deriveCommands';
import { mergeZonesCommand, splitZoneCommand } from './geometryOpCommands';
import { createObject } from './objectCommands';
import { createProject } from './projectCommands';
import { createZone } from './zoneCommands';

const GK_ZONE = 28;

async function projectWithRange(store: Store, lon = 84.68) {
  const project = createProject({ settings: { name: '乌苏', gkZone: GK_ZONE }, objects: [], zones: [] });
  await store.commit({ projectId: project.id, ...project });
  const object = createObject(project.id, {
    name: '巴音沟承化寺',
    objectType: 'relic_unit',
    level: 'provincial',
  });
  await store.commit({ projectId: project.id, ...object });
  const range = createZone({
    projectId: project.id,
    objectId: object.id,
    attributes: { zoneType: 'protection_range' },
    geometry: squareAround(lon, 44.43),
  });
  await store.commit({ projectId: project.id, ...range });
  return { projectId: project.id, objectId: object.id, rangeId: range.id };
}

/** A 30 m construction-control zone derived from `sourceId`, as the derive dialog creates it. */
async function deriveFrom(store: Store, projectId: string, objectId: string, sourceId: string) {
  const source = (await store.read.zone(sourceId))!;
  const request: DeriveRequest = {
    source: { kind: 'zone', zoneId: sourceId, geometry: source.geometry },
    spec: { method: 'buffer', distanceM: 30, corner: 'round' },
  };
  const command = createDerivedZones({
    projectId,
    objectId,
    zoneType: 'construction_control_zone',
    request,
    shapes: deriveShapes(request, { gkZone: GK_ZONE }),
    boundaryText: '',
  });
  await store.commit({ projectId, ...command });
  return command.ids[0]!;
}

async function stateOf(store: Store, derivedId: string) {
  const derived = (await store.read.zone(derivedId))!;
  const sourceId = derived.attributes.derivation!.sourceZoneId!;
  const source: Zone | undefined = await store.read.zone(sourceId);
  return derivationState(derived.attributes.derivation, () => source?.geometry);
}

describe('merge keeps the lineage of derived zones', () => {
  it('after split then merge (split-off piece selected first), the derived zone still has its source', async () => {
    const store = await openMemoryStore();
    const { projectId, objectId, rangeId } = await projectWithRange(store);
    const derivedId = await deriveFrom(store, projectId, objectId, rangeId);
    expect(await stateOf(store, derivedId)).toBe('current');

    // A north–south line east of the centre: the western part (larger) keeps the range's id.
    const split = await store.commit({
      projectId,
      ...splitZoneCommand(rangeId, [
        [84.6805, 44.428],
        [84.6805, 44.432],
      ]),
    });
    const piece = split.changes.find((c) => c.before === null)!.key;
    expect(await stateOf(store, derivedId)).toBe('stale');

    await store.commit({ projectId, ...mergeZonesCommand([piece, rangeId]) });
    expect(await store.read.zone(piece)).toBeUndefined();
    const merged = (await store.read.zone(rangeId))!;
    expect(merged.attributes.zoneType).toBe('protection_range');
    const derived = (await store.read.zone(derivedId))!;
    expect(derived.attributes.derivation!.sourceZoneId).toBe(rangeId);
    // The merged shape equals the original square again, but its vertices differ: still "source changed".
    expect(await stateOf(store, derivedId)).toBe('stale');
  });

  it('a derived zone whose source is merged away now names the kept zone, in the same undo step', async () => {
    const store = await openMemoryStore();
    const { projectId, objectId, rangeId } = await projectWithRange(store);
    const other = createZone({
      projectId,
      objectId,
      attributes: { zoneType: 'protection_range' },
      geometry: squareAround(84.6815, 44.43),
    });
    await store.commit({ projectId, ...other });
    const fromRange = await deriveFrom(store, projectId, objectId, rangeId);
    const fromOther = await deriveFrom(store, projectId, objectId, other.id);

    await store.commit({ projectId, ...mergeZonesCommand([rangeId, other.id]) });
    expect(await store.read.zone(other.id)).toBeUndefined();
    expect((await store.read.zone(fromOther))!.attributes.derivation!.sourceZoneId).toBe(rangeId);
    expect(await stateOf(store, fromOther)).toBe('stale');
    expect(await stateOf(store, fromRange)).toBe('stale');

    await store.undo(projectId);
    expect((await store.read.zone(fromOther))!.attributes.derivation!.sourceZoneId).toBe(other.id);
    expect(await stateOf(store, fromOther)).toBe('current');
  });
});
