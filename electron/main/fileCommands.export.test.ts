import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from './atomicWrite';
import { createFileCommands } from './fileCommands';
import { FileHandles } from './fileHandles';
import { PickedFiles } from './pickedFiles';
import { steppedFs } from './steppedFs';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hzw-export-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

/** Real file-system calls, the `failAt`-th of which fails (an unplugged disk, a killed save). */
function failingFs(failAt: number) {
  let calls = 0;
  const step = () => {
    if (calls++ === failAt) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
  };
  const fs = steppedFs(step);
  return { fs, calls: () => calls };
}

function exporter(save: string, writeFileTo: (path: string, bytes: Uint8Array) => Promise<void>) {
  const dialogs = {
    chooseFiles: vi.fn(async (): Promise<string[]> => []),
    chooseSaveTarget: vi.fn(async (_options: { filters: unknown }): Promise<string | null> => save),
  };
  const commands = createFileCommands({
    dialogs,
    handles: new FileHandles(),
    picked: new PickedFiles(),
    recent: { list: () => [], add: async () => undefined, remove: async () => undefined },
    readFile: async () => new Uint8Array(),
    writeFile: writeFileTo,
    exists: async () => false,
    lang: () => 'zh',
    startFolder: () => folder,
    recentChanged: () => undefined,
  });
  return { commands, dialogs };
}

const OLD = 'PK old GeoPackage '.repeat(500);
const NEW = 'PK new GeoPackage, written by this export '.repeat(500);
const request = {
  handle: null,
  suggestedName: '保护区划.gpkg',
  bytes: new TextEncoder().encode(NEW),
  filters: [],
};

describe('export writes', () => {
  it('offers the format’s filter in the UI language and writes atomically with a backup', async () => {
    const target = join(folder, '保护区划.gpkg');
    await writeFile(target, OLD);
    const { commands, dialogs } = exporter(target, (p, b) => writeFileAtomic(p, b));
    expect(await commands.exportFile(request)).toEqual({ handle: null, name: '保护区划.gpkg' });
    expect(dialogs.chooseSaveTarget.mock.lastCall![0]!.filters).toEqual([
      { name: 'GeoPackage (*.gpkg)', extensions: ['gpkg'] },
    ]);
    expect(await readFile(target, 'utf8')).toBe(NEW);
    expect(await readFile(`${target}.bak`, 'utf8')).toBe(OLD);
  });

  it('leaves the old or the new export whole when the save is interrupted at any step', async () => {
    const target = join(folder, '保护区划.gpkg');
    await writeFile(target, OLD);
    const probe = failingFs(-1);
    await exporter(target, (p, b) => writeFileAtomic(p, b, { fs: probe.fs })).commands.exportFile(request);
    const steps = probe.calls();
    expect(steps).toBeGreaterThan(8);
    const outcomes = new Set<string>();
    for (let failAt = 0; failAt < steps; failAt++) {
      await writeFile(target, OLD);
      const write = (p: string, b: Uint8Array) =>
        writeFileAtomic(p, b, { fs: failingFs(failAt).fs, sleep: async () => undefined });
      const result = await exporter(target, write)
        .commands.exportFile(request)
        .then(
          () => 'saved',
          () => 'failed',
        );
      const content = await readFile(target, 'utf8');
      expect([OLD, NEW], `interrupted at step ${failAt}`).toContain(content);
      // A failed export never reports success, and never leaves a temporary file beside the target.
      if (result === 'failed') outcomes.add(content === OLD ? 'failed-old' : 'failed-new');
      else expect(content, `step ${failAt}`).toBe(NEW);
      expect(
        (await readdir(folder)).filter((f) => !/^保护区划\.gpkg(\.bak)?$/.test(f)),
        `step ${failAt}`,
      ).toEqual([]);
    }
    expect(outcomes.has('failed-old')).toBe(true);
  });
});
