import { errorFromReply } from './jobFailure';
import { watchMemory } from './memoryGuard';
import { JobCancelled, memoryStop, type JobOptions } from './runJob';
import type { SessionCall, SessionReply, SessionTypes } from './sessionTypes';

/**
 * A long-lived worker that keeps state between calls (an import's parsed files while its preview
 * is open), with the job runner's progress and cancel: cancelling a call terminates the worker,
 * so the session ends with it and nothing half-done survives. `end` frees the worker's memory.
 */
export interface WorkerSession<T extends SessionTypes<T>> {
  call<K extends keyof T & string>(
    kind: K,
    input: T[K]['input'],
    options?: JobOptions & { transfer?: Transferable[] },
  ): Promise<T[K]['output']>;
  end(): void;
  readonly ended: boolean;
}

interface Pending {
  kind: string;
  resolve(output: unknown): void;
  reject(error: unknown): void;
  onProgress?(fraction: number): void;
}

export function openSession<T extends SessionTypes<T>>(worker: Worker): WorkerSession<T> {
  const pending = new Map<number, Pending>();
  let next = 1;
  let ended = false;
  let lastCall: { kind: string; input: unknown } = { kind: 'session', input: null };
  const stopWatching = watchMemory(() => end(memoryStop(lastCall.kind, lastCall.input)));
  const end = (reason: unknown = new JobCancelled()) => {
    if (ended) return;
    ended = true;
    stopWatching();
    worker.terminate();
    for (const call of pending.values()) call.reject(reason);
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<SessionReply>) => {
    const reply = event.data;
    const call = pending.get(reply.id);
    if (!call) return;
    if (reply.type === 'progress') return call.onProgress?.(reply.fraction);
    pending.delete(reply.id);
    if (reply.type === 'done') call.resolve(reply.output);
    else call.reject(errorFromReply(call.kind, reply));
  };
  worker.onerror = (event) => end(new Error(event.message || 'the worker failed'));
  return {
    get ended() {
      return ended;
    },
    end: () => end(),
    call(kind, input, options = {}) {
      return new Promise((resolve, reject) => {
        if (ended || options.signal?.aborted) return reject(new JobCancelled());
        const id = next++;
        lastCall = { kind, input };
        const abort = () => end();
        options.signal?.addEventListener('abort', abort, { once: true });
        const settle =
          <V>(done: (value: V) => void) =>
          (value: V) => {
            options.signal?.removeEventListener('abort', abort);
            done(value);
          };
        pending.set(id, {
          kind,
          resolve: settle(resolve),
          reject: settle(reject),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
        const message: SessionCall = { id, kind, input };
        worker.postMessage(message, options.transfer ?? []);
      });
    },
  };
}
