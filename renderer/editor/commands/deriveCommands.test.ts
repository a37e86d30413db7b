import { describe, expect, it } from 'vitest';
import { deriveShapes } from '../../../shared/derive/deriveZones';
import type { DeriveRequest } from '../../../shared/derive/types';
import { openMemoryStore, squareAround } from '../../testing/memoryStore';
import { createDerivedZones } from './deriveCommands';
import { createObject } from './objectCommands';
import { createProject } from './projectCommands';
import { createZone } from './zoneCommands';

async function derive(boundaryText: string, request: Omit<DeriveRequest, 'source'>) {
  const store = await openMemoryStore();
  const project = createProject({ settings: { name: '乌苏', gkZone: 28 }, objects: [], zones: [] });
  await store.commit({ projectId: project.id, ...project });
  const object = createObject(project.id, { name: '古塔', objectType: 'relic_unit', level: 'county' });
  await store.commit({ projectId: project.id, ...object });
  const range = createZone({
    projectId: project.id,
    objectId: object.id,
    attributes: { zoneType: 'protection_range' },
    geometry: squareAround(84.68, 44.43),
  });
  await store.commit({ projectId: project.id, ...range });
  const full: DeriveRequest = {
    ...request,
    source: { kind: 'zone', zoneId: range.id, geometry: squareAround(84.68, 44.43) },
  };
  const shapes = deriveShapes(full, { gkZone: 28 });
  const command = createDerivedZones({
    projectId: project.id,
    objectId: object.id,
    zoneType: 'construction_control_zone',
    request: full,
    shapes,
    boundaryText,
  });
  await store.commit({ projectId: project.id, ...command });
  const zones = await store.read.zones(command.ids);
  return { zones, drafts: shapes.map((s) => s.draft.zh) };
}

describe('the 四至 of a derived zone', () => {
  it('is the generated draft when nothing was typed, one per graded ring', async () => {
    const { zones, drafts } = await derive('  ', {
      spec: {
        method: 'rings',
        corner: 'round',
        rings: [
          { cczClass: 2, distanceM: 50 },
          { cczClass: 3, distanceM: 100 },
        ],
      },
    });
    expect(zones).toHaveLength(2);
    expect(new Set(drafts).size).toBe(2);
    expect(zones.map((z) => z.attributes.boundaryText)).toEqual(drafts);
    expect(drafts[0]).toContain('50');
  });

  it('is what the planner typed when there is text', async () => {
    const typed = '东至公路，南至河沿，西至围墙外50米，北至山脚';
    const { zones } = await derive(typed, { spec: { method: 'buffer', distanceM: 30, corner: 'round' } });
    expect(zones[0]!.attributes.boundaryText).toBe(typed);
    expect(zones[0]!.attributes.derivation!.draft).not.toBe(typed);
  });
});
