import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire, flipFuses, type FuseV1Config } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import config from '../electron-builder.config.mjs';
import afterPack from './afterPack.mjs';
import { fuseProblems, writeStandInExecutable } from './packageCheck.mjs';

/**
 * The release package as electron-builder will build it, checked with electron-builder's own
 * schema and file matcher and with @electron/fuses' own reader: what ships, how `.hzw` files
 * open, and which fuses the shipped executable has.
 */
const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js');
const { DebugLogger } = require('builder-util');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Whether electron-builder's matcher would copy `path` (relative to the project) into the app. */
function ships(path: string): boolean {
  const filter = new FileMatcher(ROOT, '/app', (s: string) => s, config.files).createFilter();
  return filter(join(ROOT, path), { isDirectory: () => false });
}

describe('the electron-builder configuration', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds a Windows NSIS installer, a macOS dmg and a Linux AppImage, inside asar', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg']);
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage']);
    expect(config.asar).toBe(true);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('registers .hzw project files, opened for editing, with icons for every system', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'hzw', name: 'Heritage Zone Workbench project', role: 'Editor' }),
    ]);
    const folder = join(ROOT, config.directories.buildResources);
    const icon = config.fileAssociations[0]!.icon;
    const magic = (file: string, bytes: number[]) =>
      expect([...readFileSync(join(folder, file)).subarray(0, bytes.length)], file).toEqual(bytes);
    for (const name of [icon, 'icon']) {
      magic(`${name}.ico`, [0, 0, 1, 0]);
      magic(`${name}.png`, [0x89, 0x50, 0x4e, 0x47]);
      magic(`${name}.icns`, [...Buffer.from('icns')]);
      // electron-builder wants at least 256 px (Windows) and 512 px (macOS, Linux).
      expect(readFileSync(join(folder, `${name}.png`)).readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    }
    expect(
      [config.win.icon, config.mac.icon, config.linux.icon].every((f) => existsSync(join(folder, f))),
    ).toBe(true);
  });

  it('ships the built app only: no source maps, tests, TypeScript sources, e2e or CLI', () => {
    for (const path of [
      'package.json',
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
    ]) {
      expect(ships(path), path).toBe(true);
    }
    expect(ships('out/renderer/assets/jobWorker-abc.js')).toBe(true);
    for (const path of [
      'out/renderer/assets/index-abc.js.map',
      'out/main/index.js.map',
      'out/renderer/assets/contract.test.js',
      'out/renderer/e2e/desktop.spec.js',
      'e2e/electron/desktop.spec.ts',
      'electron/main/index.ts',
      'renderer/ui/App.tsx',
      'shared/ipc/contract.ts',
      'scripts/hzw.mjs',
      'out/cli/hzw.js',
      'docs/desktop-security.md',
      'bench/playwright.bench.config.ts',
      'node_modules/vitest/package.json',
      'node_modules/zod/package.json',
      'node_modules/electron/package.json',
    ]) {
      expect(ships(path), path).toBe(false);
    }
  });

  it('ships no library from node_modules (main and renderer are bundled); build tools stay devDependencies', () => {
    const runtime = Object.keys(packageJson.dependencies);
    const dev = Object.keys(packageJson.devDependencies);
    expect(runtime.filter((name) => dev.includes(name))).toEqual([]);
    for (const tool of ['electron', 'electron-builder', '@electron/fuses', 'vitest', 'electron-vite']) {
      expect(dev, tool).toContain(tool);
    }
    expect(config.files).toContain('!node_modules/**');
    expect(config).not.toHaveProperty('includeSubNodeModules');
  });
});

describe('the afterPack hook', () => {
  it('flips every release fuse on the packed executable, and only through the packager', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'hzw-fuses-'));
    try {
      const exe = join(folder, 'Heritage Zone Workbench.exe');
      await writeStandInExecutable(exe);
      const size = (await stat(exe)).size;
      // Electron as shipped: every one of the seven release fuses is still in its default state.
      expect(fuseProblems(await getCurrentFuseWire(exe))).toHaveLength(7);
      const calls: unknown[] = [];
      const packager = {
        // What electron-builder's packager does: find the executable, flip with @electron/fuses.
        async addElectronFuses(context: unknown, fuses: FuseV1Config) {
          calls.push(context);
          await flipFuses(exe, fuses);
        },
      };
      const context = { electronPlatformName: 'win32', arch: 1, appOutDir: folder, packager };
      await afterPack(context);
      expect(calls).toEqual([context]);

      const flipped = await getCurrentFuseWire(exe);
      const state = (fuse: FuseV1Options) => flipped[fuse];
      expect({
        RunAsNode: state(FuseV1Options.RunAsNode),
        EnableCookieEncryption: state(FuseV1Options.EnableCookieEncryption),
        EnableNodeOptionsEnvironmentVariable: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
        EnableNodeCliInspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
        EnableEmbeddedAsarIntegrityValidation: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
        OnlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
        GrantFileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
      }).toEqual({
        RunAsNode: FuseState.DISABLE,
        EnableCookieEncryption: FuseState.ENABLE,
        EnableNodeOptionsEnvironmentVariable: FuseState.DISABLE,
        EnableNodeCliInspectArguments: FuseState.DISABLE,
        EnableEmbeddedAsarIntegrityValidation: FuseState.ENABLE,
        OnlyLoadAppFromAsar: FuseState.ENABLE,
        GrantFileProtocolExtraPrivileges: FuseState.DISABLE,
      });
      expect((await stat(exe)).size).toBe(size);
      expect(fuseProblems(flipped)).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('is the hook electron-builder runs', () => {
    expect(config.afterPack).toBe(afterPack);
  });
});
