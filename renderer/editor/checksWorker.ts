import { serveSession } from '../jobs/sessionWorker';
import { openWorkerReader } from '../storage/store';
import { StoredChecks, type ChecksSessionTypes } from './storedChecks';

/**
 * The checks worker: one per window, kept while the window lives. It reads the project from the
 * same database as the page (see storedChecks.ts) and keeps its copy between live checks.
 */
const checks = new StoredChecks(openWorkerReader);

serveSession<ChecksSessionTypes>(
  { check: (request, progress) => checks.check(request, progress) },
  self as unknown as Parameters<typeof serveSession>[1],
);
