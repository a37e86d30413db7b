import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../fixtures/corpus/corpus';
import type { CorpusEntry } from '../fixtures/corpus/corpusTypes';
import type { Finding } from './corpusChecks';
import { compareEntry } from './corpusCompare';
import { assertGdalInstalled } from './corpusGdal';

/**
 * Every file of the third-party corpus (scripts/fixtures/corpus) read by hzw and by GDAL, compared
 * layer by layer (docs/formats.md, "Third-party corpus"). A difference the manifest does not list
 * fails, and so does a listed one that no longer occurs; differences of kind `bug` pass and are
 * printed, as the readers' work list.
 */
const ROOT = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const results = new Map<string, Finding[] | Error>();

async function compareAll(entries: readonly CorpusEntry[]): Promise<void> {
  const queue = [...entries];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      results.set(entry.file, await compareEntry(entry, ROOT).catch((error: unknown) => error as Error));
    }
  };
  // GDAL runs as child processes, so a few comparisons overlap even on two cores.
  await Promise.all(Array.from({ length: availableParallelism() + 1 }, worker));
}

beforeAll(async () => {
  assertGdalInstalled();
  await compareAll(CORPUS);
}, 180_000);

describe('third-party corpus: hzw reads what GDAL reads', () => {
  it.each(CORPUS.map((entry) => [entry.file, entry] as const))('%s', (_, entry) => {
    const findings = results.get(entry.file);
    if (findings instanceof Error) throw findings;
    expect(findings, 'not compared').toBeDefined();
    const listed = entry.differences ?? [];
    const unlisted = findings!.filter((f) => !listed.some((d) => d.what === f.what));
    const stale = listed.filter((d) => !findings!.some((f) => f.what === d.what));
    expect(
      unlisted.map((f) => `${f.what}: ${f.detail}`),
      'differences from GDAL that the manifest does not list',
    ).toEqual([]);
    expect(
      stale.map((d) => `${d.what} (${d.kind})`),
      'listed differences that no longer occur: remove them from the manifest',
    ).toEqual([]);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('the corpus manifest', () => {
  const data = filesUnder(ROOT)
    .map((f) => relative(ROOT, f))
    .filter((f) => f.includes('/') && !f.startsWith('manifest/'));

  it('names files that exist, once each, with the differences said once and explained', () => {
    const names = CORPUS.map((e) => e.file);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    for (const entry of CORPUS) {
      expect(data, entry.file).toContain(entry.file);
      expect(entry.about.length, `${entry.file}: about`).toBeGreaterThan(10);
      const whats = (entry.differences ?? []).map((d) => d.what);
      expect(
        whats.filter((w, i) => whats.indexOf(w) !== i),
        entry.file,
      ).toEqual([]);
      for (const d of entry.differences ?? [])
        expect(d.reason.length, `${entry.file} ${d.what}: a concrete reason`).toBeGreaterThan(30);
    }
  });

  it('records the source of every file in SOURCES.md and stays small', () => {
    const sources = readFileSync(join(ROOT, 'SOURCES.md'), 'utf8');
    for (const file of data) expect(sources, `${file} is not in SOURCES.md`).toContain(file);
    const sizes = data.map((f) => statSync(join(ROOT, f)).size);
    expect(Math.max(...sizes)).toBeLessThan(200 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(3 * 1024 * 1024);
  });
});

afterAll(() => {
  const all = CORPUS.flatMap((e) => (e.differences ?? []).map((d) => ({ file: e.file, ...d })));
  const tally = (['bug', 'by-design', 'gdal-wrong'] as const).map(
    (k) => `${k} ${all.filter((d) => d.kind === k).length}`,
  );
  const bugs = all.filter((d) => d.kind === 'bug').map((d) => `  ${d.file}  ${d.what}`);
  console.log(
    `Corpus: ${CORPUS.length} files; listed differences from GDAL: ${tally.join(', ')}.\n` +
      `Known reader bugs (kind 'bug' in the manifest, reasons there):\n${bugs.join('\n')}`,
  );
});
