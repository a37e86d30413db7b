import type { BackgroundAccessValue } from './backgroundAccess';
import type { WorkbenchDb } from './database';
import { writeTransaction } from './connection';

/**
 * Deleting a project is undo-safe: the project first goes to the trash (a `trash:<projectId>` mark
 * in `meta`, written through the write door outside the undo history: outsideHistory.ts), which hides it from the project
 * list and keeps every record. Restoring removes the mark. The trash is emptied — the records
 * really deleted — only when a later session opens the store and the deletion is older than
 * `TRASH_KEPT_MS`, so "undo delete" works for the rest of the session that deleted it.
 */
export const trashKey = (projectId: string) => `trash:${projectId}`;
export const TRASH_KEPT_MS = 24 * 60 * 60 * 1000;

/** Ids of the projects in the trash. */
export async function trashedProjects(db: WorkbenchDb): Promise<Set<string>> {
  const marks = await db.meta.where('key').startsWith('trash:').primaryKeys();
  return new Set(marks.map((key) => String(key).slice('trash:'.length)));
}

/**
 * Delete for good the projects trashed before `now - keptMs`, with everything stored for them.
 * Returns their ids and the access records of their backgrounds, deleted here, whose desktop
 * grants the caller asks the platform to forget (outside this transaction).
 */
export function emptyTrash(
  db: WorkbenchDb,
  now = new Date(),
  keptMs = TRASH_KEPT_MS,
): Promise<{ projects: string[]; accesses: BackgroundAccessValue[] }> {
  const tables = [
    db.projects,
    db.objects,
    db.zones,
    db.history,
    db.meta,
    db.referenceLayers,
    db.backgrounds,
    db.backgroundAccess,
    db.comments,
    db.decisions,
    db.signoffs,
    db.versions,
    db.versionRecords,
  ];
  return writeTransaction(
    db,
    tables.map((t) => t.name),
    async () => {
      const marks = await db.meta.where('key').startsWith('trash:').toArray();
      const due = marks
        .filter((m) => now.getTime() - Date.parse(m.value ?? '') >= keptMs)
        .map((m) => m.key.slice('trash:'.length));
      const accesses: BackgroundAccessValue[] = [];
      for (const id of due) {
        await db.objects.where('projectId').equals(id).delete();
        await db.zones.where('projectId').equals(id).delete();
        await db.history.where('projectId').equals(id).delete();
        for (const review of [db.comments, db.decisions, db.signoffs, db.versions])
          await review.where('projectId').equals(id).delete();
        // Version rows are keyed under their version's key, `<projectId>/<versionId>`.
        await db.versionRecords.where(':id').startsWith(`${id}/`).delete();
        await db.referenceLayers.where('projectId').equals(id).delete();
        const backgrounds = await db.backgrounds.where('projectId').equals(id).primaryKeys();
        const records = await db.backgroundAccess.bulkGet(backgrounds);
        for (const record of records) if (record) accesses.push(record.access);
        await db.backgroundAccess.bulkDelete(backgrounds);
        await db.backgrounds.bulkDelete(backgrounds);
        await db.meta.where('key').startsWith(`history:${id}:`).delete();
        await db.meta.bulkDelete([
          `review:${id}`,
          `fileExtras:${id}`,
          `layers:${id}`,
          `lineage:${id}`,
          trashKey(id),
        ]);
        await db.projects.delete(id);
      }
      return { projects: due, accesses };
    },
  );
}
