#!/usr/bin/env node
// npm run package [-- --win | --mac | --linux | --dir]: build the app, then package it with
// electron-builder (electron-builder.config.mjs) into dist/. Packaging needs the Electron
// binary of the target system (and, for Windows, NSIS), which electron-builder downloads from
// GitHub or ELECTRON_MIRROR; where that cannot be had this script says so and stops.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PLATFORMS = {
  '--win': 'win32',
  '--windows': 'win32',
  '-w': 'win32',
  '--mac': 'darwin',
  '-m': 'darwin',
  '--linux': 'linux',
  '-l': 'linux',
};

function stop(message) {
  console.error(`\n[package] ${message}\n`);
  process.exit(1);
}

/** Where @electron/get keeps downloaded Electron archives. */
function electronCache() {
  if (process.env.ELECTRON_CACHE) return process.env.ELECTRON_CACHE;
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? homedir(), 'electron', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

function cached(zip) {
  const cache = electronCache();
  if (!existsSync(cache)) return false;
  if (existsSync(join(cache, zip))) return true;
  return readdirSync(cache, { withFileTypes: true }).some(
    (entry) => entry.isDirectory() && existsSync(join(cache, entry.name, zip)),
  );
}

async function reachable(url) {
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      redirect: 'follow',
      signal: AbortSignal.timeout(10_000),
    });
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error ? (error.cause?.code ?? error.message) : String(error);
  }
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status ?? 1;
}

async function main() {
  const args = process.argv.slice(2);
  const electronPackage = join(ROOT, 'node_modules', 'electron', 'package.json');
  const builder = join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  if (!existsSync(electronPackage) || !existsSync(builder))
    stop('Dependencies are missing: run `npm install` first.');
  const version = JSON.parse(readFileSync(electronPackage, 'utf8')).version;

  const platforms = [...new Set(args.map((a) => PLATFORMS[a]).filter(Boolean))];
  for (const platform of platforms.length ? platforms : [process.platform]) {
    const arch = platform === 'darwin' ? 'arm64' : 'x64';
    const zip = `electron-v${version}-${platform}-${arch}.zip`;
    if (cached(zip)) continue;
    const mirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
    const url = `${mirror.replace(/\/?$/, '/')}v${version}/${zip}`;
    const problem = await reachable(url);
    if (problem) {
      stop(
        [
          `Cannot package here: the Electron ${version} binary for ${platform}-${arch} is not available`,
          `(${url}: ${problem}).`,
          'Packaging needs it (and, for the Windows installer, NSIS), downloaded by electron-builder.',
          'Run `npm run package` on a machine with internet access, or set ELECTRON_MIRROR (and',
          `ELECTRON_BUILDER_BINARIES_MIRROR) to a reachable mirror, or put ${zip} into ${electronCache()}.`,
        ].join('\n'),
      );
    }
  }

  if (run('npm', ['run', 'build']) !== 0) stop('The build failed (see above); nothing was packaged.');
  const status = run(process.execPath, [
    builder,
    '--config',
    'electron-builder.config.mjs',
    '--publish',
    'never',
    ...args,
  ]);
  if (status !== 0) stop(`electron-builder failed (exit code ${status}); see its messages above.`);
  console.log(`\n[package] Done: the installers are in ${join(ROOT, 'dist')}.`);
}

main().catch((error) => stop(error instanceof Error ? error.message : String(error)));
