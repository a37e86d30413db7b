import { appendFile, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PickedFiles } from './pickedFiles';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hzw-picked-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const CAPS = { perFile: 1000, total: 1500, chunk: 64 };
const file = async (name: string, size: number) => {
  const path = join(folder, name);
  await writeFile(
    path,
    new Uint8Array(size).map((_, i) => i % 256),
  );
  return path;
};

describe('PickedFiles', () => {
  it('reads a granted file in chunks no larger than the cap, then forgets the token', async () => {
    const picked = new PickedFiles(CAPS);
    const [ref] = await picked.grant([await file('a.shp', 150)]);
    expect(ref).toMatchObject({ name: 'a.shp', size: 150 });
    const sizes: number[] = [];
    const all: number[] = [];
    for (let offset = 0; offset < 150;) {
      const chunk = await picked.read({ token: ref!.token, offset, length: 1000 });
      sizes.push(chunk.byteLength);
      all.push(...chunk);
      offset += chunk.byteLength;
    }
    expect(sizes).toEqual([64, 64, 22]);
    expect(all).toEqual(Array.from({ length: 150 }, (_, i) => i % 256));
    expect(picked.outstanding).toBe(0);
    await expect(picked.read({ token: ref!.token, offset: 0, length: 1 })).rejects.toThrow(/pick it again/);
  });

  it('refuses a file over the per-file cap and a pick over the total, before reading anything', async () => {
    const picked = new PickedFiles(CAPS);
    await expect(picked.grant([await file('huge.shp', 1001)])).rejects.toMatchObject({ code: 'EFBIG' });
    await expect(picked.grant([await file('huge.shp', 1001)])).rejects.toThrow(
      /"huge.shp" is .* MB, more than/,
    );
    const parts = [await file('b.shp', 800), await file('b.dbf', 800)];
    await expect(picked.grant(parts)).rejects.toThrow(/total .* more than/);
    expect(picked.outstanding).toBe(0);
  });

  it('refuses folders and missing files by name', async () => {
    const picked = new PickedFiles(CAPS);
    await expect(picked.grant([folder])).rejects.toThrow(/is not a file/);
    await expect(picked.grant([join(folder, 'gone.kml')])).rejects.toThrow(/"gone.kml" was not found/);
  });

  it('refuses a file that changed size while it was being read', async () => {
    const picked = new PickedFiles(CAPS);
    const path = await file('c.dbf', 100);
    const [ref] = await picked.grant([path]);
    await picked.read({ token: ref!.token, offset: 0, length: 64 });
    await appendFile(path, 'more');
    await expect(picked.read({ token: ref!.token, offset: 64, length: 64 })).rejects.toThrow(/changed while/);
    const [again] = await picked.grant([path]);
    await truncate(path, 10);
    await expect(picked.read({ token: again!.token, offset: 0, length: 64 })).rejects.toThrow(
      /changed while/,
    );
  });

  it('drops the previous pick’s tokens and released ones', async () => {
    const picked = new PickedFiles(CAPS);
    const [first] = await picked.grant([await file('d.kml', 10)]);
    const [second, third] = await picked.grant([await file('e.kml', 10), await file('f.kml', 10)]);
    await expect(picked.read({ token: first!.token, offset: 0, length: 10 })).rejects.toThrow(
      /pick it again/,
    );
    picked.release(third!.token);
    expect(picked.outstanding).toBe(1);
    expect((await picked.read({ token: second!.token, offset: 0, length: 10 })).byteLength).toBe(10);
  });
});
