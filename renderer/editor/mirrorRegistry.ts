import type { Store } from '../storage/store';
import { ProjectMirror } from './projectMirror';

interface Held {
  mirror: ProjectMirror;
  users: number;
}

const held = new WeakMap<Store, Map<string, Held>>();
/** How long a mirror nobody retained (a render React threw away) lives before it ends. */
const UNCLAIMED_MS = 5000;

function entries(store: Store): Map<string, Held> {
  let byProject = held.get(store);
  if (!byProject) held.set(store, (byProject = new Map()));
  return byProject;
}

function endIfUnused(store: Store, entry: Held, after: number): void {
  setTimeout(() => {
    const byProject = entries(store);
    if (entry.users > 0 || byProject.get(entry.mirror.projectId) !== entry) return;
    byProject.delete(entry.mirror.projectId);
    entry.mirror.dispose();
  }, after);
}

/**
 * The one mirror of a project per store, shared by the map and the panels. Looking it up creates
 * it (it reads the project); users `retain` it while they show it, and the last one to let go ends
 * it a tick later, so a component that remounts at once (React's StrictMode) keeps it instead of
 * reading the project again.
 */
export function mirrorOf(store: Store, projectId: string): ProjectMirror {
  const byProject = entries(store);
  let entry = byProject.get(projectId);
  if (!entry) {
    byProject.set(projectId, (entry = { mirror: new ProjectMirror(store, projectId), users: 0 }));
    endIfUnused(store, entry, UNCLAIMED_MS);
  }
  return entry.mirror;
}

/** Keep the mirror alive until the returned function is called. */
export function retainMirror(store: Store, mirror: ProjectMirror): () => void {
  const entry = entries(store).get(mirror.projectId);
  if (!entry || entry.mirror !== mirror) return () => {};
  entry.users++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    entry.users--;
    endIfUnused(store, entry, 0);
  };
}
