import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { errorCode } from './saveError';

/**
 * The journal that makes a set of files (a shapefile's .shp/.shx/.dbf/.prj/.cpg) change as one.
 * Every member is first written complete and flushed under a temporary name; then the journal,
 * listing each temporary name and the member it becomes, is written (itself through a temporary
 * name, flushed, renamed, folder flushed); only then are the members renamed into place, and the
 * journal is removed last. A crash before the journal exists leaves the old set whole (the
 * temporary files are removed by the next write). A crash after it may leave new and old members
 * side by side; the journal says the new set is complete on disk, so `replaySets` finishes the
 * renames. It runs before every write into the folder and before `hzw` reads from it
 * (docs/formats.md, "Command line").
 *
 * A journal names files only (no folders) and is obeyed only for temporary files named as this
 * module names them for that member, so a journal planted in a downloaded folder can do no more
 * than rename `.x.<12 hex>.hzw-tmp` onto `x` beside it.
 */

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
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ mode: number }>;
  chmod(path: string, mode: number): Promise<void>;
  realpath(path: string): Promise<string>;
}

const JOURNAL = /^\..+\.[0-9a-f]{12}\.hzw-set$/;
const JOURNAL_TEMP = /^\..+\.[0-9a-f]{12}\.hzw-settmp$/;

export function tempName(name: string, suffix: string): string {
  return `.${name}.${randomBytes(6).toString('hex')}.${suffix}`;
}

/** Temporary files a crashed earlier save of this same target left behind. */
export function isStaleTemp(entry: string, name: string): boolean {
  if (!entry.startsWith(`.${name}.`)) return false;
  return /^[0-9a-f]{12}\.(hzw-tmp|hzw-baktmp)$/.test(entry.slice(name.length + 2));
}

/** Pairs [temporary name, member name] of a journal, only those this module could have written. */
function parseJournal(bytes: Uint8Array): [string, string][] {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return [];
  }
  const renames = (value as { renames?: unknown } | null)?.renames;
  if (!Array.isArray(renames)) return [];
  return renames.filter(
    (r): r is [string, string] =>
      Array.isArray(r) &&
      typeof r[0] === 'string' &&
      typeof r[1] === 'string' &&
      basename(r[1]) === r[1] &&
      /^[^/\\\0]+$/.test(r[1]) &&
      isStaleTemp(r[0], r[1]) &&
      !r[0].endsWith('.hzw-baktmp'),
  );
}

/**
 * Finish every set write a crash interrupted in `folder`: rename the temporary members a journal
 * lists onto their names, then remove the journal. Journals still being written (never renamed
 * into place) are only removed: their sets never started to change. Returns the journals replayed.
 */
export async function replaySets(fs: AtomicFs, folder: string): Promise<number> {
  const entries = await fs.readdir(folder).catch(() => [] as string[]);
  let replayed = 0;
  for (const entry of entries) {
    if (JOURNAL_TEMP.test(entry)) await fs.unlink(join(folder, entry)).catch(() => undefined);
    if (!JOURNAL.test(entry)) continue;
    const journal = join(folder, entry);
    const renames = parseJournal(await fs.readFile(journal));
    for (const [temp, name] of renames) {
      try {
        await fs.rename(join(folder, temp), join(folder, name));
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error; // already renamed before the crash
      }
    }
    await fs.unlink(journal);
    replayed++;
  }
  return replayed;
}

/** Write the journal for `renames` (temporary name → member name) durably; returns its path. */
export async function writeJournal(
  fs: AtomicFs,
  folder: string,
  renames: readonly [string, string][],
  flushFolder: () => Promise<void>,
): Promise<string> {
  const first = renames[0]![1];
  const stem = tempName(first, 'hzw-set').slice(0, -'.hzw-set'.length);
  const temp = join(folder, `${stem}.hzw-settmp`);
  const journal = join(folder, `${stem}.hzw-set`);
  const file = await fs.open(temp, 'wx');
  try {
    await file.writeFile(new TextEncoder().encode(JSON.stringify({ version: 1, renames })));
    await file.sync();
  } finally {
    await file.close();
  }
  await fs.rename(temp, journal);
  await flushFolder();
  return journal;
}
