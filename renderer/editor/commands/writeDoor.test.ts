import { describe, expect, it } from 'vitest';
import { CommitError } from '../../storage/commitError';
import { openMemoryStore, squareAround } from '../../testing/memoryStore';
import { createProject } from './projectCommands';
import { createObject } from './objectCommands';
import { createZone, updateZoneAttributes } from './zoneCommands';
import type { Store } from '../../storage/store';

async function projectWithObject(store: Store) {
  const project = createProject({ settings: { name: '乌苏', gkZone: 28 }, objects: [], zones: [] });
  await store.commit({ projectId: project.id, ...project });
  const object = createObject(project.id, {
    name: '巴音沟承化寺',
    objectType: 'relic_unit',
    level: 'provincial',
  });
  await store.commit({ projectId: project.id, ...object });
  return { projectId: project.id, objectId: object.id };
}

describe('the write door', () => {
  it('stores a drawn zone and undoes and redoes it as one step', async () => {
    const store = await openMemoryStore();
    const { projectId, objectId } = await projectWithObject(store);
    const zone = createZone({
      projectId,
      objectId,
      attributes: { zoneType: 'protection_range' },
      geometry: squareAround(84.68, 44.43),
    });
    await store.commit({ projectId, ...zone });
    expect((await store.read.zone(zone.id))?.attributes.status).toBe('proposed');
    expect((await store.read.history(projectId)).undo?.en).toBe('Draw protection range');

    await store.undo(projectId);
    expect(await store.read.zone(zone.id)).toBeUndefined();
    await store.redo(projectId);
    expect((await store.read.zone(zone.id))?.geometry).toEqual(squareAround(84.68, 44.43));
  });

  it('refuses an invalid attribute with a message and writes nothing', async () => {
    const store = await openMemoryStore();
    const { projectId, objectId } = await projectWithObject(store);
    const zone = createZone({
      projectId,
      objectId,
      attributes: { zoneType: 'body' },
      geometry: squareAround(84.6, 44.4),
    });
    await store.commit({ projectId, ...zone });
    const before = await store.read.zone(zone.id);
    const historyBefore = await store.read.history(projectId);

    const attempt = store.commit({
      projectId,
      ...updateZoneAttributes(zone.id, { cczClass: 2, rules: '禁止建设' }),
    });
    await expect(attempt).rejects.toBeInstanceOf(CommitError);
    await expect(attempt).rejects.toMatchObject({
      problems: [{ message: { en: 'Only a construction-control zone has a class' } }],
    });
    expect(await store.read.zone(zone.id)).toEqual(before);
    expect(await store.read.history(projectId)).toEqual(historyBefore);
  });

  it('drops the redo branch when a new edit follows an undo', async () => {
    const store = await openMemoryStore();
    const { projectId, objectId } = await projectWithObject(store);
    const zone = createZone({
      projectId,
      objectId,
      attributes: { zoneType: 'body' },
      geometry: squareAround(84.6, 44.4),
    });
    await store.commit({ projectId, ...zone });
    await store.commit({ projectId, ...updateZoneAttributes(zone.id, { rules: 'A' }) });
    await store.undo(projectId);
    expect((await store.read.history(projectId)).redo).not.toBeNull();
    await store.commit({ projectId, ...updateZoneAttributes(zone.id, { rules: 'B' }) });
    expect((await store.read.history(projectId)).redo).toBeNull();
    await store.undo(projectId);
    expect((await store.read.zone(zone.id))?.attributes.rules).toBe('');
  });

  it('a no-op edit records no history step', async () => {
    const store = await openMemoryStore();
    const { projectId, objectId } = await projectWithObject(store);
    const zone = createZone({
      projectId,
      objectId,
      attributes: { zoneType: 'body' },
      geometry: squareAround(84.6, 44.4),
    });
    await store.commit({ projectId, ...zone });
    const result = await store.commit({ projectId, ...updateZoneAttributes(zone.id, { rules: '' }) });
    expect(result.changes).toEqual([]);
    expect((await store.read.history(projectId)).undo?.en).toBe('Draw body');
  });

  it('live queries see commits', async () => {
    const store = await openMemoryStore();
    const { projectId, objectId } = await projectWithObject(store);
    const seen: number[] = [];
    const stop = store.observe(
      (q) => q.zonesOfProject(projectId),
      (zones) => seen.push(zones.length),
      (e) => {
        throw e;
      },
    );
    await new Promise((r) => setTimeout(r, 20));
    const zone = createZone({
      projectId,
      objectId,
      attributes: { zoneType: 'body' },
      geometry: squareAround(84.6, 44.4),
    });
    await store.commit({ projectId, ...zone });
    await new Promise((r) => setTimeout(r, 50));
    stop();
    expect(seen).toEqual([0, 1]);
  });
});

describe('geometry at the write door', () => {
  it('refuses a self-intersecting zone from any command, not only from the map tools', async () => {
    const store = await openMemoryStore();
    const { projectId, objectId } = await projectWithObject(store);
    const bowtie = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [84, 44],
          [84.01, 44.01],
          [84.01, 44],
          [84, 44.01],
          [84, 44],
        ] as [number, number][],
      ],
    };
    const attempt = store.commit({
      projectId,
      ...createZone({ projectId, objectId, attributes: { zoneType: 'body' }, geometry: bowtie }),
    });
    await expect(attempt).rejects.toMatchObject({
      title: { zh: '边界无效，未保存', en: 'Invalid boundary: not saved' },
      problems: [{ message: { en: expect.stringContaining('self-intersection') } }],
    });
    expect(await store.read.zonesOfProject(projectId)).toEqual([]);
  });
});
