#!/usr/bin/env node
// The mutation check of the desktop shell's security measures. In a scratch copy of the sources
// (sharing this checkout's node_modules through a symlink) it removes each measure listed in
// scripts/securityMutations.list.mjs, one at a time, runs the tests that should guard it, and
// reports every mutation the tests did not notice ("survived"), and every mutation whose source
// text no longer exists ("stale", so the list cannot rot silently).
//
//   node scripts/securityMutations.mjs            all mutations (npm run test:mutations)
//   node scripts/securityMutations.mjs --fast     the subset npm run test:unit runs
//   node scripts/securityMutations.mjs "fuse"     mutations whose name contains "fuse"
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTATIONS } from './securityMutations.list.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** What the guarding tests need; node_modules is linked, not copied. */
const COPIED = [
  'electron',
  'shared',
  'scripts',
  'resources',
  'package.json',
  'electron-builder.config.mjs',
  'vitest.config.ts',
];
const copied = async () => [...COPIED, ...(await readdir(ROOT)).filter((f) => /^tsconfig.*\.json$/.test(f))];

/** How often `find` (a string or a regular expression) occurs in `text`. */
export function occurrences(text, find) {
  if (typeof find === 'string') return text.split(find).length - 1;
  return [...text.matchAll(new RegExp(find.source, `${find.flags.replace('g', '')}g`))].length;
}

export function applyMutation(text, mutation) {
  const count = occurrences(text, mutation.find);
  if (count !== 1) return null;
  return text.replace(mutation.find, () => mutation.replace);
}

/** Mutations whose source text is missing or ambiguous in the checkout at `root`. */
export async function staleMutations(mutations = MUTATIONS, root = ROOT) {
  const stale = [];
  for (const mutation of mutations) {
    const text = await readFile(join(root, mutation.file), 'utf8').catch(() => '');
    if (applyMutation(text, mutation) === null) stale.push(mutation.name);
  }
  return stale;
}

function runTests(root, tests) {
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const result = spawnSync(process.execPath, [vitest, 'run', '--reporter=dot', ...tests], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', CI: '1' },
  });
  return { passed: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

export async function runMutations(mutations, log = console.log) {
  const scratch = await mkdtemp(join(tmpdir(), 'hzw-mutations-'));
  try {
    for (const entry of await copied()) {
      await cp(join(ROOT, entry), join(scratch, entry), {
        recursive: true,
        filter: (source) => !source.includes(`${join(ROOT, 'scripts', 'fixtures')}`),
      }).catch((error) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
    await symlink(join(ROOT, 'node_modules'), join(scratch, 'node_modules'), 'junction');

    const allTests = [...new Set(mutations.flatMap((m) => m.tests))];
    const baseline = runTests(scratch, allTests);
    if (!baseline.passed) {
      log(baseline.output);
      throw new Error('the guarding tests fail without any mutation; fix them first');
    }

    const results = [];
    for (const mutation of mutations) {
      const path = join(scratch, mutation.file);
      const original = await readFile(path, 'utf8').catch(() => '');
      const mutated = applyMutation(original, mutation);
      if (mutated === null) {
        results.push({ name: mutation.name, outcome: 'stale' });
        log(`STALE    ${mutation.name} (${mutation.file}: the text to remove is not there exactly once)`);
        continue;
      }
      await writeFile(path, mutated);
      const started = Date.now();
      const { passed } = runTests(scratch, mutation.tests);
      await writeFile(path, original);
      const outcome = passed ? 'survived' : 'killed';
      results.push({ name: mutation.name, outcome });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      log(`${outcome === 'killed' ? 'killed  ' : 'SURVIVED'} ${mutation.name} (${seconds} s)`);
    }
    return results;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const fast = args.includes('--fast');
  const words = args.filter((a) => !a.startsWith('--'));
  const chosen = MUTATIONS.filter(
    (m) => (!fast || m.fast) && (words.length === 0 || words.some((w) => m.name.includes(w))),
  );
  if (chosen.length === 0) {
    console.error('No mutation matches.');
    process.exit(2);
  }
  const started = Date.now();
  const results = await runMutations(chosen);
  const bad = results.filter((r) => r.outcome !== 'killed');
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `\n${results.length - bad.length} of ${results.length} mutations caught by the tests (${seconds} s).`,
  );
  if (bad.length) {
    console.log('Not caught (a security measure no test guards, or a stale mutation):');
    for (const r of bad) console.log(`  ${r.outcome}: ${r.name}`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`Mutation check failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
