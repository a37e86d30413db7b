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
