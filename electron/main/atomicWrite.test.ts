import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStaleTemp, writeFileAtomic, type AtomicFs } from './atomicWrite';
import { FileSaveError } from './saveError';
import { steppedFs } from './steppedFs';

const OLD = 'old content '.repeat(1000);
const NEW = 'new content, longer than the old one '.repeat(1000);
const OLDER = 'the backup from the save before';
const bytes = (text: string) => new TextEncoder().encode(text);
const noWait = { sleep: async () => undefined };

let folder: string;
let target: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hzw-atomic-'));
  target = join(folder, 'plan.hzw');
});
afterEach(() => rm(folder, { recursive: true, force: true }));

function failure(code: string): Error {
  return Object.assign(new Error(`injected ${code}`), { code });
}

/**
 * The real file system, with every call counted. `failAt` makes that call throw; with `crash`
 * every call after it throws too, as if the process died there (no cleanup can run). A failing
 * writeFile first writes half its bytes, like a disk filling up mid-write.
 */
function faultyFs(failAt = -1, options: { code?: string; crash?: boolean } = {}) {
  let calls = 0;
  const code = options.code ?? 'EIO';
  const step = () => {
    const index = calls++;
    if (index === failAt || (options.crash && failAt >= 0 && index > failAt)) throw failure(code);
  };
  const fs = steppedFs(step, async (handle, data) => {
    const index = calls;
    try {
      step();
    } catch (error) {
      if (index === failAt) await handle.writeFile(data.subarray(0, data.length >> 1));
      throw error;
    }
    await handle.writeFile(data);
  });
  return { fs, calls: () => calls };
}

async function contentOf(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch(() => null);
}
async function leftovers(): Promise<string[]> {
  return (await readdir(folder)).filter((entry) => entry.includes('tmp'));
}

