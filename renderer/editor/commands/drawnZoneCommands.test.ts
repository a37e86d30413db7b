import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from '../../../shared/domain/geometry';
import { CommitError } from '../../storage/commitError';
import { openMemoryStore, squareAround } from '../../testing/memoryStore';
import { createObjectWithZone } from './drawnZoneCommands';
import { createProject } from './projectCommands';

const bowTie: ZoneGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [84.0, 44.0],
      [84.01, 44.01],
      [84.01, 44.0],
      [84.0, 44.01],
      [84.0, 44.0],
    ],
  ],
};

async function emptyProject() {
  const store = await openMemoryStore();
  const project = createProject({ settings: { name: '伊宁', gkZone: 27 }, objects: [], zones: [] });
  await store.commit({ projectId: project.id, ...project });
  return { store, projectId: project.id };
}

describe('a zone drawn first and assigned to a new object', () => {
  it('stores object and zone in one undo step', async () => {
    const { store, projectId } = await emptyProject();
    const command = createObjectWithZone({
      projectId,
      object: { name: '惠远古城', objectType: 'relic_unit', level: 'provincial' },
      zone: { attributes: { zoneType: 'protection_range' }, geometry: squareAround(81.2, 43.9) },
    });
    await store.commit({ projectId, ...command });
    expect((await store.read.object(command.objectId))?.attributes.name).toBe('惠远古城');
    expect((await store.read.zone(command.zoneId))?.objectId).toBe(command.objectId);
    expect((await store.read.history(projectId)).undo?.zh).toBe('新建保护对象“惠远古城”及其保护范围');

    await store.undo(projectId);
    expect(await store.read.object(command.objectId)).toBeUndefined();
    expect(await store.read.zone(command.zoneId)).toBeUndefined();
    await store.redo(projectId);
    expect(await store.read.zone(command.zoneId)).toBeDefined();
    expect(await store.read.object(command.objectId)).toBeDefined();
  });

  it('stores neither when the zone is refused by the write door', async () => {
    const { store, projectId } = await emptyProject();
    const command = createObjectWithZone({
      projectId,
      object: { name: '钟楼', objectType: 'relic_unit', level: 'county' },
      zone: { attributes: { zoneType: 'protection_range' }, geometry: bowTie },
    });
    await expect(store.commit({ projectId, ...command })).rejects.toBeInstanceOf(CommitError);
    expect(await store.read.object(command.objectId)).toBeUndefined();
  });
});
