import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileReadError, readFileCapped } from './readFileCapped';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hzw-read-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('readFileCapped', () => {
  it('reads a file up to the cap', async () => {
    await writeFile(join(folder, 'a.hzw'), 'x'.repeat(64));
    expect((await readFileCapped(join(folder, 'a.hzw'), 64)).byteLength).toBe(64);
  });

  it('refuses a larger file before reading it, naming the limit', async () => {
    await writeFile(join(folder, 'big.geojson'), 'x'.repeat(2 * 1024 * 1024 + 1));
    const error = await readFileCapped(join(folder, 'big.geojson'), 2 * 1024 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileReadError);
    expect((error as FileReadError).code).toBe('EFBIG');
    expect((error as Error).message).toContain('"big.geojson" is larger than 2 MB');
  });

  it('says plainly when the file is missing or is a folder', async () => {
    await expect(readFileCapped(join(folder, 'gone.hzw'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readFileCapped(folder)).rejects.toThrow(/is not a file/);
  });
});
