import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { anchorTarget } from '../../../shared/review/model';
import { commentDraft, dropComment, showThread, startComment } from '../../editor/review/commentDraft';
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
import { useReviewActions } from './useReviewActions';
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
  const [signing, setSigning] = useState(false);
  const panel = useRef<HTMLElement>(null);
  // Where the last press landed: a focus loss after a press inside the panel stays in the panel.
  const lastPointer = useRef<Node | null>(null);
  useEffect(() => {
    const down = (event: PointerEvent) => (lastPointer.current = event.target as Node | null);
    document.addEventListener('pointerdown', down, true);
    return () => document.removeEventListener('pointerdown', down, true);
  }, []);
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

  const actions = useReviewActions(projectId, review, panel);
  const startSigning = async () => {
    if (await actions.identity()) setSigning(true);
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
  // The pin of a 6 000-vertex zone costs up to a quarter second: once per project state and object,
  // not on every render (a gesture's start and end render this panel).
  const objectAt = useMemo(() => (objectId ? objectPin(data, objectId) : null), [data, objectId]);
  return (
    <section
      ref={panel}
      className="panel review-panel"
      aria-label={r('panel')}
      data-review-panel
      tabIndex={-1}
      onBlur={(event) => {
        // A button that goes away or turns disabled under the pointer (resolve → resolved) drops
        // focus to the page; keep it in the panel so Ctrl+Z still means "undo the review step".
        if (event.relatedTarget || !lastPointer.current || !panel.current?.contains(lastPointer.current))
          return;
        requestAnimationFrame(() => {
          if (document.activeElement === document.body) panel.current?.focus();
        });
      }}
    >
      <div className="panel-head">
        <h2>{r('panel')}</h2>
        <div className="review-actions">
          {extraActions}
          <button type="button" onClick={() => void startSigning()}>
            {r('signoff')}
          </button>
          <button type="button" onClick={() => actions.setIdentityOpen(true)}>
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
          onSend={actions.sendComment}
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
      <ReviewDecisions data={data} review={review} selection={selection} onDecide={actions.giveVerdict} />
      <CommentList data={data} ids={review.ids} threads={review.threads} selected={threadId} onPick={pick} />
      {thread && (
        <ThreadView
          key={thread.threadId}
          thread={thread}
          where={anchorText(data, review.ids, thread.anchor, lang)}
          onReply={(text, adoption) => actions.reply(thread, text, adoption)}
          onStatus={(status) => void actions.changeStatus(thread, status)}
        />
      )}
      <ReviewerIdentityDialog
        key={actions.identityOpen ? 'open' : 'closed'}
        open={actions.identityOpen}
        current={review.reviewer}
        onDone={(saved) => actions.closeIdentity(saved)}
        onClose={() => actions.closeIdentity(null)}
      />
      <SignoffDialog
        open={signing}
        reviewer={review.reviewer}
        counts={{ objects: data.objects.length, zones: data.zones.length }}
        onSign={actions.sign}
        onClose={() => setSigning(false)}
      />
    </section>
  );
}
