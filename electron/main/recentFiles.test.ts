import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRecent, parseRecent, RecentFiles, removeRecent, samePath } from './recentFiles';

describe('recent list rules', () => {
  it('puts the newest first, without duplicates, at most ten', () => {
    let list: string[] = [];
    for (let i = 0; i < 12; i++) list = addRecent(list, `/p/${i}.hzw`);
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('/p/11.hzw');
    list = addRecent(list, '/p/5.hzw');
    expect(list[0]).toBe('/p/5.hzw');
    expect(list.filter((p) => p === '/p/5.hzw')).toHaveLength(1);
    expect(list).toHaveLength(10);
  });

  it('treats paths differing only in case as one file on Windows and macOS, not on Linux', () => {
    expect(samePath('C:\\A\\b.hzw', 'c:\\a\\B.hzw', 'win32')).toBe(true);
    expect(samePath('/A/b.hzw', '/a/b.hzw', 'linux')).toBe(false);
    expect(addRecent(['C:\\A\\b.hzw'], 'c:\\a\\B.hzw', 10, 'win32')).toEqual(['c:\\a\\B.hzw']);
    expect(removeRecent(['/x/a.hzw', '/x/b.hzw'], '/x/a.hzw', 'linux')).toEqual(['/x/b.hzw']);
  });

  it('reads only absolute string paths from a stored list and ignores anything else', () => {
    expect(
      parseRecent({ version: 1, files: ['/a.hzw', 'relative.hzw', 42, '/a.hzw', '/b\0.hzw', '/c.hzw'] }),
    ).toEqual(['/a.hzw', '/c.hzw']);
    expect(parseRecent({ version: 2, files: ['/a.hzw'] })).toEqual([]);
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent({ version: 1, files: 'nope' })).toEqual([]);
  });
});

describe('RecentFiles', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'hzw-recent-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('persists changes and reads them back', async () => {
    const file = join(folder, 'recent.json');
    const recent = await RecentFiles.load(file);
    await recent.add('/p/a.hzw');
    await recent.add('/p/b.hzw');
    await recent.remove('/p/a.hzw');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, files: ['/p/b.hzw'] });
    expect((await RecentFiles.load(file)).list()).toEqual(['/p/b.hzw']);
    await recent.clear();
    expect((await RecentFiles.load(file)).list()).toEqual([]);
  });

  it('starts empty from a damaged file', async () => {
    const file = join(folder, 'recent.json');
    await writeFile(file, '{"version":1,"files":[');
    expect((await RecentFiles.load(file)).list()).toEqual([]);
  });
});
