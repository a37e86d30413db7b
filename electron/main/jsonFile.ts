import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomicWrite';

/**
 * Small JSON files in the profile folder (recent files, settings). A missing or damaged file
 * reads as null so the app starts with defaults instead of failing; the caller validates.
 */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    console.warn(`[hzw] ${path} is not valid JSON; using defaults`);
    return null;
  }
}

export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`), {
    keepBackup: false,
  });
}
