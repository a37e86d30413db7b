import { useRef, useState, type RefObject } from 'react';
import type { Adoption, CommentStatus, ReviewerIdentity, Verdict } from '../../../shared/review/model';
import { CONTENT_HASH_ALGORITHM, anchorTarget } from '../../../shared/review/model';
import { seal } from '../../../shared/review/contentHash';
import { newId, type Command } from '../../editor/commands/command';
import { commentDraft, dropComment, showThread } from '../../editor/review/commentDraft';
import {
  addComment,
  decide,
  replyToThread,
  setThreadStatus,
  signOff,
} from '../../editor/review/reviewCommands';
import type { Thread } from '../../editor/review/reviewIndex';
import { useWorkbench } from '../hooks/useWorkbench';
import { toDocAnchor } from './reviewAnchors';
import type { ReviewData } from './useReview';

/**
 * What the review panel writes: comments, replies, status changes, verdicts and the sign-off, each
 * signed with the reviewer's identity (asked for first when none is set) and each one step of the
 * review undo stack. Anchors and targets go in as document ids with the target's hash now.
 */
export function useReviewActions(
  projectId: string,
  review: ReviewData,
  panel: RefObject<HTMLElement | null>,
) {
  const { workbench } = useWorkbench();
  const [identityOpen, setIdentityOpen] = useState(false);
  const waiting = useRef<((identity: ReviewerIdentity | null) => void) | null>(null);
  const setThreadId = showThread;

  /** The reviewer's identity, asking for it first when none is set (the first comment). */
  const identity = (): Promise<ReviewerIdentity | null> => {
    if (review.reviewer) return Promise.resolve(review.reviewer);
    setIdentityOpen(true);
    return new Promise((resolve) => (waiting.current = resolve));
  };
  const closeIdentity = (chosen: ReviewerIdentity | null) => {
    setIdentityOpen(false);
    waiting.current?.(chosen);
    waiting.current = null;
  };
  /** Run a review command; focus stays in the panel, so the next Ctrl+Z still undoes review steps. */
  const run = async (command: Command): Promise<boolean> => {
    const result = await workbench.run(command);
    if (!panel.current?.contains(document.activeElement)) panel.current?.focus();
    return result !== null;
  };
  const hashOf = async (kind: 'zone' | 'object', docId: string): Promise<string | undefined> => {
    const hashes = review.hashes ?? (await review.tracker?.compute());
    return (kind === 'zone' ? hashes?.zones : hashes?.objects)?.get(docId);
  };

  const sendComment = async (text: string): Promise<boolean> => {
    const anchor = commentDraft.get().anchor;
    const author = anchor && (await identity());
    if (!anchor || !author) return false;
    const docAnchor = toDocAnchor(anchor, review.ids);
    const target = anchorTarget(docAnchor);
    const targetHash = target ? await hashOf(target.kind, target.id) : undefined;
    const command = addComment(projectId, {
      anchor: docAnchor,
      text,
      author,
      ...(targetHash ? { targetHash } : {}),
    });
    if (!(await run(command))) return false;
    dropComment();
    setThreadId(command.entryId);
    return true;
  };
  const reply = async (t: Thread, text: string, adoption: Adoption | undefined) => {
    const author = await identity();
    return !!author && run(replyToThread(projectId, t, { text, author, ...(adoption ? { adoption } : {}) }));
  };
  const changeStatus = async (t: Thread, status: CommentStatus) => {
    const author = await identity();
    if (author) await run(setThreadStatus(projectId, t, { status, author }));
  };
  const giveVerdict = async (kind: 'zone' | 'object', storeId: string, verdict: Verdict, reason: string) => {
    const author = await identity();
    const docId = review.ids.toDoc(storeId);
    const targetHash = await hashOf(kind, docId);
    if (!author || !targetHash) return false;
    const parents = review.allDecisions
      .filter((d) => d.target.kind === kind && d.target.id === docId)
      .map((d) => d.entryId);
    return run(
      decide(projectId, { target: { kind, id: docId }, verdict, reason, author, targetHash, parents }),
    );
  };
  const sign = async (verdict: Verdict, opinion: string): Promise<boolean> => {
    const author = review.reviewer;
    // Hash now: what is signed is the content at this moment, not 300 ms ago.
    const hashes = await review.tracker?.compute();
    if (!author || !hashes) return false;
    const signoff = await seal({
      entryId: newId(),
      reviewer: author.name,
      organisation: author.organisation,
      signedAt: new Date().toISOString(),
      verdict,
      opinion,
      contentHash: hashes.contentHash,
      algorithm: CONTENT_HASH_ALGORITHM,
      objects: hashes.counts.objects,
      zones: hashes.counts.zones,
    });
    return run(signOff(projectId, signoff));
  };

  return {
    identity,
    identityOpen,
    setIdentityOpen,
    closeIdentity,
    sendComment,
    reply,
    changeStatus,
    giveVerdict,
    sign,
  };
}
