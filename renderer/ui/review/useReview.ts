import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { ContentHashTracker, type ContentHashes } from '../../editor/review/contentHashTracker';
import { docIds, type DocIds } from '../../editor/review/docIds';
import {
  buildThreads,
  currentDecisions,
  type CurrentDecision,
  type Thread,
} from '../../editor/review/reviewIndex';
import type {
  CommentEntry,
  Decision,
  ReviewerIdentity,
  Signoff,
  VersionHeader,
} from '../../../shared/review/model';
import { useLive } from '../hooks/useLive';
import { useProjectMirror } from '../hooks/useMirror';

/** Everything the review panel shows of the open project, live. */
export interface ReviewData {
  threads: Thread[];
  decisions: Map<string, CurrentDecision[]>;
  allDecisions: Decision[];
  signoffs: Signoff[];
  versions: VersionHeader[];
  hashes: ContentHashes | null;
  tracker: ContentHashTracker | null;
  ids: DocIds;
  reviewer: ReviewerIdentity | null;
}

const NONE: never[] = [];

export function useReview(projectId: string | null): ReviewData {
  const mirror = useProjectMirror(projectId);
  const extras = useLive((q) => (projectId ? q.fileExtras(projectId) : Promise.resolve(null)), [projectId]);
  const idMap = extras?.idMap;
  const ids = useMemo(() => docIds(idMap), [idMap]);
  const tracker = useMemo(() => (mirror ? new ContentHashTracker(mirror, ids) : null), [mirror, ids]);
  const p = projectId;
  const comments = useLive((q) => (p ? q.comments(p) : Promise.resolve(NONE)), [p]) ?? NONE;
  const decisions = useLive((q) => (p ? q.decisions(p) : Promise.resolve(NONE)), [p]) ?? NONE;
  const stored = useLive((q) => (p ? q.signoffs(p) : Promise.resolve(NONE)), [p]) ?? NONE;
  // Hashing every zone costs a second at county scale: it is kept up to date only while there is
  // something to compare with (a comment, a verdict, a sign-off). Signing hashes afresh anyway.
  const needed = comments.length > 0 || decisions.length > 0 || stored.length > 0;
  useEffect(() => (needed ? tracker?.start() : undefined), [tracker, needed]);
  const hashes = useSyncExternalStore(
    (listener) => tracker?.state.subscribe(listener) ?? (() => {}),
    () => (needed ? (tracker?.state.get().hashes ?? null) : null),
  );
  // The seal covers the sign-off as written, not the store's keys around it.
  const signoffs = useMemo(
    () => stored.map(({ id: _id, projectId: _p, ...signoff }) => signoff as Signoff),
    [stored],
  );
  const versions = useLive((q) => (p ? q.versions(p) : Promise.resolve(NONE)), [p]) ?? NONE;
  const reviewer = useLive((q) => q.reviewer(), []) ?? null;
  const threads = useMemo(() => buildThreads(comments as CommentEntry[], hashes), [comments, hashes]);
  const current = useMemo(() => currentDecisions(decisions as Decision[], hashes), [decisions, hashes]);
  return {
    threads,
    decisions: current,
    allDecisions: decisions as Decision[],
    signoffs,
    versions,
    hashes,
    tracker,
    ids,
    reviewer,
  };
}
