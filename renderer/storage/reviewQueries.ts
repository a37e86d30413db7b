import type { WorkbenchDb } from './database';
import type { ReviewQueries } from './reviewStoreTypes';
import { ReviewerIdentitySchema, REVIEWER_PREFERENCE } from '../../shared/review/model';
import { parseJsonText } from '../../shared/formats/safeJson';
import { versionDelta, versionState, versionsOf } from './versionStore';

/** `meta lineage:<projectId>`: the uid a project's files carry (`hzw_meta.project_uid`). */
export const lineageKey = (projectId: string) => `lineage:${projectId}`;

/**
 * The store's reads of review records and named versions (reviewStoreTypes.ts). Review records
 * are read per project from their own tables; panels follow them with `store.observe`.
 */
export function reviewQueries(
  db: WorkbenchDb,
  readPreference: (name: string) => Promise<string | null>,
): ReviewQueries {
  return {
    comments: (projectId) => db.comments.where('projectId').equals(projectId).toArray(),
    decisions: (projectId) => db.decisions.where('projectId').equals(projectId).toArray(),
    signoffs: (projectId) => db.signoffs.where('projectId').equals(projectId).toArray(),
    versions: (projectId) => versionsOf(db, projectId),
    versionState: (projectId, versionId) => versionState(db, projectId, versionId),
    versionDelta: (projectId, versionId) => versionDelta(db, projectId, versionId),
    lineage: async (projectId) => (await db.meta.get(lineageKey(projectId)))?.value ?? projectId,
    async reviewer() {
      const text = await readPreference(REVIEWER_PREFERENCE);
      if (!text) return null;
      const parsed = parseJsonText(text);
      if (!parsed.ok) return null;
      const identity = ReviewerIdentitySchema.safeParse(parsed.value);
      return identity.success ? identity.data : null;
    },
  };
}
