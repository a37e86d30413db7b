import { failureReply } from './jobFailure';
import type { SessionCall, SessionReply, SessionTypes } from './sessionTypes';

type Progress = (fraction: number) => void;

/** A session worker's handlers: each call's input and a progress callback → its output. */
export type SessionHandlers<T extends SessionTypes<T>> = {
  [K in keyof T]: (input: T[K]['input'], progress: Progress) => T[K]['output'] | Promise<T[K]['output']>;
};

// A dedicated worker's global scope, typed by hand (the web project compiles against DOM types).
interface Scope {
  onmessage: ((event: MessageEvent<SessionCall>) => void) | null;
  postMessage(message: SessionReply, transfer?: Transferable[]): void;
}

/**
 * Answer a page's session calls (session.ts) one at a time, in the order they came: a call
 * starts only when the one before it has finished, so state kept between calls is never seen
 * half-changed. Progress is sent at most every 100 ms, as the job worker does.
 */
export function serveSession<T extends SessionTypes<T>>(handlers: SessionHandlers<T>, scope: Scope): void {
  let queue: Promise<void> = Promise.resolve();
  scope.onmessage = (event) => {
    const { id, kind, input } = event.data;
    queue = queue.then(async () => {
      let last = 0;
      const progress: Progress = (fraction) => {
        const now = performance.now();
        if (now - last < 100 && fraction < 1) return;
        last = now;
        scope.postMessage({ id, type: 'progress', fraction });
      };
      try {
        const own = Object.hasOwn(handlers, kind);
        const handler = own
          ? ((handlers as Record<string, unknown>)[kind] as (input: unknown, progress: Progress) => unknown)
          : null;
        if (!handler) throw new Error(`unknown session call ${kind}`);
        const output = await handler(input, progress);
        scope.postMessage({ id, type: 'done', output });
      } catch (error) {
        scope.postMessage({ id, ...failureReply(error) });
      }
    });
  };
}
