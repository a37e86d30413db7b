import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import type { Adoption, CommentStatus, ReviewerIdentity, Verdict } from '../../../shared/review/model';
import { CONTENT_HASH_ALGORITHM, anchorTarget } from '../../../shared/review/model';
import { seal } from '../../../shared/review/contentHash';
import type { Command } from '../../editor/commands/command';
import { newId } from '../../editor/commands/command';
import { commentDraft, dropComment, showThread, startComment } from '../../editor/review/commentDraft';
import {
  addComment,
  decide,
  replyToThread,
  setThreadStatus,
  signOff,
} from '../../editor/review/reviewCommands';
import type { Thread } from '../../editor/review/reviewIndex';
import type { PlanMap } from '../../map/createPlanMap';
import { useEditorState } from '../hooks/useEditorState';
import type { ProjectData } from '../hooks/useProjectData';
import { useWorkbench } from '../hooks/useWorkbench';
import { anchorText } from './anchorText';
import { CommentComposer } from './CommentComposer';
import { CommentList } from './CommentList';
import { ReviewDecisions } from './ReviewDecisions';
import { ReviewerIdentityDialog } from './ReviewerIdentityDialog';
import { objectPin, toDocAnchor } from './reviewAnchors';
import { useReviewText } from './reviewText';
import { SignoffDialog } from './SignoffDialog';
import { SignoffStatus } from './SignoffStatus';
import { ThreadView } from './ThreadView';
import { useReview } from './useReview';
import './review.css';

/**
 * The review panel (审查): sign-off state, the comment being written, verdicts on the selection,
 * the comment list and the open thread. Everything it writes goes through the workbench as steps
 * of the review undo stack (the only writes a review copy accepts); Ctrl+Z here undoes those.
 */
export function ReviewPanel({
  data,
  map,
  extraActions,
}: {
  data: ProjectData;
  map: RefObject<PlanMap | null>;
  /** Buttons other packages add to the panel's head (merge review, compare, reports). */
  extraActions?: React.ReactNode;
}) {
  const { workbench } = useWorkbench();
  const { lang, r } = useReviewText();
  const projectId = data.project.id;
  const review = useReview(projectId);
  const selection = useEditorState((s) => s.selection);
  const draft = useSyncExternalStore(commentDraft.subscribe, commentDraft.get);
  const threadId = draft.threadId;
  const setThreadId = showThread;
  const [identityOpen, setIdentityOpen] = useState(false);
  const [signing, setSigning] = useState(false);
  const waiting = useRef<((identity: ReviewerIdentity | null) => void) | null>(null);
  const panel = useRef<HTMLElement>(null);
  const thread = review.threads.find((t) => t.threadId === threadId) ?? null;

  const pins = useMemo(
    () =>
      review.threads.flatMap((t) =>
        t.anchor.at
          ? [
              {
                threadId: t.threadId,
                number: t.number,
                at: t.anchor.at,
                status: t.status,
                conflict: t.conflict,
                selected: t.threadId === threadId,
              },
            ]
          : [],
      ),
    [review.threads, threadId],
  );
  useEffect(() => map.current?.setComments(pins), [map, pins]);
  useEffect(() => () => map.current?.setComments([]), [map]);
  // A draft and the open thread belong to the project they were placed in.
  useEffect(
    () => () => {
      dropComment();
      showThread(null);
    },
    [projectId],
  );

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
  const startSigning = async () => {
    if (await identity()) setSigning(true);
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

  const pick = (t: Thread) => {
    setThreadId(t.threadId);
    const target = anchorTarget(t.anchor);
    if (target?.kind === 'zone') {
      const zoneId = review.ids.toStore(target.id);
      const zone = data.zones.find((z) => z.id === zoneId);
      if (zone) {
        workbench.select({ zoneIds: [zoneId], objectId: zone.objectId });
        map.current?.zoomToZones([zoneId]);
        return;
      }
    } else if (target?.kind === 'object') {
      const objectId = review.ids.toStore(target.id);
      workbench.select({ zoneIds: [], objectId });
      const zones = data.zones.filter((z) => z.objectId === objectId).map((z) => z.id);
      if (zones.length) return map.current?.zoomToZones(zones);
    }
    if (t.anchor.at) map.current?.zoomToPoint(t.anchor.at);
  };

  const objectId = selection.objectId;
  const objectAt = objectId ? objectPin(data, objectId) : null;
  return (
    <section
      ref={panel}
      className="panel review-panel"
      aria-label={r('panel')}
      data-review-panel
      tabIndex={-1}
    >
      <div className="panel-head">
        <h2>{r('panel')}</h2>
        <div className="review-actions">
          {extraActions}
          <button type="button" onClick={() => void startSigning()}>
            {r('signoff')}
          </button>
          <button type="button" onClick={() => setIdentityOpen(true)}>
            {r('editIdentity')}
          </button>
        </div>
      </div>
      <SignoffStatus
        data={data}
        signoffs={review.signoffs}
        versions={review.versions}
        contentHash={review.hashes?.contentHash ?? null}
      />
      {draft.anchor && (
        <CommentComposer
          key={draft.seq}
          where={anchorText(data, review.ids, toDocAnchor(draft.anchor, review.ids), lang)}
          onSend={sendComment}
          onCancel={dropComment}
        />
      )}
      <div className="review-actions">
        {objectId && objectAt && (
          <button type="button" onClick={() => startComment({ kind: 'object', objectId, at: objectAt })}>
            {r('commentOnObject')}
          </button>
        )}
        <button type="button" onClick={() => startComment({ kind: 'project', at: null })}>
          {r('commentOnProject')}
        </button>
      </div>
      <ReviewDecisions data={data} review={review} selection={selection} onDecide={giveVerdict} />
      <CommentList data={data} ids={review.ids} threads={review.threads} selected={threadId} onPick={pick} />
      {thread && (
        <ThreadView
          key={thread.threadId}
          thread={thread}
          where={anchorText(data, review.ids, thread.anchor, lang)}
          onReply={(text, adoption) => reply(thread, text, adoption)}
          onStatus={(status) => void changeStatus(thread, status)}
        />
      )}
      <ReviewerIdentityDialog
        key={identityOpen ? 'open' : 'closed'}
        open={identityOpen}
        current={review.reviewer}
        onDone={(saved) => closeIdentity(saved)}
        onClose={() => closeIdentity(null)}
      />
      <SignoffDialog
        open={signing}
        reviewer={review.reviewer}
        counts={review.hashes?.counts ?? null}
        onSign={sign}
        onClose={() => setSigning(false)}
      />
    </section>
  );
}
