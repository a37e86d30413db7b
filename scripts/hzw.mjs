#!/usr/bin/env node
// `hzw` launcher: builds the command line into out/cli when it is missing or older than its
// sources (scripts/hzw, shared, electron/main/atomicWrite.ts), then runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'out/cli/hzw.mjs');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.ts$/.test(path) ? 0 : stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

const sources = [
  'scripts/hzw',
  'shared',
  'electron/main/atomicWrite.ts',
  'electron/main/atomicSet.ts',
  'electron/main/saveError.ts',
  'vite.cli.config.ts',
  'package-lock.json',
];
const stale =
  !existsSync(built) || Math.max(...sources.map((s) => newest(join(root, s)))) > statSync(built).mtimeMs;
if (stale) {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) {
    process.stderr.write('hzw: building the command line failed\n');
    process.exit(1);
  }
}
await import(pathToFileURL(built).href);
