import type { CheckReport } from '../../shared/checks/runChecks';
import { latestOnly } from '../jobs/latestOnly';
import { openSession, type WorkerSession } from '../jobs/session';
import type { JobOptions } from '../jobs/runJob';
import type { ChecksSessionTypes, StoredCheckRequest } from './storedChecks';

let session: WorkerSession<ChecksSessionTypes> | null = null;

/**
 * Run the heritage checks on the stored project in the window's checks worker (storedChecks.ts),
 * started on first use. Cancelling ends the worker (and its copy of the project); the next check
 * starts a fresh one, which reads everything again.
 */
export function checkStoredProject(
  request: StoredCheckRequest,
  options: JobOptions = {},
): Promise<CheckReport> {
  if (!session || session.ended) {
    const worker = new Worker(new URL('./checksWorker.ts', import.meta.url), {
      type: 'module',
      name: 'hzw-checks',
    });
    session = openSession<ChecksSessionTypes>(worker);
  }
  return session.call('check', request, options);
}

/**
 * A live check: run now, or after the live check that runs. One still waiting when a newer one
 * comes is dropped (null): the newer one names every change since the last check that finished.
 */
export const checkStoredProjectLive = latestOnly((request: StoredCheckRequest) =>
  checkStoredProject(request),
);
