import { serveSession } from '../jobs/sessionWorker';
import { openReader } from '../storage/reader';
import { StoredChecks, type ChecksSessionTypes } from './storedChecks';

/**
 * The checks worker: one per window, kept while the window lives. It reads the project from the
 * same database as the page (see storedChecks.ts) and keeps its copy between live checks.
 */
const checks = new StoredChecks(openReader);

serveSession<ChecksSessionTypes>(
  { check: (request, progress) => checks.check(request, progress) },
  self as unknown as Parameters<typeof serveSession>[1],
);
