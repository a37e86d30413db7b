import { interiorPoint } from '../geometry/interiorPoint';
import type { ProjectDocument } from '../formats/projectDocument';
import { objectHash, seal, zoneHash, contentHash } from './contentHash';
import type { CommentEntry, Decision, ReviewContent, ReviewerIdentity } from './model';

/**
 * A reviewer's round on a document, made up for tests and the bench: per thread a root on a zone
 * (every third on a map position), a planner's reply and, for every other thread, a closing
 * status; a decision per zone and object touched; a sealed sign-off of the whole content.
 */
export const REVIEWER: ReviewerIdentity = { name: '李审', organisation: '某县文物局' };
export const PLANNER: ReviewerIdentity = { name: '王规', organisation: '某规划设计院' };

const time = (minute: number) => new Date(Date.UTC(2026, 11, 1, 8, 0, 0) + minute * 60_000).toISOString();

export async function syntheticReview(
  document: ProjectDocument,
  threads: number,
  options: { prefix?: string; text?: (i: number) => string } = {},
): Promise<ReviewContent> {
  const prefix = options.prefix ?? 'r';
  const text = options.text ?? ((i: number) => `第 ${i + 1} 条意见：边界请核对`);
  const comments: CommentEntry[] = [];
  const decisions: Decision[] = [];
  const zones = document.zones;
  for (let i = 0; i < threads; i++) {
    const zone = zones[i % zones.length]!;
    const at = interiorPoint(zone.geometry);
    const threadId = `${prefix}-t${i}`;
    const onZone = i % 3 !== 2;
    comments.push({
      entryId: threadId,
      threadId,
      kind: 'comment',
      parents: [],
      text: text(i),
      status: 'open',
      author: REVIEWER,
      createdAt: time(i),
      anchor: onZone
        ? { kind: 'zone', zoneId: zone.id, at }
        : { kind: 'position', at: [at[0] + 1e-4, at[1]] },
      ...(onZone && { targetHash: await zoneHash(zone) }),
    });
    comments.push({
      entryId: `${threadId}-reply`,
      threadId,
      kind: 'comment',
      parents: [threadId],
      text: '已按意见修改',
      status: 'open',
      adoption: 'adopted',
      author: PLANNER,
      createdAt: time(i + 1),
    });
    if (i % 2 === 0)
      comments.push({
        entryId: `${threadId}-resolved`,
        threadId,
        kind: 'status',
        parents: [`${threadId}-reply`],
        text: '',
        status: 'resolved',
        author: REVIEWER,
        createdAt: time(i + 2),
      });
    if (i < zones.length)
      decisions.push({
        entryId: `${prefix}-d${i}`,
        target: { kind: 'zone', id: zone.id },
        verdict: i % 2 ? 'approve' : 'approve_with_changes',
        reason: i % 2 ? '' : '北侧边界外扩 10 米',
        author: REVIEWER,
        createdAt: time(i),
        parents: [],
        targetHash: await zoneHash(zone),
      });
  }
  const object = document.objects[0];
  if (object)
    decisions.push({
      entryId: `${prefix}-do`,
      target: { kind: 'object', id: object.id },
      verdict: 'approve',
      reason: '',
      author: REVIEWER,
      createdAt: time(0),
      parents: [],
      targetHash: await objectHash(object),
    });
  const signoff = await seal({
    entryId: `${prefix}-s`,
    reviewer: REVIEWER.name,
    organisation: REVIEWER.organisation,
    signedAt: time(threads + 3),
    verdict: 'approve_with_changes',
    opinion: '原则同意，按意见修改后报批',
    contentHash: await contentHash(document),
    algorithm: 'hzw-content/1',
    objects: document.objects.length,
    zones: document.zones.length,
  });
  return { comments, decisions, signoffs: [signoff] };
}
