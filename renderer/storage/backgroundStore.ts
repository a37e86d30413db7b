import { liveQuery } from 'dexie';
import type { Background } from '../../shared/domain/backgrounds';
import type { BackgroundAccessValue } from './backgroundAccess';
import type { WorkbenchDb } from './database';
import type { OutsideWrite } from './outsideHistory';

/**
 * A project's backgrounds (orthophotos, CAD survey sheets, tile services, tile packages): settings
 * of the project, not edits, so they stay outside the undo history like reference layers. The
 * description (`Background`) is what a project file may carry; how this installation reaches the
 * file (a desktop grant, a browser file handle, a copy of a small file) is a separate local record
 * (`access`) that is never exported and is dropped with the background.
 *
 * Reads use the store's connection; every write goes through its write door (outsideHistory.ts).
 */
export interface BackgroundStore {
  list(projectId: string): Promise<Background[]>;
  observe(
    projectId: string,
    onValue: (list: Background[]) => void,
    onError: (error: unknown) => void,
  ): () => void;
  /** Store a background and, for a file, how to reach it here, in one transaction. */
  add(background: Background, access?: BackgroundAccessValue): Promise<void>;
  /** Replace a background's description (renamed, CAD layers switched, CRS chosen). */
  update(background: Background): Promise<void>;
  remove(id: string): Promise<void>;
  /** How this installation reaches the file; null when it does not (opened from another's file). */
  access(id: string): Promise<BackgroundAccessValue | null>;
  /** Remember (or forget, null) how to reach the file: "locate file…" after a move or on another machine. */
  setAccess(id: string, access: BackgroundAccessValue | null): Promise<void>;
}

export function createBackgroundStore(
  db: WorkbenchDb,
  write: (writes: OutsideWrite[]) => Promise<unknown>,
): BackgroundStore {
  const list = async (projectId: string) => {
    const found = await db.backgrounds.where('projectId').equals(projectId).toArray();
    return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  };
  return {
    list,
    observe(projectId, onValue, onError) {
      const subscription = liveQuery(() => list(projectId)).subscribe({ next: onValue, error: onError });
      return () => subscription.unsubscribe();
    },
    async add(background, access) {
      const writes: OutsideWrite[] = [{ kind: 'putBackground', background }];
      if (access) writes.push({ kind: 'backgroundAccess', id: background.id, access });
      await write(writes);
    },
    update: async (background) => void (await write([{ kind: 'putBackground', background }])),
    remove: async (id) => void (await write([{ kind: 'removeBackground', id }])),
    access: async (id) => (await db.backgroundAccess.get(id))?.access ?? null,
    setAccess: async (id, access) => void (await write([{ kind: 'backgroundAccess', id, access }])),
  };
}
