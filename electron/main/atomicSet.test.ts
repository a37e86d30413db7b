import * as nodeFs from 'node:fs/promises';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, lstat, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Layer } from '../../shared/formats/layer';
import { writeShapefile } from '../../shared/formats/shapefile/writeShapefile';
import { finishInterruptedSets, writeFileAtomic, writeFilesAtomic } from './atomicWrite';
import { steppedFs } from './steppedFs';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hzw-set-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

/** A shapefile set of `count` squares whose `version` attribute says which set it is. */
function shapefileSet(version: string, count: number) {
  const layer: Layer = {
    name: 'zones',
    epsg: 4490,
    fields: [
      { name: 'version', type: 'string' },
      { name: 'n', type: 'integer' },
    ],
    features: Array.from({ length: count }, (_, i) => ({
      properties: { version, n: i },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [84 + i, 44],
            [84.5 + i, 44],
            [84.5 + i, 44.5],
            [84 + i, 44],
          ],
        ],
      },
    })),
  };
  return writeShapefile([layer], { baseName: 'zones' }).files.map((f) => ({
    path: join(folder, f.name),
    bytes: f.bytes,
  }));
}

/** The real file system; from call `crashAt` on every call fails, as if the process died there. */
function crashingFs(crashAt = Infinity) {
  let calls = 0;
  const step = () => {
    if (calls++ >= crashAt) throw Object.assign(new Error('killed'), { code: 'EKILLED' });
  };
  const fs = steppedFs(step);
  return { fs, calls: () => calls };
}

