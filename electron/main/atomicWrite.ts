import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  isStaleTemp,
  replaySets,
  tempName,
  writeJournal,
  type AtomicFs,
  type WritableFile,
} from './atomicSet';
import { errorCode, saveError } from './saveError';

export { isStaleTemp, type AtomicFs, type WritableFile };

/** Finish the set writes a crash interrupted in `folder` (atomicSet.ts); how many there were. */
export function finishInterruptedSets(folder: string, fs: AtomicFs = nodeFs): Promise<number> {
  return replaySets(fs, folder);
}

export interface AtomicWriteOptions {
  fs?: AtomicFs;
  /** Keep the previous content as `<name>.bak` (default true). */
  keepBackup?: boolean;
  /** Pauses before each rename retry; Windows antivirus and indexers hold new files briefly. */
  renameDelays?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

const RENAME_DELAYS = [50, 100, 200, 400, 800];
const RETRIED = new Set(['EBUSY', 'EPERM', 'EACCES']);
/** Platforms (Windows) and file systems that cannot flush a folder say so with these. */
const NO_FOLDER_SYNC = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);
const queues = new Map<string, Promise<void>>();

/** One file of a set: where it goes and what it holds. */
export interface SetMember {
  path: string;
  bytes: Uint8Array;
}

/**
 * Replace `target` with `bytes` so that at every instant the target holds either its complete
 * old or its complete new content (writeFilesAtomic with one member).
 */
export function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  return writeFilesAtomic([{ path: target, bytes }], options);
}

/**
 * Replace a set of files in one folder (a shapefile's members) as one: each is written to a
 * temporary file in the same folder and flushed, keeps the mode of the file it replaces and, when
 * the target is a symbolic link, replaces the file the link points to (the link stays). The old
 * content of each is kept as `<name>.bak` unless `keepBackup` is false. One file is renamed into
 * place; several are renamed after a journal says the new set is complete (atomicSet.ts), so a
 * crash between the renames is finished by the next write or read of the folder. On any failure
 * before the renames the temporary files are removed and every target is untouched. Writes into
 * one folder run one at a time.
 */
export function writeFilesAtomic(
  members: readonly SetMember[],
  options: AtomicWriteOptions = {},
): Promise<void> {
  if (!members.length) return Promise.resolve();
  return inFolderQueue(dirname(resolve(members[0]!.path)), () => writeNow(members, options));
}

/** Runs `work` after the writes already queued for `folder`, so renames there never interleave. */
function inFolderQueue(folder: string, work: () => Promise<void>): Promise<void> {
  const run = (queues.get(folder) ?? Promise.resolve()).catch(() => undefined).then(work);
  queues.set(folder, run);
  run
    .finally(() => {
      if (queues.get(folder) === run) queues.delete(folder);
    })
    .catch(() => undefined);
  return run;
}

/** A file being written piece by piece; nothing is visible at the target until `commit`. */
export interface AtomicStream {
  /** Appends bytes to the temporary file. */
  write(bytes: Uint8Array): Promise<void>;
  /** Flushes, then replaces the target (the old content kept as `.bak` unless told otherwise). */
  commit(): Promise<void>;
  /** Closes and removes the temporary file; the target is untouched. */
  abort(): Promise<void>;
}

/**
 * Replace `target` with content that arrives in pieces (an atlas PDF larger than one IPC
 * message): the pieces go to a temporary file in the target's folder, and `commit` flushes it and
 * renames it into place exactly as writeFileAtomic does, in the same per-folder queue. A failed
 * write or an abort removes the temporary file, so the target keeps its complete old content.
 */
export async function openAtomicStream(
  target: string,
  options: AtomicWriteOptions = {},
): Promise<AtomicStream> {
  const fs: AtomicFs = options.fs ?? nodeFs;
  const retry = { delays: options.renameDelays ?? RENAME_DELAYS, sleep: options.sleep ?? sleep };
  const name = basename(target);
  let real: string;
  let temp: string;
  let out: WritableFile;
  try {
    real = await realTarget(fs, target);
    await replaySets(fs, dirname(real));
    await removeStaleTemps(fs, dirname(real), basename(real));
    temp = join(dirname(real), tempName(basename(real), 'hzw-tmp'));
    out = await fs.open(temp, 'wx');
  } catch (error) {
    throw saveError(error, name, 'unchanged');
  }
  let open = true;
  const discard = async () => {
    if (open) await out.close().catch(() => undefined);
    open = false;
    await fs.unlink(temp).catch(() => undefined);
  };
  return {
    async write(bytes) {
      if (!open) throw new Error(`${name}: the stream is closed`);
      try {
        await out.writeFile(bytes);
      } catch (error) {
        await discard();
        throw saveError(error, name, 'unchanged');
      }
    },
    async commit() {
      if (!open) throw new Error(`${name}: the stream is closed`);
      const key = dirname(real);
      return inFolderQueue(key, async () => {
        try {
          await out.sync();
          await out.close();
          open = false;
          await keepMode(fs, real, temp);
          if (options.keepBackup !== false)
            await backUp(fs, real, join(key, tempName(basename(real), 'hzw-baktmp')), retry);
          await renameWithRetry(fs, temp, real, retry);
        } catch (error) {
          await discard();
          throw saveError(error, name, 'unchanged');
        }
        try {
          await syncFolder(fs, key);
        } catch (error) {
          throw saveError(error, name, 'written');
        }
      });
    },
    abort: discard,
  };
}

