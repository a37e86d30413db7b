import { canonicalJson, reviewHashes } from './contentHash';
import type { ProjectDocument } from '../formats/projectDocument';
import {
  anchorTarget,
  type CommentEntry,
  type Decision,
  type ReviewContent,
  type Signoff,
  type VersionHeader,
} from './model';
import { summarizeThread, threadsOf } from './threads';

/**
 * What merging a returned review into the project adds (design §5), decided without touching any
 * store: review records are immutable entries, so a merge is a union by id. An id both sides hold
 * with different content keeps ours and is reported (a tamper or a bug, never silently replaced);
 * threads and decisions answered differently on both sides are conflicts, both branches kept.
 * Merging the same file twice adds nothing; merging two files in either order gives the same set.
 */
export interface MergeInput {
  ours: ReviewContent;
  theirs: ReviewContent;
  /** The zones and objects the project has now (ids in the same space as the records). */
  present: { zones: ReadonlySet<string>; objects: ReadonlySet<string> };
  /** Record hashes now, by id: entries written on a different hash are "changed since review". */
  hashes?: { zones: ReadonlyMap<string, string>; objects: ReadonlyMap<string, string> };
}

export type MergeConflict =
  | { kind: 'sameIdDifferent'; table: 'comments' | 'decisions' | 'signoffs'; id: string }
  | { kind: 'thread'; threadId: string }
  | { kind: 'decision'; targetId: string; organisation: string };

export interface MergePlan {
  /** Records to add, in the order the file holds them. */
  add: ReviewContent;
  conflicts: MergeConflict[];
  /** Threads added whose zone or object no longer exists (pinned where they were, `detachedFrom`). */
  detached: string[];
  /** Threads and decision targets added on a zone or object changed since the reviewer saw it. */
  changedSince: string[];
}

type Keyed = { entryId: string };

/** Records of theirs we lack, and ids both hold with different content. */
function union<T extends Keyed>(ours: readonly T[], theirs: readonly T[]): { add: T[]; differing: string[] } {
  const mine = new Map(ours.map((r) => [r.entryId, r]));
  const add: T[] = [];
  const differing: string[] = [];
  const seen = new Set<string>();
  for (const record of theirs) {
    if (seen.has(record.entryId)) continue;
    seen.add(record.entryId);
    const known = mine.get(record.entryId);
    if (!known) add.push(record);
    else if (canonicalJson(known) !== canonicalJson(record)) differing.push(record.entryId);
  }
  return { add, differing };
}

/** A root whose zone or object is gone keeps its pin as a position and remembers the target. */
function detach(entry: CommentEntry, present: MergeInput['present']): CommentEntry {
  const anchor = entry.anchor;
  const target = anchor && anchorTarget(anchor);
  if (!anchor || anchor.kind === 'project' || !target) return entry;
  if ((target.kind === 'zone' ? present.zones : present.objects).has(target.id)) return entry;
  return { ...entry, anchor: { kind: 'position', at: anchor.at }, detachedFrom: target };
}

