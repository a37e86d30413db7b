import type { ProjectData } from '../../editor/projectMirror';
import { useMirrorData, useProjectMirror } from './useMirror';

export type { ProjectData };

/**
 * The open project's objects and zones as one consistent value, read from the project mirror
 * (patched by key after each commit, never re-read whole). Re-renders on every patch: panels that
 * show one record subscribe to it alone (useMirror.ts). undefined while loading, null when none.
 */
export function useProjectData(projectId: string | null): ProjectData | null | undefined {
  const data = useMirrorData(useProjectMirror(projectId));
  return projectId ? data : null;
}
