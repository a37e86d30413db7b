import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStore } from '../storage/store';
import { createProject } from './commands/projectCommands';
import { createObject } from './commands/objectCommands';
import { createZone, updateZoneAttributes } from './commands/zoneCommands';
import { squareAround } from '../testing/memoryStore';

describe('two windows on one project', () => {
  it('see each other’s commits through live queries and each undo their own steps', async () => {
    const indexedDB = new IDBFactory();
    const a = await openStore({ name: 'shared', indexedDB, IDBKeyRange });
    const b = await openStore({ name: 'shared', indexedDB, IDBKeyRange });
    const project = createProject({ settings: { name: 'p', gkZone: 28 }, objects: [], zones: [] });
    await a.commit({ projectId: project.id, ...project });
    const object = createObject(project.id, { name: '清代乌苏古城墙', objectType: 'relic_unit' });
    await a.commit({ projectId: project.id, ...object });

    const seenByB: string[][] = [];
    const stop = b.observe(
      (q) => q.zonesOfProject(project.id),
      (zones) => seenByB.push(zones.map((z) => z.attributes.rules)),
      (e) => {
        throw e;
      },
    );
    const zone = createZone({
      projectId: project.id,
      objectId: object.id,
      attributes: { zoneType: 'protection_range' },
      geometry: squareAround(84.68, 44.43),
    });
    await a.commit({ projectId: project.id, ...zone });
    // Both windows edit at once; the write lock serialises them and both steps are in the history.
    await Promise.all([
      a.commit({ projectId: project.id, ...updateZoneAttributes(zone.id, { rules: 'from A' }) }),
      b.commit({ projectId: project.id, ...updateZoneAttributes(zone.id, { boundaryText: 'from B' }) }),
    ]);
    await new Promise((r) => setTimeout(r, 50));
    stop();
    const final = await b.read.zone(zone.id);
    expect(final?.attributes.rules).toBe('from A');
    expect(final?.attributes.boundaryText).toBe('from B');
    expect(seenByB.at(-1)).toEqual(['from A']);

    // Each window undoes its own step only: B's undo takes back B's text and leaves A's.
    expect((await b.undo(project.id))?.label.en).toBe('Edit zone attributes');
    expect(await b.undo(project.id)).toBeNull();
    const undone = await a.read.zone(zone.id);
    expect(undone?.attributes.rules).toBe('from A');
    expect(undone?.attributes.boundaryText).toBe('');
    await a.undo(project.id);
    expect((await b.read.zone(zone.id))?.attributes.rules).toBe('');
    a.close();
    b.close();
  });
});
