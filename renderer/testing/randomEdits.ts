import fc from 'fast-check';
import type { Position, Ring, ZoneGeometry } from '../../shared/domain/geometry';
import { ZONE_TYPES } from '../../shared/domain/taxonomy';
import type { Command } from '../editor/commands/command';
import { createObject, deleteObject, updateObjectAttributes } from '../editor/commands/objectCommands';
import {
  createZone,
  deleteZones,
  setZoneGeometries,
  updateZoneAttributes,
} from '../editor/commands/zoneCommands';
import type { Store } from '../storage/store';
import { squareAround } from './memoryStore';

/** Random edits of a project for property tests of the history (history.property.test.ts). */

/** Everything a planner would call the document: projects, objects and zones, sorted by id. */
export async function snapshot(store: Store) {
  const projects = await store.read.projects();
  const objects = [];
  const zones = [];
  for (const p of projects) {
    objects.push(...(await store.read.objectsOfProject(p.id)));
    zones.push(...(await store.read.zonesOfProject(p.id)));
  }
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return { projects: projects.sort(byId), objects: objects.sort(byId), zones: zones.sort(byId) };
}

/** A random edit, resolved against the current document so that most edits hit something. */
export const editArb = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('createObject' as const),
      name: fc.string({ minLength: 1, maxLength: 8 }),
    }),
  },
  fc.record({
    kind: fc.constant('createZone' as const),
    pick: fc.nat(),
    zoneType: fc.constantFrom(...ZONE_TYPES),
    lon: fc.double({ min: 80, max: 90, noNaN: true }),
    lat: fc.double({ min: 40, max: 45, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('editZone' as const), pick: fc.nat(), rules: fc.string({ maxLength: 12 }) }),
  fc.record({
    kind: fc.constant('moveZone' as const),
    pick: fc.nat(),
    dx: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('renameObject' as const),
    pick: fc.nat(),
    name: fc.string({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('deleteZone' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('deleteObject' as const), pick: fc.nat() }),
);
export type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function translate(geometry: ZoneGeometry, dx: number): ZoneGeometry {
  const shift = (rings: Ring[]): Ring[] => rings.map((ring) => ring.map(([x, y]): Position => [x + dx, y]));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: shift(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(shift) };
}

export async function toCommand(store: Store, projectId: string, edit: Edit): Promise<Command | null> {
  const objects = await store.read.objectsOfProject(projectId);
  const zones = await store.read.zonesOfProject(projectId);
  const object = objects.length ? objects[(edit as { pick?: number }).pick! % objects.length] : undefined;
  const zone = zones.length ? zones[(edit as { pick?: number }).pick! % zones.length] : undefined;
  switch (edit.kind) {
    case 'createObject':
      return createObject(projectId, { name: edit.name.trim() || 'x', objectType: 'relic_unit' });
    case 'createZone':
      return object
        ? createZone({
            projectId,
            objectId: object.id,
            attributes: { zoneType: edit.zoneType },
            geometry: squareAround(edit.lon, edit.lat),
          })
        : null;
    case 'editZone':
      return zone ? updateZoneAttributes(zone.id, { rules: edit.rules }) : null;
    case 'moveZone':
      if (!zone) return null;
      return setZoneGeometries(new Map([[zone.id, translate(zone.geometry, edit.dx)]]));
    case 'renameObject':
      return object ? updateObjectAttributes(object.id, { name: edit.name.trim() || 'y' }) : null;
    case 'deleteZone':
      return zone ? deleteZones([zone.id]) : null;
    case 'deleteObject':
      return object ? deleteObject(object.id) : null;
  }
}
