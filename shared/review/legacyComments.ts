import type { ProtectedObject, Zone } from '../domain/schema';
import type { ReviewComment } from '../formats/projectFileSchema';
import { ellipsoidalArea } from '../geometry/area';
import { interiorPoint } from '../geometry/interiorPoint';
import { REVIEW_LIMITS, type Anchor, type CommentEntry } from './model';

/**
 * A review comment of the earlier form (one remark with a `resolved` flag: project files up to
 * version 2, `fileExtras` in the database up to Dexie version 5) as thread entries: the root keeps
 * the comment's id as its entry and thread id, and a resolved comment gets a status entry
 * `<id>/resolved` of the same time and author. Ids are deterministic, so migrating or merging the
 * same comment twice adds nothing. The pin: a zone's interior point, an object's representative
 * point (else the interior point of its largest zone); a comment on the project, or on a record
 * that no longer exists (`detachedFrom` names it), has none.
 */
export function legacyCommentEntries(
  comment: ReviewComment,
  document: { objects: readonly ProtectedObject[]; zones: readonly Zone[] },
): CommentEntry[] {
  const author = {
    name: plain(comment.author).slice(0, REVIEW_LIMITS.name) || '未署名',
    organisation: '',
  };
  const detached = comment.detachedFrom ?? null;
  const anchor = anchorOf(comment.target, document);
  const lost = anchor.kind === 'project' && comment.target.kind !== 'project' ? comment.target : null;
  const from = detached ?? lost;
  const root: CommentEntry = {
    entryId: comment.id,
    threadId: comment.id,
    kind: 'comment',
    parents: [],
    text: plain(comment.text).slice(0, REVIEW_LIMITS.text) || '—',
    status: 'open',
    author,
    createdAt: comment.createdAt,
    anchor,
    legacy: true,
    ...(from && from.kind !== 'project' && from.id ? { detachedFrom: { kind: from.kind, id: from.id } } : {}),
  };
  if (!comment.resolved) return [root];
  const resolved: CommentEntry = {
    entryId: `${comment.id}/resolved`,
    threadId: comment.id,
    kind: 'status',
    parents: [comment.id],
    text: '',
    status: 'resolved',
    author,
    createdAt: comment.createdAt,
    legacy: true,
  };
  return [root, resolved];
}

function anchorOf(
  target: ReviewComment['target'],
  { objects, zones }: { objects: readonly ProtectedObject[]; zones: readonly Zone[] },
): Anchor {
  if (target.kind === 'zone') {
    const zone = zones.find((z) => z.id === target.id);
    if (zone) return { kind: 'zone', zoneId: zone.id, at: interiorPoint(zone.geometry) };
  }
  if (target.kind === 'object') {
    const object = objects.find((o) => o.id === target.id);
    const own = zones.filter((z) => z.objectId === target.id);
    const largest = own.reduce<Zone | null>(
      (best, z) => (best && ellipsoidalArea(best.geometry) >= ellipsoidalArea(z.geometry) ? best : z),
      null,
    );
    const at = object?.attributes.representativePoint ?? (largest ? interiorPoint(largest.geometry) : null);
    if (object && at) return { kind: 'object', objectId: object.id, at: [at[0], at[1]] };
  }
  return { kind: 'project', at: null };
}

/** Control characters (but tab and line breaks) dropped: review text is plain text. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
}
