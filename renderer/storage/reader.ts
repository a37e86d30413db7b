import type { Project, ProtectedObject, Zone } from '../../shared/domain/schema';
import type { WorkbenchDb } from './database';

/** Read access a command gets while it builds its change set, inside the commit transaction. */
export interface Reader {
  project(id: string): Promise<Project | undefined>;
  object(id: string): Promise<ProtectedObject | undefined>;
  zone(id: string): Promise<Zone | undefined>;
  zones(ids: readonly string[]): Promise<Zone[]>;
  objectsOfProject(projectId: string): Promise<ProtectedObject[]>;
  zonesOfProject(projectId: string): Promise<Zone[]>;
  zonesOfObject(objectId: string): Promise<Zone[]>;
  /** The keys of a project's zones, read as keys only. */
  zoneIdsOfProject(projectId: string): Promise<string[]>;
  /** Which of these ids a table holds (any project), read as keys only, in one query. */
  existingIds(table: 'objects' | 'zones', ids: readonly string[]): Promise<Set<string>>;
}

export function createReader(db: WorkbenchDb): Reader {
  return {
    project: (id) => db.projects.get(id),
    object: (id) => db.objects.get(id),
    zone: (id) => db.zones.get(id),
    zones: async (ids) => (await db.zones.bulkGet([...ids])).filter((z): z is Zone => z !== undefined),
    objectsOfProject: (projectId) => db.objects.where('projectId').equals(projectId).toArray(),
    zonesOfProject: (projectId) => db.zones.where('projectId').equals(projectId).toArray(),
    zonesOfObject: (objectId) => db.zones.where('objectId').equals(objectId).toArray(),
    zoneIdsOfProject: (projectId) => db.zones.where('projectId').equals(projectId).primaryKeys(),
    existingIds: async (table, ids) => {
      if (ids.length === 0) return new Set<string>();
      const keys = await db
        .table<{ id: string }, string>(table)
        .where(':id')
        .anyOf([...ids])
        .primaryKeys();
      return new Set(keys);
    },
  };
}
