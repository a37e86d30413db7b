import type { Anchor, CommentEntry, CommentStatus, Decision, Verdict } from '../../../shared/review/model';
import { anchorTarget } from '../../../shared/review/model';
import { summarizeThread, threadsOf } from '../../../shared/review/threads';

/** One comment thread as the panel and the map show it. */
export interface Thread {
  threadId: string;
  /** 1-based, in the order the threads were started (the pin's number). */
  number: number;
  root: CommentEntry;
  anchor: Anchor;
  /** Every entry, oldest first (ties by id), root included. */
  entries: CommentEntry[];
  /** Entries no other entry names as seen: one head is the usual case, more mean branches. */
  heads: CommentEntry[];
  status: CommentStatus;
  /**
   * Branches that disagree: heads with different statuses, or a closing status beside a reply
   * written without seeing it (resolved on one side, answered on the other).
   */
  conflict: boolean;
  /** The target's record hash changed since the root was written (live: `targetHash` vs now). */
  targetChanged: boolean;
  authors: string[];
}

const byTime = (a: { createdAt: string; entryId: string }, b: { createdAt: string; entryId: string }) =>
  a.createdAt < b.createdAt
    ? -1
    : a.createdAt > b.createdAt
      ? 1
      : a.entryId < b.entryId
        ? -1
        : a.entryId > b.entryId
          ? 1
          : 0;

/** Current record hashes by document id (contentHashTracker), to flag records changed since. */
export interface CurrentHashes {
  objects: ReadonlyMap<string, string>;
  zones: ReadonlyMap<string, string>;
}

function currentHash(hashes: CurrentHashes | null, target: { kind: 'zone' | 'object'; id: string }) {
  return (target.kind === 'zone' ? hashes?.zones : hashes?.objects)?.get(target.id);
}

/** Group comment entries into threads (entries whose root is missing are left out). */
export function buildThreads(entries: readonly CommentEntry[], hashes: CurrentHashes | null): Thread[] {
  const threads: Omit<Thread, 'number'>[] = [];
  for (const [threadId, list] of threadsOf(entries)) {
    const { root, heads, status, conflict } = summarizeThread(list);
    if (!root?.anchor || root.entryId !== threadId) continue;
    const target = anchorTarget(root.anchor);
    const now = target ? currentHash(hashes, target) : undefined;
    threads.push({
      threadId,
      root,
      anchor: root.anchor,
      entries: [...list].sort(byTime),
      heads,
      status,
      conflict,
      targetChanged: !!(root.targetHash && now && now !== root.targetHash),
      authors: [...new Set(list.map((e) => e.author.name))],
    });
  }
  threads.sort((a, b) => byTime(a.root, b.root));
  return threads.map((t, i) => ({ ...t, number: i + 1 }));
}

/** The verdict that stands for one target and one organisation, with its flags. */
export interface CurrentDecision {
  decision: Decision;
  /** Concurrent decisions of the same organisation with different verdicts. */
  conflict: boolean;
  /** The target changed since the verdict was given (对象已修改). */
  targetChanged: boolean;
}

/** Per target (`zone:<id>` / `object:<id>`), the current verdicts: the newest per organisation. */
export function currentDecisions(
  decisions: readonly Decision[],
  hashes: CurrentHashes | null,
): Map<string, CurrentDecision[]> {
  const groups = new Map<string, Decision[]>();
  for (const d of decisions) {
    const key = `${d.target.kind}:${d.target.id}\u0000${d.author.organisation}`;
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  const result = new Map<string, CurrentDecision[]>();
  for (const list of groups.values()) {
    list.sort(byTime);
    const seen = new Set(list.flatMap((d) => d.parents));
    const heads = list.filter((d) => !seen.has(d.entryId));
    const decision = (heads.at(-1) ?? list.at(-1))!;
    const verdicts = new Set<Verdict>(heads.map((h) => h.verdict));
    const now = currentHash(hashes, decision.target);
    const key = `${decision.target.kind}:${decision.target.id}`;
    const entry = {
      decision,
      conflict: verdicts.size > 1,
      targetChanged: !!now && now !== decision.targetHash,
    };
    result.set(key, [...(result.get(key) ?? []), entry]);
  }
  return result;
}

export const targetKey = (kind: 'zone' | 'object', id: string) => `${kind}:${id}`;
