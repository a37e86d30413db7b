import { FormatError, fileProblem } from '../../shared/formats/formatError';
import { errorFromReply } from './jobFailure';
import type { JobKind, JobReply, JobTypes } from './jobTypes';
import { MEMORY_STOP, watchMemory } from './memoryGuard';

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

export interface JobOptions {
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

/** A job stopped by the memory guard, as the refusal of its input (file named when there is one). */
export function memoryStop(kind: string, input: unknown): FormatError {
  const given = (input ?? {}) as { name?: unknown; files?: { name?: unknown }[] };
  const named = typeof given.name === 'string' ? given.name : given.files?.[0]?.name;
  return new FormatError(typeof named === 'string' ? named : kind, [fileProblem('', MEMORY_STOP)]);
}

/**
 * Run a job in a fresh Web Worker so parsing and writing never block the page. Cancelling
 * terminates the worker: nothing it produced reaches the store. A job whose memory passes the
 * budget (memoryGuard.ts) is terminated the same way and refused.
 */
export function runJob<K extends JobKind>(
  kind: K,
  input: JobTypes[K]['input'],
  options: JobOptions = {},
): Promise<JobTypes[K]['output']> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./jobWorker.ts', import.meta.url), {
      type: 'module',
      name: `hzw-${kind}`,
    });
    const stopWatching = watchMemory(() => {
      finish();
      reject(memoryStop(kind, input));
    });
    const finish = () => {
      stopWatching();
      worker.terminate();
      options.signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(new JobCancelled());
    };
    if (options.signal?.aborted) return abort();
    options.signal?.addEventListener('abort', abort);
    worker.onmessage = (event: MessageEvent<JobReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') options.onProgress?.(reply.fraction);
      else if (reply.type === 'done') {
        finish();
        resolve(reply.output as JobTypes[K]['output']);
      } else {
        finish();
        reject(errorFromReply(kind, reply));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'the worker failed'));
    };
    // Hand file bytes over instead of copying them: imports can be hundreds of megabytes.
    const bytes = (input as { bytes?: Uint8Array }).bytes;
    worker.postMessage({ kind, input }, bytes ? [bytes.buffer] : []);
  });
}