/** Per target and organisation, decisions none of the others names as seen, when they disagree. */
function decisionConflicts(all: readonly Decision[], touched: ReadonlySet<string>): MergeConflict[] {
  const groups = new Map<string, Decision[]>();
  for (const d of all) {
    if (!touched.has(d.target.id)) continue;
    const key = `${d.target.kind}\u0000${d.target.id}\u0000${d.author.organisation}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const conflicts: MergeConflict[] = [];
  for (const group of groups.values()) {
    const named = new Set(group.flatMap((d) => d.parents));
    const heads = group.filter((d) => !named.has(d.entryId));
    if (new Set(heads.map((d) => d.verdict)).size > 1)
      conflicts.push({
        kind: 'decision',
        targetId: group[0]!.target.id,
        organisation: group[0]!.author.organisation,
      });
  }
  return conflicts;
}

export function mergePlan({ ours, theirs, present, hashes }: MergeInput): MergePlan {
  // Detached first, so a thread on a zone deleted since compares equal when merged again.
  const newlyDetached = new Set<string>();
  const incoming = theirs.comments.map((e) => {
    const out = detach(e, present);
    if (out !== e) newlyDetached.add(e.entryId);
    return out;
  });
  const comments = union(ours.comments, incoming);
  const decisions = union(ours.decisions, theirs.decisions);
  const signoffs = union<Signoff>(ours.signoffs, theirs.signoffs);
  const added = comments.add;
  const conflicts: MergeConflict[] = [
    ...comments.differing.map((id) => ({ kind: 'sameIdDifferent' as const, table: 'comments' as const, id })),
    ...decisions.differing.map((id) => ({
      kind: 'sameIdDifferent' as const,
      table: 'decisions' as const,
      id,
    })),
    ...signoffs.differing.map((id) => ({ kind: 'sameIdDifferent' as const, table: 'signoffs' as const, id })),
  ];
  // Conflicts among the threads and targets this merge touches, over both sides together.
  const touchedThreads = new Set(added.map((e) => e.threadId));
  const threads = threadsOf([...ours.comments, ...added].filter((e) => touchedThreads.has(e.threadId)));
  for (const [threadId, entries] of threads)
    if (summarizeThread(entries).conflict) conflicts.push({ kind: 'thread', threadId });
  const touchedTargets = new Set(decisions.add.map((d) => d.target.id));
  conflicts.push(...decisionConflicts([...ours.decisions, ...decisions.add], touchedTargets));

  const detached = added.filter((e) => newlyDetached.has(e.entryId)).map((e) => e.threadId);
  const changedSince = new Set<string>();
  const changed = (target: { kind: 'zone' | 'object'; id: string } | null, hash: string | undefined) => {
    if (!target || !hash || !hashes) return false;
    const now = (target.kind === 'zone' ? hashes.zones : hashes.objects).get(target.id);
    return now !== undefined && now !== hash;
  };
  for (const e of added)
    if (e.anchor && changed(anchorTarget(e.anchor), e.targetHash)) changedSince.add(e.threadId);
  for (const d of decisions.add) if (changed(d.target, d.targetHash)) changedSince.add(d.target.id);
  return {
    add: { comments: added, decisions: decisions.add, signoffs: signoffs.add },
    conflicts,
    detached: [...new Set(detached)],
    changedSince: [...changedSince],
  };
}

/** How many records a plan adds; zero means "nothing new in this review". */
export function planSize(plan: MergePlan): number {
  return plan.add.comments.length + plan.add.decisions.length + plan.add.signoffs.length;
}

/**
 * The state the reviewer saw, as a version: the current state when the file's content hash is
 * ours now, an existing version with that hash, else a new version holding the file's content.
 */
export type ReviewedState = { kind: 'current' } | { kind: 'version'; versionId: string } | { kind: 'file' };

export function reviewedState(
  fileHash: string,
  currentHash: string,
  versions: readonly Pick<VersionHeader, 'versionId' | 'contentHash'>[],
): ReviewedState {
  const known = versions.find((v) => v.contentHash === fileHash);
  if (known) return { kind: 'version', versionId: known.versionId };
  return fileHash === currentHash ? { kind: 'current' } : { kind: 'file' };
}

/**
 * A whole merge decision from two project files' content, without any store: hashes the current
 * document and plans (what the bench times for a 1 000-thread review file).
 */
export async function planFileMerge(
  current: Pick<ProjectDocument, 'objects' | 'zones'> & { review: ReviewContent },
  returned: { review: ReviewContent },
): Promise<MergePlan> {
  const hashes = await reviewHashes(current);
  return mergePlan({
    ours: current.review,
    theirs: returned.review,
    present: {
      zones: new Set(current.zones.map((z) => z.id)),
      objects: new Set(current.objects.map((o) => o.id)),
    },
    hashes: {
      zones: new Map(Object.entries(hashes.zones)),
      objects: new Map(Object.entries(hashes.objects)),
    },
  });
}
