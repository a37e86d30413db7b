import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { MAX_RECENT_FILES } from '../../shared/ipc/limits';
import { readJsonFile, writeJsonFile } from './jsonFile';

/** Windows and macOS file systems ignore case by default: one file, one entry. */
export function samePath(a: string, b: string, platform: string = process.platform): boolean {
  return platform === 'win32' || platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** The list with `path` moved (or added) to the front, at most `max` long. */
export function addRecent(
  list: readonly string[],
  path: string,
  max = MAX_RECENT_FILES,
  platform?: string,
): string[] {
  return [path, ...list.filter((p) => !samePath(p, path, platform))].slice(0, max);
}

export function removeRecent(list: readonly string[], path: string, platform?: string): string[] {
  return list.filter((p) => !samePath(p, path, platform));
}

const RecentFileSchema = z.object({ version: z.literal(1), files: z.array(z.unknown()) });

/** Paths from a stored list: absolute strings only, duplicates dropped, at most `max`. */
export function parseRecent(json: unknown, max = MAX_RECENT_FILES, platform?: string): string[] {
  const parsed = RecentFileSchema.safeParse(json);
  if (!parsed.success) return [];
  const files: string[] = [];
  for (const entry of parsed.data.files) {
    if (typeof entry !== 'string' || !isAbsolute(entry) || entry.includes('\0')) continue;
    if (!files.some((f) => samePath(f, entry, platform))) files.push(entry);
  }
  return files.slice(0, max);
}

/** The recent-projects list, kept in `recent.json` in the profile and written atomically. */
export class RecentFiles {
  private constructor(
    private readonly file: string,
    private files: string[],
  ) {}

  static async load(file: string): Promise<RecentFiles> {
    return new RecentFiles(file, parseRecent(await readJsonFile(file)));
  }

  list(): readonly string[] {
    return this.files;
  }

  add(path: string): Promise<void> {
    return this.replace(addRecent(this.files, path));
  }

  remove(path: string): Promise<void> {
    return this.replace(removeRecent(this.files, path));
  }

  clear(): Promise<void> {
    return this.replace([]);
  }

  private async replace(files: string[]): Promise<void> {
    this.files = files;
    await writeJsonFile(this.file, { version: 1, files });
  }
}
