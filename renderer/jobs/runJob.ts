import { errorFromReply } from './jobFailure';
import type { JobKind, JobReply, JobTypes } from './jobTypes';

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

/**
 * Run a job in a fresh Web Worker so parsing and writing never block the page. Cancelling
 * terminates the worker: nothing it produced reaches the store.
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
    const finish = () => {
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
