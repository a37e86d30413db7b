import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { errorCode, saveError } from './saveError';

/** The file-system calls a write makes; tests substitute one that fails at a chosen step. */
export interface WritableFile {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}
export interface AtomicFs {
  open(path: string, flags: string): Promise<WritableFile>;
  copyFile(from: string, to: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
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

/**
 * Replace `target` with `bytes` so that at every instant the target holds either its complete
 * old or its complete new content: write a temporary file in the same folder, flush it, keep the
 * old file as `<name>.bak`, rename the temporary file over the target, flush the folder. On any
 * failure before the rename the temporary file is removed and the target is untouched. Writes to
 * one path run one at a time.
 */
export function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const key = resolve(target);
  const run = (queues.get(key) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => writeNow(key, bytes, options));
  queues.set(key, run);
  run
    .finally(() => {
      if (queues.get(key) === run) queues.delete(key);
    })
    .catch(() => undefined);
  return run;
}

async function writeNow(target: string, bytes: Uint8Array, options: AtomicWriteOptions): Promise<void> {
  const fs: AtomicFs = options.fs ?? nodeFs;
  const retry = { delays: options.renameDelays ?? RENAME_DELAYS, sleep: options.sleep ?? sleep };
  const folder = dirname(target);
  const name = basename(target);
  await removeStaleTemps(fs, folder, name);
  const temp = join(folder, tempName(name, 'hzw-tmp'));
  try {
    await writeFlushed(fs, temp, bytes);
    if (options.keepBackup !== false)
      await backUp(fs, target, join(folder, tempName(name, 'hzw-baktmp')), retry);
    await renameWithRetry(fs, temp, target, retry);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw saveError(error, name, 'unchanged');
  }
  try {
    await syncFolder(fs, folder);
  } catch (error) {
    throw saveError(error, name, 'written');
  }
}

function tempName(name: string, suffix: string): string {
  return `.${name}.${randomBytes(6).toString('hex')}.${suffix}`;
}

/** Temporary files a crashed earlier save of this same target left behind. */
export function isStaleTemp(entry: string, name: string): boolean {
  if (!entry.startsWith(`.${name}.`)) return false;
  return /^[0-9a-f]{12}\.(hzw-tmp|hzw-baktmp)$/.test(entry.slice(name.length + 2));
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
