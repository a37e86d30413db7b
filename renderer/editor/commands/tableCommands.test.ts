import { describe, expect, it } from 'vitest';
import { CommitError } from '../../storage/commitError';
import type { Store } from '../../storage/store';
import { openMemoryStore, squareAround } from '../../testing/memoryStore';
import { createObject } from './objectCommands';
import { createProject } from './projectCommands';
import { editRows } from './tableCommands';
import { createZone } from './zoneCommands';

/** A project of `objects` county-level objects with two zones each (body, protection range). */
async function project(store: Store, objects: number) {
  const p = createProject({ settings: { name: '乌苏', gkZone: 28 }, objects: [], zones: [] });
  await store.commit({ projectId: p.id, ...p });
  const zoneIds: string[] = [];
  const objectIds: string[] = [];
  for (let i = 0; i < objects; i++) {
    const o = createObject(p.id, { name: `对象${i}`, objectType: 'relic_unit', level: 'county' });
    await store.commit({ projectId: p.id, ...o });
    objectIds.push(o.id);
    for (const zoneType of ['body', 'protection_range'] as const) {
      const z = createZone({
        projectId: p.id,
        objectId: o.id,
        attributes: { zoneType },
        geometry: squareAround(84.6 + i * 0.01, 44.4),
      });
      await store.commit({ projectId: p.id, ...z });
      zoneIds.push(z.id);
    }
  }
  return { projectId: p.id, zoneIds, objectIds };
}

const LABEL = { zh: '批量修改', en: 'Edit rows' };

describe('editRows', () => {
  it('sets a column for 20 rows in one undo step, and one undo restores all 20', async () => {
    const store = await openMemoryStore('rows-20');
    const { projectId, zoneIds, objectIds } = await project(store, 10);
    const historyBefore = (await store.read.history(projectId)).undo;
    // 20 zone rows: their status, and their objects' protection level (10 objects).
    const zones = new Map(zoneIds.map((id) => [id, { status: 'existing_approved' as const }]));
    const objects = new Map(objectIds.map((id) => [id, { level: 'provincial' as const }]));
    const result = await store.commit({ projectId, ...editRows({ zones, objects }, LABEL) });
    expect(result.changes.length).toBe(30);

    const stored = await store.read.zones(zoneIds);
    expect(stored.map((z) => z.attributes.status)).toEqual(Array(20).fill('existing_approved'));
    for (const id of objectIds) expect((await store.read.object(id))?.attributes.level).toBe('provincial');
    expect((await store.read.history(projectId)).undo).toEqual(LABEL);

    await store.undo(projectId);
    expect((await store.read.zones(zoneIds)).map((z) => z.attributes.status)).toEqual(
      Array(20).fill('proposed'),
    );
    for (const id of objectIds) expect((await store.read.object(id))?.attributes.level).toBe('county');
    expect((await store.read.history(projectId)).undo).toEqual(historyBefore);
  });

  it('edits only the objects asked for among many', async () => {
    const store = await openMemoryStore('rows-many');
    const { projectId, objectIds } = await project(store, 70);
    const picked = objectIds.slice(0, 66);
    const objects = new Map(picked.map((id) => [id, { era: '清' }]));
    await store.commit({ projectId, ...editRows({ objects }, LABEL) });
    for (const id of objectIds)
      expect((await store.read.object(id))?.attributes.era).toBe(picked.includes(id) ? '清' : '');
  });

  it('leaves unchanged rows out of the change set', async () => {
    const store = await openMemoryStore('rows-same');
    const { projectId, zoneIds } = await project(store, 2);
    const zones = new Map(zoneIds.map((id, i) => [id, { subZoneNo: i === 0 ? 1 : null }]));
    const result = await store.commit({ projectId, ...editRows({ zones }, LABEL) });
    expect(result.changes.map((c) => c.key)).toEqual([zoneIds[0]]);
  });

  it('refuses the whole edit when one row would become invalid, writing nothing', async () => {
    const store = await openMemoryStore('rows-invalid');
    const { projectId, zoneIds } = await project(store, 3);
    const before = await store.read.zones(zoneIds);
    // A CCZ class on a body or protection range is invalid (only a construction-control zone has one).
    const zones = new Map(zoneIds.map((id) => [id, { cczClass: 2 as const }]));
    await expect(store.commit({ projectId, ...editRows({ zones }, LABEL) })).rejects.toBeInstanceOf(
      CommitError,
    );
    expect(await store.read.zones(zoneIds)).toEqual(before);
  });

  it('refuses an edit of a row deleted meanwhile, naming it', async () => {
    const store = await openMemoryStore('rows-gone');
    const { projectId } = await project(store, 1);
    const zones = new Map([['no-such-zone', { status: 'superseded' as const }]]);
    await expect(store.commit({ projectId, ...editRows({ zones }, LABEL) })).rejects.toMatchObject({
      problems: [{ message: { en: 'The zone no longer exists' } }],
    });
  });
});
