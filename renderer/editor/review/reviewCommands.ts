import type { z } from 'zod';
import type { Bilingual } from '../../../shared/domain/labels';
import {
  CommentEntrySchema,
  DecisionSchema,
  SignoffSchema,
  type Adoption,
  type Anchor,
  type CommentEntry,
  type CommentStatus,
  type Decision,
  type ReviewerIdentity,
  type Signoff,
  type Verdict,
} from '../../../shared/review/model';
import { commitError } from '../../storage/commitError';
import { reviewRecordKey, type Put } from '../../storage/records';
import { newId, now, type Command } from '../commands/command';

/*
 * The review's edits: comments, replies, status changes, decisions and sign-offs. Each is one
 * append-only record (entries are never rewritten, so merging is a union) and one step of the
 * window's review undo stack, which a review copy's write door accepts.
 */

function reviewCommand(label: Bilingual, puts: () => Put[]): Command {
  // Built inside the commit: a refusal becomes the commit's error notice and nothing is written.
  return { label, undo: 'record', history: 'review', build: () => Promise.resolve().then(puts) };
}

/** Check a record against the model's limits; a refusal names the field, as the write door does. */
function checked<T>(schema: z.ZodType<T>, value: unknown, subject: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.');
  throw commitError(`${subject}${field ? `.${field}` : ''}`, {
    zh: `不能保存：${issue.message}`,
    en: `Cannot be saved: ${issue.message}`,
  });
}

function commentPut(projectId: string, entry: CommentEntry): Put[] {
  const value = checked(CommentEntrySchema, entry, 'comments');
  const id = reviewRecordKey(projectId, value.entryId);
  return [{ table: 'comments', key: id, value: { ...value, id, projectId } }];
}

const excerpt = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

/** Start a thread at an anchor (document ids). `targetHash`: the anchored record's hash now. */
export function addComment(
  projectId: string,
  input: { anchor: Anchor; text: string; author: ReviewerIdentity; targetHash?: string },
): Command & { entryId: string } {
  const entryId = newId();
  const label = { zh: `添加审阅意见“${excerpt(input.text)}”`, en: `Add comment “${excerpt(input.text)}”` };
  return {
    entryId,
    ...reviewCommand(label, () =>
      commentPut(projectId, {
        entryId,
        threadId: entryId,
        kind: 'comment',
        parents: [],
        text: input.text,
        status: 'open',
        author: input.author,
        createdAt: now(),
        anchor: input.anchor,
        ...(input.targetHash ? { targetHash: input.targetHash } : {}),
      }),
    ),
  };
}

/** What a follow-up entry sees of its thread: its id, heads and status. */
export interface ThreadHeads {
  threadId: string;
  heads: readonly { entryId: string }[];
  status: CommentStatus;
}

/** Answer a thread (the planner may say whether the remark is adopted); the status stays. */
export function replyToThread(
  projectId: string,
  thread: ThreadHeads,
  input: { text: string; author: ReviewerIdentity; adoption?: Adoption },
): Command {
  return reviewCommand({ zh: '回复审阅意见', en: 'Reply to a comment' }, () =>
    commentPut(projectId, {
      entryId: newId(),
      threadId: thread.threadId,
      kind: 'comment',
      parents: thread.heads.map((h) => h.entryId),
      text: input.text,
      status: thread.status,
      ...(input.adoption ? { adoption: input.adoption } : {}),
      author: input.author,
      createdAt: now(),
    }),
  );
}

export const STATUS_ACTION_LABELS: Record<CommentStatus, Bilingual> = {
  open: { zh: '重新打开审阅意见', en: 'Reopen a comment' },
  resolved: { zh: '将审阅意见标为已解决', en: 'Resolve a comment' },
  wontfix: { zh: '将审阅意见标为不予处理', en: 'Mark a comment won’t fix' },
};

/** Change a thread's status (open / resolved / won't fix), as an entry of its own. */
export function setThreadStatus(
  projectId: string,
  thread: ThreadHeads,
  input: { status: CommentStatus; author: ReviewerIdentity; text?: string },
): Command {
  return reviewCommand(STATUS_ACTION_LABELS[input.status], () =>
    commentPut(projectId, {
      entryId: newId(),
      threadId: thread.threadId,
      kind: 'status',
      parents: thread.heads.map((h) => h.entryId),
      text: input.text ?? '',
      status: input.status,
      author: input.author,
      createdAt: now(),
    }),
  );
}

/** A verdict on an object or a zone (document ids); `parents`: the decisions on it the author saw. */
export function decide(
  projectId: string,
  input: {
    target: Decision['target'];
    verdict: Verdict;
    reason: string;
    author: ReviewerIdentity;
    targetHash: string;
    parents: readonly string[];
  },
): Command {
  return reviewCommand({ zh: '给出审查结论', en: 'Give a verdict' }, () => {
    const decision = checked(
      DecisionSchema,
      {
        entryId: newId(),
        target: input.target,
        verdict: input.verdict,
        reason: input.reason,
        author: input.author,
        createdAt: now(),
        parents: [...input.parents],
        targetHash: input.targetHash,
      },
      'decisions',
    );
    const id = reviewRecordKey(projectId, decision.entryId);
    return [
      { table: 'decisions', key: id, value: { ...decision, id, projectId, targetId: decision.target.id } },
    ];
  });
}

/** Record a sealed sign-off (shared/review/contentHash.ts#seal). */
export function signOff(projectId: string, signoff: Signoff): Command {
  return reviewCommand({ zh: '签署审查意见', en: 'Sign off the review' }, () => {
    const value = checked(SignoffSchema, signoff, 'signoffs');
    const id = reviewRecordKey(projectId, value.entryId);
    return [{ table: 'signoffs', key: id, value: { ...value, id, projectId } }];
  });
}
