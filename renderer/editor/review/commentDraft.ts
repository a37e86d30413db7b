import type { Anchor } from '../../../shared/review/model';
import { createStateStore } from '../stateStore';

/**
 * The comment being written: where the comment tool (or the panel's "comment on this object")
 * placed it, until it is sent or dropped; and the thread the panel shows (a pin clicked with the
 * comment tool opens its thread). Ephemeral editor state, never stored.
 */
export const commentDraft = createStateStore<{ anchor: Anchor | null; seq: number; threadId: string | null }>(
  {
    anchor: null,
    seq: 0,
    threadId: null,
  },
);

export function startComment(anchor: Anchor): void {
  commentDraft.set((s) => ({ anchor, seq: s.seq + 1 }));
}

export function dropComment(): void {
  commentDraft.set((s) => ({ anchor: null, seq: s.seq + 1 }));
}

export function showThread(threadId: string | null): void {
  commentDraft.set({ threadId });
}
