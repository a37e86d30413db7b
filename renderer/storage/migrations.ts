import type { Transaction } from 'dexie';
import { ObjectAttributesSchema, ZoneAttributesSchema } from '../../shared/domain/schema';

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
