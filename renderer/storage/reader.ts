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
  };
}
