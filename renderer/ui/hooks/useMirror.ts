import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { mirrorOf, retainMirror } from '../../editor/mirrorRegistry';
import type { ProjectData, ProjectMirror } from '../../editor/projectMirror';
import type { ProtectedObject, Zone } from '../../../shared/domain/schema';
import { useWorkbench } from './useWorkbench';

const never = () => () => {};

/** The open project's mirror (editor/projectMirror.ts), shared with the map; null while none. */
export function useProjectMirror(projectId: string | null): ProjectMirror | null {
  const { workbench } = useWorkbench();
  const mirror = useMemo(
    () => (projectId ? mirrorOf(workbench.store, projectId) : null),
    [workbench, projectId],
  );
  useEffect(() => (mirror ? retainMirror(workbench.store, mirror) : undefined), [workbench, mirror]);
  return mirror;
}

/** The whole project as one value: re-renders on every patch (panels that list everything). */
export function useMirrorData(mirror: ProjectMirror | null): ProjectData | null | undefined {
  const subscribe = useCallback(
    (listener: () => void) => mirror?.subscribe(listener) ?? (() => {}),
    [mirror],
  );
  return useSyncExternalStore(subscribe, () => mirror?.data());
}

/** One zone: re-renders only when that zone changes (not when any other does). */
export function useMirrorZone(mirror: ProjectMirror | null, id: string | null): Zone | undefined {
  const subscribe = useCallback(
    (listener: () => void) => (mirror && id ? mirror.subscribeKey('zones', id, listener) : () => {}),
    [mirror, id],
  );
  return useSyncExternalStore(mirror && id ? subscribe : never, () => (id ? mirror?.zone(id) : undefined));
}

/** One protected object: re-renders only when that object changes. */
export function useMirrorObject(
  mirror: ProjectMirror | null,
  id: string | null,
): ProtectedObject | undefined {
  const subscribe = useCallback(
    (listener: () => void) => (mirror && id ? mirror.subscribeKey('objects', id, listener) : () => {}),
    [mirror, id],
  );
  return useSyncExternalStore(mirror && id ? subscribe : never, () => (id ? mirror?.object(id) : undefined));
}

/** The ids of the project's zones: re-renders only when zones come or go. */
export function useMirrorZoneIds(mirror: ProjectMirror | null): readonly string[] {
  const subscribe = useCallback(
    (listener: () => void) => mirror?.subscribeList(listener) ?? (() => {}),
    [mirror],
  );
  return useSyncExternalStore(subscribe, () => mirror?.ids('zones') ?? EMPTY);
}

const EMPTY: readonly string[] = [];
