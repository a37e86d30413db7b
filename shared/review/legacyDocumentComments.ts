import type { ProtectedObject, Zone } from '../domain/schema';
import type { ProjectDocument } from '../formats/projectDocument';
import type { CheckedContent, ProjectFileContent, ReviewComment } from '../formats/projectFileSchema';
import { legacyCommentEntries } from './legacyComments';
import type { CommentEntry } from './model';

/**
 * A version 1 or 2 file's review comments as version 3 thread entries, pinned on the file's own
 * records (docs/formats.md "Reading version 2"). Ids are the comments' own, so a legacy file
 * merged twice adds nothing.
 */
export function legacyDocumentEntries(
  comments: readonly ReviewComment[],
  document: Pick<ProjectDocument, 'objects' | 'zones'>,
): CommentEntry[] {
  if (comments.length === 0) return [];
  // The migration reads ids, attributes and geometry only; the store's projectId plays no part.
  const records = document as unknown as { objects: ProtectedObject[]; zones: Zone[] };
  return comments.flatMap((comment) => legacyCommentEntries(comment, records));
}

/** A version 1 or 2 file's content with its comments migrated to entries. */
export function migrateLegacyComments({ legacyComments, ...content }: CheckedContent): ProjectFileContent {
  return {
    ...content,
    review: { ...content.review, comments: legacyDocumentEntries(legacyComments, content) },
  };
}
