#!/usr/bin/env node
// npm run package:check — package the app the way `npm run package` does, but into a temporary
// folder and with a stand-in for the Electron binary, so it runs anywhere (no download). Then
// read what would ship: the files inside app.asar and the fuses of the executable, and report
// anything that should not be there.
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { RELEASE_FUSES } from './fuses.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Electron's fuse sentinel; the wire after it is what Electron 45 ships (see scripts/fuses.md). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const STOCK_WIRE = '101100011';

/** A file @electron/fuses treats as an Electron executable: the sentinel and a stock fuse wire. */
export async function writeStandInExecutable(path) {
  const wire = Buffer.from([1, STOCK_WIRE.length, ...Buffer.from(STOCK_WIRE)]);
  await writeFile(
    path,
    Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(64)]),
  );
  await chmod(path, 0o755);
}

/** What must not ship, by path inside app.asar. */
export function forbiddenInPackage(files) {
  return files.filter(
    (f) => /\.map$|\.test\.|\/e2e\/|\.(ts|tsx|mts|cts)$/.test(f) || f.startsWith('/node_modules/'),
  );
}

export function fuseProblems(wire) {
  const { version: _version, ...wanted } = RELEASE_FUSES;
  return Object.entries(wanted)
    .filter(([fuse, on]) => wire[fuse] !== (on ? 49 : 48))
    .map(([fuse, on]) => `${FuseV1Options[fuse]} is not ${on ? 'on' : 'off'}`);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'hzw-package-'));
  try {
    const dist = join(work, 'electron');
    await mkdir(join(dist, 'locales'), { recursive: true });
    await mkdir(join(dist, 'resources'));
    await writeStandInExecutable(join(dist, 'electron'));
    for (const locale of ['en-US', 'zh-CN', 'fr'])
      await writeFile(join(dist, 'locales', `${locale}.pak`), '');
    run(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
    run(process.execPath, [
      join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
      ...['--config', 'electron-builder.config.mjs', '--linux', '--dir', '--publish', 'never'],
      `-c.electronDist=${dist}`,
      `-c.directories.output=${join(work, 'dist')}`,
    ]);
    const app = join(work, 'dist', 'linux-unpacked');
    const files = require('@electron/asar').listPackage(join(app, 'resources', 'app.asar'), {});
    const missing = [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ];
    const problems = [
      ...missing.filter((f) => !files.includes(f)).map((f) => `${f} is missing`),
      ...forbiddenInPackage(files).map((f) => `${f} would ship`),
      ...fuseProblems(await getCurrentFuseWire(join(app, 'heritage-zone-workbench'))),
    ];
    console.log(`app.asar holds ${files.length} entries; fuses read back from the packed executable.`);
    if (problems.length) {
      console.error(`Package check failed:\n  ${problems.join('\n  ')}`);
      process.exitCode = 1;
    } else console.log('Package check passed: only the built app ships, fuses flipped.');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`Package check failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
