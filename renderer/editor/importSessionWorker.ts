import { serveSession } from '../jobs/sessionWorker';
import { openStore, type Store } from '../storage/store';
import { ImportSession, type ImportSessionTypes } from './importSession';

/**
 * The import session's worker: one file set per worker, from the first read to accept or cancel
 * (the page then terminates it, which frees the parsed layers). It opens the same database as the
 * page; Dexie tells the page's live queries about its commit.
 */
let session: ImportSession | null = null;
let store: Promise<Store> | null = null;

function current(): ImportSession {
  if (!session) throw new Error('no import session is open');
  return session;
}

serveSession<ImportSessionTypes>(
  {
    open: ({ files }) => {
      session = new ImportSession(files, () => (store ??= openStore()));
      return null;
    },
    read: (options, progress) => current().read(options, progress),
    plan: ({ projectId }) => current().plan(projectId),
    accept: ({ projectId, fileName, session }) => current().accept(projectId, fileName, session),
  },
  self as unknown as Parameters<typeof serveSession>[1],
);