interface Planned {
  target: string;
  temp: string;
  bytes: Uint8Array;
}

/** The file a write really replaces: the end of a symbolic link, in its real folder. */
async function realTarget(fs: AtomicFs, path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await fs.realpath(absolute);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    return join(await fs.realpath(dirname(absolute)).catch(() => dirname(absolute)), basename(absolute));
  }
}

async function writeNow(members: readonly SetMember[], options: AtomicWriteOptions): Promise<void> {
  const fs: AtomicFs = options.fs ?? nodeFs;
  const retry = { delays: options.renameDelays ?? RENAME_DELAYS, sleep: options.sleep ?? sleep };
  const first = basename(members[0]!.path);
  const planned: Planned[] = [];
  const folders = new Set<string>();
  try {
    for (const member of members) {
      const target = await realTarget(fs, member.path);
      const folder = dirname(target);
      if (!folders.has(folder)) {
        folders.add(folder);
        await replaySets(fs, folder);
      }
      await removeStaleTemps(fs, folder, basename(target));
      const temp = join(folder, tempName(basename(target), 'hzw-tmp'));
      planned.push({ target, temp, bytes: member.bytes });
      await writeFlushed(fs, temp, member.bytes);
      await keepMode(fs, target, temp);
    }
    if (options.keepBackup !== false)
      for (const { target } of planned)
        await backUp(fs, target, join(dirname(target), tempName(basename(target), 'hzw-baktmp')), retry);
  } catch (error) {
    for (const { temp } of planned) await fs.unlink(temp).catch(() => undefined);
    throw saveError(error, first, 'unchanged');
  }
  if (planned.length === 1) {
    const { temp, target } = planned[0]!;
    try {
      await renameWithRetry(fs, temp, target, retry);
    } catch (error) {
      await fs.unlink(temp).catch(() => undefined);
      throw saveError(error, first, 'unchanged');
    }
  } else await renameSet(fs, planned, retry, first);
  try {
    for (const folder of folders) await syncFolder(fs, folder);
  } catch (error) {
    throw saveError(error, first, 'written');
  }
}

/** Several members: journal first, then the renames, then the journal goes. */
async function renameSet(
  fs: AtomicFs,
  planned: readonly Planned[],
  retry: Retry,
  first: string,
): Promise<void> {
  const folder = dirname(planned[0]!.target);
  if (planned.some((p) => dirname(p.target) !== folder)) {
    for (const { temp } of planned) await fs.unlink(temp).catch(() => undefined);
    throw saveError(new Error('the files of a set must lie in one folder'), first, 'unchanged');
  }
  let journal: string;
  try {
    const renames = planned.map((p) => [basename(p.temp), basename(p.target)] as [string, string]);
    journal = await writeJournal(fs, folder, renames, () => syncFolder(fs, folder));
  } catch (error) {
    for (const { temp } of planned) await fs.unlink(temp).catch(() => undefined);
    throw saveError(error, first, 'unchanged');
  }
  try {
    for (const { temp, target } of planned) await renameWithRetry(fs, temp, target, retry);
    await syncFolder(fs, folder);
    await fs.unlink(journal);
  } catch (error) {
    // The journal stays: the next write or read of this folder finishes the set.
    throw saveError(error, first, 'pending');
  }
}

/** A replaced file keeps its permissions (a 0600 file stays 0600); a new one gets the default. */
async function keepMode(fs: AtomicFs, target: string, temp: string): Promise<void> {
  let mode: number;
  try {
    mode = (await fs.stat(target)).mode & 0o7777;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  await fs.chmod(temp, mode);
}

async function removeStaleTemps(fs: AtomicFs, folder: string, name: string): Promise<void> {
  const entries = await fs.readdir(folder).catch(() => [] as string[]);
  for (const entry of entries.filter((e) => isStaleTemp(e, name))) {
    await fs.unlink(join(folder, entry)).catch(() => undefined);
  }
}

async function writeFlushed(fs: AtomicFs, path: string, bytes: Uint8Array): Promise<void> {
  const file = await fs.open(path, 'wx');
  try {
    await file.writeFile(bytes);
    await file.sync();
  } catch (error) {
    await file.close().catch(() => undefined);
    throw error;
  }
  await file.close();
}

/** Copy the current target to `<target>.bak` (itself via a flushed temp file); nothing to keep if absent. */
async function backUp(fs: AtomicFs, target: string, temp: string, retry: Retry): Promise<void> {
  try {
    await fs.copyFile(target, temp);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  try {
    const copy = await fs.open(temp, 'r+');
    try {
      await copy.sync();
    } finally {
      await copy.close();
    }
    await renameWithRetry(fs, temp, `${target}.bak`, retry);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

interface Retry {
  delays: readonly number[];
  sleep: (ms: number) => Promise<void>;
}

async function renameWithRetry(fs: AtomicFs, from: string, to: string, retry: Retry): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const delay = retry.delays[attempt];
      if (delay === undefined || !RETRIED.has(errorCode(error) ?? '')) throw error;
      await retry.sleep(delay);
    }
  }
}

async function syncFolder(fs: AtomicFs, folder: string): Promise<void> {
  let handle: WritableFile;
  try {
    handle = await fs.open(folder, 'r');
  } catch (error) {
    if (NO_FOLDER_SYNC.has(errorCode(error) ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!NO_FOLDER_SYNC.has(errorCode(error) ?? '')) throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
