import type { Change, RecordVersion } from '../storage/records';
import type { Selection } from './editorState';

/** The zone and object keys a commit (changes) or an undo/redo step (versions) left absent. */
export function removedKeys(written: readonly (Change | RecordVersion)[]): Set<string> {
  const keys = new Set<string>();
  for (const w of written) {
    if (w.table !== 'zones' && w.table !== 'objects') continue;
    const gone = 'fingerprint' in w ? w.fingerprint === null : w.after === null;
    if (gone) keys.add(w.key);
  }
  return keys;
}

/**
 * The selection without records that no longer exist: after a merge, a delete or an undo, the
 * toolbar and the panels follow what is left (one zone after a merge, not the two that were
 * merged). Returns null when nothing selected was removed.
 */
export function pruneSelection(selection: Selection, removed: ReadonlySet<string>): Selection | null {
  const zoneIds = selection.zoneIds.filter((id) => !removed.has(id));
  const objectGone = selection.objectId !== null && removed.has(selection.objectId);
  if (zoneIds.length === selection.zoneIds.length && !objectGone) return null;
  return { zoneIds, objectId: objectGone ? null : selection.objectId };
}
