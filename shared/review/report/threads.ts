import type { CommentEntry, CommentStatus } from '../model';
import { summarizeThread, threadsOf } from '../threads';

/** A comment thread as the reports list it: the root, every entry in time order, its state. */
export interface ReportThread {
  /** 1-based, in the order of the roots' times (the number on the map's pin). */
  number: number;
  root: CommentEntry;
  entries: CommentEntry[];
  status: CommentStatus;
  /** The newest 采纳 answer in the thread, if any. */
  adoption: CommentEntry['adoption'];
  /** Concurrent heads that disagree (shared/review/threads.ts): shown, never resolved silently. */
  conflict: boolean;
}

const byTime = (a: CommentEntry, b: CommentEntry) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.entryId < b.entryId ? -1 : 1;

/** Entries grouped into threads with the shared summary's status and conflict; rootless threads left out. */
export function reportThreads(entries: readonly CommentEntry[]): ReportThread[] {
  const threads: Omit<ReportThread, 'number'>[] = [];
  for (const [threadId, group] of threadsOf(entries)) {
    const { root, status, conflict } = summarizeThread(group);
    if (!root || root.entryId !== threadId) continue;
    const sorted = [...group].sort(byTime);
    const adoption = [...sorted].reverse().find((e) => e.adoption)?.adoption;
    threads.push({ root, entries: sorted, status, adoption, conflict });
  }
  threads.sort((a, b) => byTime(a.root, b.root));
  return threads.map((t, i) => ({ ...t, number: i + 1 }));
}
