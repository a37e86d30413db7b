import type { WorkbenchDb } from './database';

/**
 * The record of project files this installation saved: the SHA-256 (hex) of each file's exact
 * bytes, newest first, in one `meta` row (`savedFiles`). Opening trusts a file only when its bytes
 * hash to an entry here (renderer/editor/fileTrust.ts). Bounded: the oldest entries fall off, so a
 * file saved long ago and untouched since opens as a review copy — the safe direction. Written
 * through the write door (outsideHistory.ts, `savedFile`).
 */
export const SAVED_FILES_KEY = 'savedFiles';
export const SAVED_FILES_LIMIT = 1000;

/** The list after saving `hash`: it first, no duplicate, at most `limit` entries. */
export function savedFilesWith(hashes: readonly string[], hash: string, limit: number): string[] {
  return [hash, ...hashes.filter((h) => h !== hash)].slice(0, limit);
}

export async function wasSavedHere(db: WorkbenchDb, hash: string): Promise<boolean> {
  return ((await db.meta.get(SAVED_FILES_KEY))?.hashes ?? []).includes(hash);
}
