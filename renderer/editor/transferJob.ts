import type { Bilingual } from '../../shared/domain/labels';
import { CommitRefused } from '../jobs/jobFailure';
import { JobCancelled, runJob, type JobOptions } from '../jobs/runJob';
import type { JobKind, JobTypes } from '../jobs/jobTypes';
import { CommitError } from '../storage/commitError';
import type { Workbench } from './workbench';

export interface JobHandle {
  /** Cancel without a notice (a newer re-read replaces this one). */
  abort(): void;
}

/**
 * Run a worker job with progress and a cancel button in the job bar; null when cancelled or
 * failed (the failure is reported). `onStart` receives a handle to cancel it silently.
 */
export function withJob<K extends JobKind>(
  workbench: Workbench,
  label: Bilingual,
  kind: K,
  input: JobTypes[K]['input'],
  onStart?: (handle: JobHandle) => void,
): Promise<JobTypes[K]['output'] | null> {
  return withWork(workbench, label, (options) => runJob(kind, input, options), onStart);
}

/**
 * Any work in a worker (a job, a call to a session worker) with the job bar's progress and
 * cancel button; null when cancelled or failed, and the failure is reported — a write the
 * worker's store refused as the page's own would be.
 */
export async function withWork<T>(
  workbench: Workbench,
  label: Bilingual,
  work: (options: JobOptions) => Promise<T>,
  onStart?: (handle: JobHandle) => void,
): Promise<T | null> {
  const controller = new AbortController();
  let quiet = false;
  const job = { label, progress: null, cancel: () => controller.abort() };
  workbench.state.set({ job });
  onStart?.({
    abort: () => {
      quiet = true;
      controller.abort();
    },
  });
  try {
    return await work({
      signal: controller.signal,
      onProgress: (progress) =>
        workbench.state.set((s) => ({
          job: s.job && s.job.label === label ? { ...s.job, progress } : s.job,
        })),
    });
  } catch (error) {
    if (error instanceof JobCancelled) {
      if (!quiet)
        workbench.notify('info', { zh: '已取消，未做任何更改', en: 'Cancelled; nothing was changed' });
    } else if (error instanceof CommitRefused) {
      workbench.reportError(new CommitError(error.detail.commitProblems, error.detail.title));
    } else workbench.reportError(error);
    return null;
  } finally {
    // A newer job may have taken the bar meanwhile; only clear our own.
    workbench.state.set((s) => (s.job?.label === label ? { job: null } : {}));
  }
}
