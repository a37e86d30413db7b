import type { WorkbenchDb } from './database';

/**
 * The record of project files this installation saved: the SHA-256 (hex) of each file's exact
 * bytes, newest first, in one `meta` row (`savedFiles`). Opening trusts a file only when its bytes
 * hash to an entry here (renderer/editor/fileTrust.ts). Bounded: the oldest entries fall off, so a
 * file saved long ago and untouched since opens as a review copy — the safe direction.
 */
export const SAVED_FILES_KEY = 'savedFiles';
export const SAVED_FILES_LIMIT = 1000;

export async function rememberSavedFile(
  db: WorkbenchDb,
  hash: string,
  limit = SAVED_FILES_LIMIT,
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const hashes = (await db.meta.get(SAVED_FILES_KEY))?.hashes ?? [];
    const next = [hash, ...hashes.filter((h) => h !== hash)].slice(0, limit);
    await db.meta.put({ key: SAVED_FILES_KEY, hashes: next });
  });
}

export async function wasSavedHere(db: WorkbenchDb, hash: string): Promise<boolean> {
  return ((await db.meta.get(SAVED_FILES_KEY))?.hashes ?? []).includes(hash);
}
