import type { NamedBytes } from '../../shared/formats/layer';
import type { ImportOptions } from '../../shared/formats/mapping/types';
import { openSession, type WorkerSession } from '../jobs/session';
import type { AcceptedImport, ImportSessionTypes, SessionRead } from './importSession';
import { fileSetName } from './transferFiles';
import { withWork } from './transferJob';
import type { Workbench } from './workbench';

/**
 * The page's side of the import session (importSession.ts): one worker per file set, from the
 * first read to accept or cancel. Reads run one at a time in the worker; a read asked for while
 * another runs waits for it, and is dropped when a newer one was asked for meanwhile (only the
 * planner's last choice is read).
 */
interface Open {
  session: WorkerSession<ImportSessionTypes>;
  files: readonly NamedBytes[];
  reads: Promise<unknown>;
  latest: number;
}

const open = new WeakMap<Workbench, Open>();

/** Open a session for a file set; its bytes are transferred to the worker (the page keeps names). */
export function startImportSession(workbench: Workbench, files: readonly NamedBytes[]): void {
  endImportSession(workbench);
  const worker = new Worker(new URL('./importSessionWorker.ts', import.meta.url), {
    type: 'module',
    name: 'hzw-import',
  });
  const session = openSession<ImportSessionTypes>(worker);
  const buffers = [...new Set(files.map((f) => f.bytes.buffer))] as ArrayBuffer[];
  void session.call('open', { files: [...files] }, { transfer: buffers }).catch(() => {});
  open.set(workbench, { session, files, reads: Promise.resolve(), latest: 0 });
}

/** End the session (accepted, cancelled or closed): the worker and its memory go. */
export function endImportSession(workbench: Workbench): void {
  open.get(workbench)?.session.end();
  open.delete(workbench);
}

/** Whether a session for these files is open (and its worker alive). */
export function hasImportSession(workbench: Workbench, files?: readonly NamedBytes[]): boolean {
  const current = open.get(workbench);
  return !!current && !current.session.ended && (!files || current.files === files);
}

/** The sentinel for a read that a newer one replaced before it started. */
export const SUPERSEDED = Symbol('superseded');

/** Read the session's files with these options (job bar with progress and cancel). */
export function sessionRead(
  workbench: Workbench,
  options: ImportOptions,
): Promise<SessionRead | null | typeof SUPERSEDED> {
  const current = open.get(workbench);
  if (!current) return Promise.resolve(null);
  const ticket = ++current.latest;
  const name = fileSetName(current.files);
  const label = { zh: `正在读取 ${name}`, en: `Reading ${name}` };
  const mine = (async () => {
    await current.reads;
    if (ticket !== current.latest) return SUPERSEDED;
    return withWork(workbench, label, (o) => current.session.call('read', options, o));
  })();
  current.reads = mine.catch(() => undefined);
  return mine;
}

/** What accepting would do to the project now, computed where the zones are. */
export function sessionPlan(workbench: Workbench, projectId: string) {
  const current = open.get(workbench);
  if (!current) throw new Error('no import session is open');
  return current.session.call('plan', { projectId });
}

/** Commit the import in the worker (one undo step); null when cancelled or refused (reported). */
export function sessionAccept(workbench: Workbench, projectId: string): Promise<AcceptedImport | null> {
  const current = open.get(workbench);
  if (!current) return Promise.resolve(null);
  const fileName = fileSetName(current.files);
  const label = { zh: `正在导入 ${fileName}`, en: `Importing ${fileName}` };
  return withWork(workbench, label, (o) =>
    current.session.call('accept', { projectId, fileName, session: workbench.store.session }, o),
  );
}
