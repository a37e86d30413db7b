import type { Store } from '../storage/store';

/**
 * Whom a project file is trusted from. A file opens editable only when this installation recorded
 * saving exactly these bytes (the SHA-256 of every file it saves is kept in its own store, see
 * renderer/storage/savedFiles.ts); every other file — whatever it says about itself, e.g. a
 * `saved_by` id in its metadata, which is provenance only — opens as a read-only review copy.
 * One changed byte makes a different hash, so an edited file is someone else's file.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Web Crypto exists only in secure contexts (our app:// origin, https, localhost). */
const canHash = () => globalThis.crypto?.subtle !== undefined;

/** Whether a file with these bytes opens as a read-only review copy (always, if we cannot hash). */
export async function opensForReview(store: Store, bytes: Uint8Array): Promise<boolean> {
  return !canHash() || !(await store.wasSavedHere(await sha256Hex(bytes)));
}

/** Record that this installation wrote these bytes as a project file (after the write succeeded). */
export async function rememberSaved(store: Store, bytes: Uint8Array): Promise<void> {
  if (canHash()) await store.rememberSavedFile(await sha256Hex(bytes));
}
