import type { CommentEntry, CommentStatus } from '../model';

/** A comment thread as the reports list it: the root, every entry in time order, its state. */
export interface ReportThread {
  /** 1-based, in the order of the roots' times (the number on the pin). */
  number: number;
  root: CommentEntry;
  entries: CommentEntry[];
  status: CommentStatus;
  /** The newest 采纳 answer in the thread, if any. */
  adoption: CommentEntry['adoption'];
  /** Concurrent heads that disagree (design §2.2): shown, never resolved silently. */
  conflict: boolean;
}

const byTime = (a: CommentEntry, b: CommentEntry) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.entryId < b.entryId ? -1 : 1;

/**
 * Entries grouped into threads. A head is an entry no other entry names as a parent; the thread's
 * status is its newest head's; more than one head disagreeing on status, or a closing status
 * concurrent with a reply, is a conflict. Threads whose root is missing are left out.
 */
export function reportThreads(entries: readonly CommentEntry[]): ReportThread[] {
  const groups = new Map<string, CommentEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.threadId);
    if (group) group.push(entry);
    else groups.set(entry.threadId, [entry]);
  }
  const threads: Omit<ReportThread, 'number'>[] = [];
  for (const [threadId, group] of groups) {
    const root = group.find((e) => e.entryId === threadId);
    if (!root) continue;
    const sorted = [...group].sort(byTime);
    const named = new Set(sorted.flatMap((e) => e.parents));
    const heads = sorted.filter((e) => !named.has(e.entryId));
    const newest = heads[heads.length - 1] ?? root;
    const statuses = new Set(heads.map((h) => h.status));
    const closing = heads.some((h) => h.kind === 'status' && h.status !== 'open');
    const reply = heads.some((h) => h.kind === 'comment' && h.entryId !== threadId);
    const adoption = [...sorted].reverse().find((e) => e.adoption)?.adoption;
    threads.push({
      root,
      entries: sorted,
      status: newest.status,
      adoption,
      conflict: heads.length > 1 && (statuses.size > 1 || (closing && reply)),
    });
  }
  threads.sort((a, b) => byTime(a.root, b.root));
  return threads.map((t, i) => ({ ...t, number: i + 1 }));
}
