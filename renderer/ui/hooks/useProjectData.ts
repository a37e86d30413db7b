import type { Project, ProtectedObject, Zone } from '../../../shared/domain/schema';
import { useLive } from './useLive';

export interface ProjectData {
  project: Project;
  objects: ProtectedObject[];
  zones: Zone[];
}

/** The open project's objects and zones, from one live query so they are always mutually consistent. */
export function useProjectData(projectId: string | null): ProjectData | null | undefined {
  return useLive(
    async (q) => {
      if (!projectId) return null;
      const project = await q.project(projectId);
      if (!project) return null;
      const [objects, zones] = await Promise.all([
        q.objectsOfProject(projectId),
        q.zonesOfProject(projectId),
      ]);
      return { project, objects, zones };
    },
    [projectId],
  );
}
