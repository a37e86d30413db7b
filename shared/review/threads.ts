import type { CommentEntry, CommentStatus } from './model';

/**
 * A comment thread read from its entries (a grow-only set): its heads, status and whether two
 * people answered it differently without seeing each other (a conflict, shown, never resolved
 * silently). Entries may come in any order.
 */
export interface ThreadSummary {
  threadId: string;
  root: CommentEntry | null;
  /** Entries no other entry of the thread names as a parent, oldest first. */
  heads: CommentEntry[];
  status: CommentStatus;
  conflict: boolean;
}

const newer = (a: CommentEntry, b: CommentEntry) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.entryId < b.entryId ? -1 : 1;

export function summarizeThread(entries: readonly CommentEntry[]): ThreadSummary {
  const named = new Set(entries.flatMap((e) => e.parents));
  const heads = entries.filter((e) => !named.has(e.entryId)).sort(newer);
  const root = entries.find((e) => e.parents.length === 0) ?? null;
  const status = heads.at(-1)?.status ?? 'open';
  const statuses = new Set(heads.map((h) => h.status));
  const closing = heads.some((h) => h.kind === 'status' && h.status !== 'open');
  const reply = heads.some((h) => h.kind === 'comment');
  const conflict = heads.length > 1 && (statuses.size > 1 || (closing && reply));
  return { threadId: entries[0]?.threadId ?? '', root, heads, status, conflict };
}

/** Entries grouped by thread, threads in the order their first entry appears. */
export function threadsOf(entries: readonly CommentEntry[]): Map<string, CommentEntry[]> {
  const threads = new Map<string, CommentEntry[]>();
  for (const entry of entries) {
    const list = threads.get(entry.threadId);
    if (list) list.push(entry);
    else threads.set(entry.threadId, [entry]);
  }
  return threads;
}
