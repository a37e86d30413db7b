import type { WorkbenchDb } from './database';
import type { ReviewQueries, VersionWrites } from './reviewStoreTypes';
import { ReviewerIdentitySchema, REVIEWER_PREFERENCE } from '../../shared/review/model';
import { parseJsonText } from '../../shared/formats/safeJson';

/*
 * INTERIM (issue 13 review contract): stand-ins for the review and version store methods until
 * wip/review-a lands the version 6 tables, the review undo stack and the version store. Reads
 * answer "nothing yet" (a version's state is the live state); version writes refuse. A replaces
 * this whole file.
 */

export function interimReviewQueries(
  db: WorkbenchDb,
  readPreference: (name: string) => Promise<string | null>,
): ReviewQueries {
  return {
    comments: () => Promise.resolve([]),
    decisions: () => Promise.resolve([]),
    signoffs: () => Promise.resolve([]),
    versions: () => Promise.resolve([]),
    // INTERIM: every version reads as the live state.
    async versionState(projectId) {
      const project = await db.projects.get(projectId);
      if (!project) return null;
      const [objects, zones] = await Promise.all([
        db.objects.where('projectId').equals(projectId).toArray(),
        db.zones.where('projectId').equals(projectId).toArray(),
      ]);
      return { settings: project.settings, objects, zones };
    },
    versionDelta: () => Promise.resolve({ objects: [], zones: [] }),
    lineage: (projectId) => Promise.resolve(projectId),
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

export function interimVersionWrites(): VersionWrites {
  const later = () => Promise.reject(new Error('INTERIM: named versions arrive with wip/review-a'));
  return { tagVersion: later, renameVersion: later, removeVersion: later, importVersion: later };
}