describe('writeFileAtomic', () => {
  it('replaces the file and keeps the previous version as .bak', async () => {
    await writeFile(target, OLD);
    await writeFileAtomic(target, bytes(NEW));
    expect(await contentOf(target)).toBe(NEW);
    expect(await contentOf(`${target}.bak`)).toBe(OLD);
    expect(await leftovers()).toEqual([]);
  });

  it('creates a file that did not exist, without a backup', async () => {
    await writeFileAtomic(target, bytes(NEW));
    expect(await contentOf(target)).toBe(NEW);
    expect(await contentOf(`${target}.bak`)).toBeNull();
  });

  it('keeps no backup when asked not to', async () => {
    await writeFile(target, OLD);
    await writeFileAtomic(target, bytes(NEW), { keepBackup: false });
    expect(await contentOf(`${target}.bak`)).toBeNull();
  });

  it('leaves the old or the new file whole when any step fails, and removes its temporary files', async () => {
    await writeFile(target, OLD);
    const total = faultyFs();
    await writeFileAtomic(target, bytes(NEW), { fs: total.fs });
    const steps = total.calls();
    expect(steps).toBeGreaterThanOrEqual(12);

    for (let failAt = 0; failAt < steps; failAt++) {
      await writeFile(target, OLD);
      await writeFile(`${target}.bak`, OLDER);
      const result = await writeFileAtomic(target, bytes(NEW), { fs: faultyFs(failAt).fs, ...noWait }).then(
        () => 'saved',
        (error: unknown) => error,
      );
      const content = await contentOf(target);
      expect([OLD, NEW], `step ${failAt}`).toContain(content);
      if (result !== 'saved') {
        expect(result, `step ${failAt}`).toBeInstanceOf(FileSaveError);
        if (content === OLD) expect((result as Error).message).toContain('the existing file was not changed');
      }
      expect([OLDER, OLD], `backup after step ${failAt}`).toContain(await contentOf(`${target}.bak`));
      expect(await leftovers(), `step ${failAt}`).toEqual([]);
    }
  });

  it('survives a crash at any step: the target stays whole and the next save clears the leftovers', async () => {
    await writeFile(target, OLD);
    const total = faultyFs();
    await writeFileAtomic(target, bytes(NEW), { fs: total.fs });
    const steps = total.calls();
    for (let failAt = 0; failAt < steps; failAt++) {
      await writeFile(target, OLD);
      await writeFileAtomic(target, bytes(NEW), {
        fs: faultyFs(failAt, { crash: true }).fs,
        ...noWait,
      }).catch(() => undefined);
      expect([OLD, NEW], `crash at step ${failAt}`).toContain(await contentOf(target));
      await writeFileAtomic(target, bytes(OLD));
      expect(await contentOf(target)).toBe(OLD);
      expect(await leftovers(), `after crash at step ${failAt}`).toEqual([]);
    }
  });

  it('reports a full disk plainly and leaves the target untouched', async () => {
    await writeFile(target, OLD);
    // Step 0 resolves the target, 1 and 2 list the folder (journals, stale temporary files),
    // 3 opens the temporary file, 4 writes it.
    const error = await writeFileAtomic(target, bytes(NEW), { fs: faultyFs(4, { code: 'ENOSPC' }).fs }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileSaveError);
    expect((error as FileSaveError).code).toBe('ENOSPC');
    expect((error as Error).message).toMatch(
      /磁盘空间不足.*Not enough disk space to save "plan\.hzw"; the existing file was not changed/,
    );
    expect(await contentOf(target)).toBe(OLD);
    expect(await leftovers()).toEqual([]);
  });

  it('retries a rename the system briefly refuses (antivirus), with growing pauses', async () => {
    await writeFile(target, OLD);
    const base = faultyFs();
    let refusals = 2;
    const fs: AtomicFs = {
      ...base.fs,
      rename: async (from, to) => {
        if (to === target && refusals-- > 0) throw failure('EBUSY');
        return nodeFs.rename(from, to);
      },
    };
    const pauses: number[] = [];
    await writeFileAtomic(target, bytes(NEW), { fs, sleep: async (ms) => void pauses.push(ms) });
    expect(pauses).toEqual([50, 100]);
    expect(await contentOf(target)).toBe(NEW);
  });

  it('gives up after the last retry with a clear error and no leftovers', async () => {
    await writeFile(target, OLD);
    const fs: AtomicFs = {
      ...faultyFs().fs,
      rename: async (from, to) => {
        if (to === target) throw failure('EPERM');
        return nodeFs.rename(from, to);
      },
    };
    const pauses: number[] = [];
    const error = await writeFileAtomic(target, bytes(NEW), {
      fs,
      sleep: async (ms) => void pauses.push(ms),
    }).catch((e: unknown) => e);
    expect(pauses).toEqual([50, 100, 200, 400, 800]);
    expect((error as Error).message).toContain('No permission to write "plan.hzw"');
    expect(await contentOf(target)).toBe(OLD);
    expect(await leftovers()).toEqual([]);
  });

  it('does not retry errors that will not go away', async () => {
    const fs: AtomicFs = { ...faultyFs().fs, rename: async () => Promise.reject(failure('EXDEV')) };
    const pauses: number[] = [];
    await expect(
      writeFileAtomic(target, bytes(NEW), { fs, sleep: async (ms) => void pauses.push(ms) }),
    ).rejects.toThrow(/EXDEV/);
    expect(pauses).toEqual([]);
  });

  it('accepts platforms that cannot flush a folder', async () => {
    const base = faultyFs().fs;
    const fs: AtomicFs = {
      ...base,
      open: async (path, flags) =>
        path === folder ? Promise.reject(failure('EISDIR')) : base.open(path, flags),
    };
    await writeFileAtomic(target, bytes(NEW), { fs });
    expect(await contentOf(target)).toBe(NEW);
  });

  it('runs concurrent writes to one file one after the other, the last one winning', async () => {
    await Promise.all([writeFileAtomic(target, bytes('first')), writeFileAtomic(target, bytes('second'))]);
    expect(await contentOf(target)).toBe('second');
    expect(await contentOf(`${target}.bak`)).toBe('first');
  });
});

describe('isStaleTemp', () => {
  it('matches only temporary files of the same target', () => {
    expect(isStaleTemp('.plan.hzw.0123456789ab.hzw-tmp', 'plan.hzw')).toBe(true);
    expect(isStaleTemp('.plan.hzw.0123456789ab.hzw-baktmp', 'plan.hzw')).toBe(true);
    expect(isStaleTemp('.plan.hzw.bak.0123456789ab.hzw-tmp', 'plan.hzw')).toBe(false);
    expect(isStaleTemp('.plan.0123456789ab.hzw-tmp', 'plan.hzw')).toBe(false);
    expect(isStaleTemp('plan.hzw', 'plan.hzw')).toBe(false);
    expect(isStaleTemp('.plan.hzw.0123456789ab.hzw-tmp.keep', 'plan.hzw')).toBe(false);
  });
});
