import type { CheckReport } from '../../shared/checks/runChecks';
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