/** What GDAL reads from the set: its feature count and the versions its records carry. */
function gdalRead(): { count: number; versions: Set<string> } {
  const run = spawnSync('ogrinfo', ['-ro', '-al', '-q', join(folder, 'zones.shp')], { encoding: 'utf8' });
  const count = (run.stdout.match(/OGRFeature\(/g) ?? []).length;
  const versions = new Set([...run.stdout.matchAll(/version \(String\) = (\w+)/g)].map((m) => m[1]!));
  return { count, versions };
}

/** Which set the members on disk are, byte for byte: all old, all new, or a mix. */
async function setOnDisk(): Promise<'old' | 'new' | 'mixed'> {
  const sets = { old: shapefileSet('old', 3), new: shapefileSet('new', 5) };
  const found = new Set<string>();
  for (const [i, member] of sets.old.entries()) {
    const bytes = await readFile(member.path);
    if (bytes.equals(member.bytes) && bytes.equals(sets.new[i]!.bytes)) continue; // .prj, .cpg
    if (bytes.equals(member.bytes)) found.add('old');
    else if (bytes.equals(sets.new[i]!.bytes)) found.add('new');
    else found.add('other');
  }
  return found.size === 1 && !found.has('other') ? ([...found][0] as 'old' | 'new') : 'mixed';
}

describe('writeFilesAtomic: a shapefile set changes as one', () => {
  it('after a crash at any step and the next read, GDAL reads the whole old set or the whole new set', async () => {
    const total = crashingFs();
    await writeFilesAtomic(shapefileSet('old', 3), { keepBackup: false });
    await writeFilesAtomic(shapefileSet('new', 5), { keepBackup: false, fs: total.fs });
    const steps = total.calls();
    expect(steps).toBeGreaterThan(30);
    const outcomes = { old: 0, new: 0, replayed: 0, mixedBeforeReplay: 0 };
    for (let crashAt = 0; crashAt < steps; crashAt++) {
      await rm(folder, { recursive: true, force: true });
      await nodeFs.mkdir(folder);
      await writeFilesAtomic(shapefileSet('old', 3), { keepBackup: false });
      // A crash at the very last step (the folder's handle closing) changes nothing: all is done.
      await writeFilesAtomic(shapefileSet('new', 5), { keepBackup: false, fs: crashingFs(crashAt).fs }).catch(
        () => undefined,
      );
      if ((await setOnDisk()) === 'mixed') outcomes.mixedBeforeReplay++;
      outcomes.replayed += await finishInterruptedSets(folder);
      const after = gdalRead();
      const version = after.count === 3 ? 'old' : 'new';
      expect([3, 5], `step ${crashAt}`).toContain(after.count);
      expect([...after.versions], `step ${crashAt}`).toEqual([version]);
      expect(await setOnDisk(), `step ${crashAt}`).toBe(version);
      outcomes[version]++;
      // The next write clears every leftover and writes a whole set.
      await writeFilesAtomic(shapefileSet('next', 4), { keepBackup: false });
      expect(
        (await readdir(folder)).filter((e) => e.startsWith('.')),
        `step ${crashAt}`,
      ).toEqual([]);
      expect(gdalRead().count).toBe(4);
    }
    // Both outcomes happen, and the journal is what turned the half-renamed sets into new ones.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
    expect(outcomes.replayed).toBeGreaterThanOrEqual(5);
    expect(outcomes.mixedBeforeReplay).toBeGreaterThan(0);
  }, 120_000);

  it('hzw finishes an interrupted set before reading it', async () => {
    await writeFilesAtomic(shapefileSet('old', 3), { keepBackup: false });
    const total = crashingFs();
    await writeFilesAtomic(shapefileSet('new', 5), { keepBackup: false, fs: total.fs });
    await writeFilesAtomic(shapefileSet('old', 3), { keepBackup: false });
    // Crash after the journal and two renames: .shp and .shx are new, the .dbf is old.
    const probe = crashingFs();
    const renames: string[] = [];
    probe.fs.rename = async (from, to) => {
      renames.push(to);
      if (renames.length > 3) throw new Error('killed');
      await nodeFs.rename(from, to);
    };
    probe.fs.unlink = async () => {
      throw new Error('killed');
    };
    await writeFilesAtomic(shapefileSet('new', 5), { keepBackup: false, fs: probe.fs }).catch(
      () => undefined,
    );
    expect((await readdir(folder)).some((e) => e.endsWith('.hzw-set'))).toBe(true);
    const launcher = join(import.meta.dirname, '..', '..', 'scripts', 'hzw.mjs');
    const info = execFileSync(process.execPath, [launcher, 'info', join(folder, 'zones.shp'), '--json'], {
      encoding: 'utf8',
    });
    expect((JSON.parse(info) as { layers: { count: number }[] }[])[0]!.layers[0]!.count).toBe(5);
    expect(gdalRead()).toEqual({ count: 5, versions: new Set(['new']) });
    expect((await readdir(folder)).some((e) => e.endsWith('.hzw-set'))).toBe(false);
  }, 180_000);

  it('obeys no journal that names anything but its own temporary files', async () => {
    await writeFile(join(folder, 'keep.txt'), 'kept');
    await writeFile(join(folder, 'other.txt'), 'planted');
    const renames = [
      ['other.txt', 'keep.txt'],
      ['.x.0123456789ab.hzw-tmp', '../keep.txt'],
    ];
    await writeFile(join(folder, '.a.0123456789ab.hzw-set'), JSON.stringify({ renames }));
    await finishInterruptedSets(folder);
    expect(await readFile(join(folder, 'keep.txt'), 'utf8')).toBe('kept');
    expect(await readFile(join(folder, 'other.txt'), 'utf8')).toBe('planted');
  });
});

describe('writeFileAtomic keeps what the user set on the target', () => {
  it('a 0600 file stays 0600, a 0640 one 0640', async () => {
    for (const mode of [0o600, 0o640]) {
      const target = join(folder, `plan-${mode.toString(8)}.hzw`);
      await writeFile(target, 'old');
      await chmod(target, mode);
      await writeFileAtomic(target, new TextEncoder().encode('new'));
      expect((await stat(target)).mode & 0o777).toBe(mode);
      expect(await readFile(target, 'utf8')).toBe('new');
    }
  });

  it('writes through a symbolic link to the file it points to, and the link stays a link', async () => {
    const real = await mkdtemp(join(tmpdir(), 'hzw-link-'));
    try {
      const target = join(real, 'plan.hzw');
      await writeFile(target, 'old');
      await chmod(target, 0o600);
      const link = join(folder, 'plan.hzw');
      await symlink(target, link);
      await writeFileAtomic(link, new TextEncoder().encode('new'));
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      expect(await readFile(target, 'utf8')).toBe('new');
      expect((await stat(target)).mode & 0o777).toBe(0o600);
      expect(await readFile(`${target}.bak`, 'utf8')).toBe('old');
      expect((await readdir(folder)).sort()).toEqual(['plan.hzw']);
    } finally {
      await rm(real, { recursive: true, force: true });
    }
  });
});
