import { describe, expect, it } from 'vitest';
import { openMemoryStore, squareAround } from '../testing/memoryStore';
import { mergeZonesCommand } from './commands/geometryOpCommands';
import { createObject } from './commands/objectCommands';
import { createProject } from './commands/projectCommands';
import { createZone } from './commands/zoneCommands';
import { Workbench } from './workbench';

async function workbenchWithTwoZones() {
  const store = await openMemoryStore();
  const workbench = new Workbench(store, 'zh');
  const project = createProject({ settings: { name: '乌苏', gkZone: 28 }, objects: [], zones: [] });
  await store.commit({ projectId: project.id, ...project });
  workbench.state.set({ projectId: project.id });
  const object = createObject(project.id, { name: '古塔', objectType: 'relic_unit', level: 'county' });
  await workbench.run(object);
  const ids: string[] = [];
  for (const lon of [84.68, 84.6815]) {
    const zone = createZone({
      projectId: project.id,
      objectId: object.id,
      attributes: { zoneType: 'protection_range' },
      geometry: squareAround(lon, 44.43),
    });
    await workbench.run(zone);
    ids.push(zone.id);
  }
  return { workbench, objectId: object.id, ids };
}

describe('the selection follows what a commit or undo leaves', () => {
  it('after merging two selected zones, one zone is selected', async () => {
    const { workbench, objectId, ids } = await workbenchWithTwoZones();
    workbench.select({ zoneIds: ids, objectId });
    await workbench.run(mergeZonesCommand(ids));
    expect(workbench.state.get().selection).toEqual({ zoneIds: [ids[0]], objectId });
  });

  it('undoing the drawing of a selected zone drops it from the selection; redo does not bring it back', async () => {
    const { workbench, objectId, ids } = await workbenchWithTwoZones();
    workbench.select({ zoneIds: [ids[1]!], objectId });
    await workbench.undo();
    expect(workbench.state.get().selection).toEqual({ zoneIds: [], objectId });
    workbench.select({ zoneIds: [ids[0]!], objectId });
    await workbench.redo();
    expect(workbench.state.get().selection).toEqual({ zoneIds: [ids[0]], objectId });
  });
});
