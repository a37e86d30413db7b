import type { Transaction } from 'dexie';
import {
  ObjectAttributesSchema,
  ZoneAttributesSchema,
  type ProtectedObject,
  type Zone,
} from '../../shared/domain/schema';
import type { ReviewComment } from '../../shared/formats/projectFileSchema';
import { legacyCommentEntries } from '../../shared/review/legacyComments';
import { CommentEntrySchema, type CommentEntry } from '../../shared/review/model';
import { reviewRecordKey, type CommentRecord, type FileExtras } from './records';

/**
 * Version 2 added the per-type zone index and the per-project history index, and from then on
 * every stored attribute record is complete: fields added to the schema with defaults are filled
 * in here for records written before. A record the current schema refuses is kept untouched —
 * an upgrade must never drop a planner's data; the attribute form shows what needs fixing.
 */
export async function upgradeToVersion2(tx: Transaction): Promise<void> {
  const schemas = { objects: ObjectAttributesSchema, zones: ZoneAttributesSchema };
  for (const [table, schema] of Object.entries(schemas)) {
    await tx
      .table(table)
      .toCollection()
      .modify((record: { attributes: unknown }) => {
        const parsed = schema.safeParse(record.attributes);
        if (parsed.success) record.attributes = parsed.data;
      });
  }
}

/** The window session of undo steps stored before steps had one (a new window may adopt it). */
export const LEGACY_SESSION = 'legacy';

/**
 * Version 4 made undo per window session: every stored step gets the legacy session and each
 * project's one undo cursor (`history:<projectId>`) becomes that session's cursor, so the first
 * window opened after the upgrade adopts the old history (windowSession.ts) and can undo it.
 */
export async function upgradeToVersion4(tx: Transaction): Promise<void> {
  await tx
    .table('history')
    .toCollection()
    .modify((entry: { session?: string }) => {
      entry.session ??= LEGACY_SESSION;
    });
  const meta = tx.table<{ key: string; cursor?: number }, string>('meta');
  const cursors = await meta.where('key').startsWith('history:').toArray();
  for (const old of cursors) {
    if (old.key.split(':').length !== 2) continue;
    await meta.delete(old.key);
    await meta.put({ ...old, key: `${old.key}:${LEGACY_SESSION}` });
  }
}

/**
 * Version 6 stores review records in tables of their own. Comments a project file brought (kept
 * until now in `meta` `fileExtras:<projectId>`) become thread entries in `comments`
 * (shared/review/legacyComments.ts: a resolved one gets its status entry; a zone's pin is its
 * interior point), keyed `<projectId>/<entryId>`, and leave the extras, which keep what else the
 * file carried. A comment the mapping cannot read is left in the extras, as it was.
 */
export async function upgradeToVersion6(tx: Transaction): Promise<void> {
  const meta = tx.table<{ key: string; extras?: FileExtras }, string>('meta');
  for (const record of await meta.where('key').startsWith('fileExtras:').toArray()) {
    const comments = record.extras?.comments ?? [];
    if (comments.length === 0) continue;
    const projectId = record.key.slice('fileExtras:'.length);
    const [objects, zones] = await Promise.all([
      tx.table<ProtectedObject, string>('objects').where('projectId').equals(projectId).toArray(),
      tx.table<Zone, string>('zones').where('projectId').equals(projectId).toArray(),
    ]);
    const kept: ReviewComment[] = [];
    const entries: CommentRecord[] = [];
    for (const comment of comments) {
      const parsed = migrated(comment, objects, zones);
      if (parsed)
        for (const e of parsed) entries.push({ ...e, id: reviewRecordKey(projectId, e.entryId), projectId });
      else kept.push(comment);
    }
    await tx.table('comments').bulkPut(entries);
    await meta.put({ ...record, extras: { ...record.extras!, comments: kept } });
  }
}

function migrated(comment: ReviewComment, objects: ProtectedObject[], zones: Zone[]): CommentEntry[] | null {
  try {
    const parsed = legacyCommentEntries(comment, { objects, zones }).map((e) =>
      CommentEntrySchema.safeParse(e),
    );
    return parsed.every((p) => p.success) ? parsed.map((p) => p.data!) : null;
  } catch {
    return null;
  }
}
