import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * GDAL's answers for the corpus, kept between runs in the system temp folder. A run spends most of
 * its time starting GDAL's tools (~400 processes); the answers depend only on the tool versions,
 * the arguments and the bytes of the files, which is exactly the key. Our side is never cached.
 * HZW_CORPUS_CACHE=0 asks GDAL afresh.
 */
const DIR = join(tmpdir(), 'hzw-corpus-gdal-cache');
const enabled = process.env.HZW_CORPUS_CACHE !== '0';

let versions: string | null = null;
/** GDAL's and PROJ's versions (cs2cs names PROJ's release when run without arguments). */
function toolVersions(): string {
  const proj = spawnSync('cs2cs', [], { encoding: 'utf8' }).stderr.split('\n')[0]!.trim();
  versions ??= `${execFileSync('ogr2ogr', ['--version'], { encoding: 'utf8' }).trim()} | PROJ ${proj}`;
  return versions;
}

/** The identity of a dataset: the bytes of the file and its sidecars (same folder, same base name). */
export function fingerprintOf(path: string): string {
  const hash = createHash('sha256');
  const base = basename(path)
    .replace(/\.[^.]*$/, '')
    .toLowerCase();
  const names = readdirSync(dirname(path))
    .filter((n) => n.toLowerCase().replace(/\.[^.]*$/, '') === base)
    .sort();
  for (const name of names) hash.update(name).update(readFileSync(join(dirname(path), name)));
  return hash.digest('hex');
}

export async function cached(key: unknown, compute: () => Promise<string>): Promise<string> {
  if (!enabled) return compute();
  const file = join(
    DIR,
    createHash('sha256')
      .update(JSON.stringify([toolVersions(), key]))
      .digest('hex'),
  );
  try {
    return readFileSync(file, 'utf8');
  } catch {
    const answer = await compute();
    mkdirSync(DIR, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, answer);
    renameSync(partial, file);
    return answer;
  }
}
