import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GrantedFiles } from './grantedFiles';

let folder: string;
let file: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hzw-grants-'));
  file = join(folder, 'grants.json');
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const ids = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
};

describe('background grants', () => {
  it('survive a restart; the same path keeps its id and gets the new size and time', async () => {
    const grants = await GrantedFiles.load(file, ids());
    const a = await grants.grant('/data/dom.tif', 100, 1);
    await grants.grant('/data/cad.dxf', 5, 2);
    const again = await grants.grant('/data/dom.tif', 200, 3);
    expect(again.id).toBe(a.id);
    const reloaded = await GrantedFiles.load(file);
    expect(reloaded.get(a.id)).toEqual({ id: a.id, path: '/data/dom.tif', size: 200, mtimeMs: 3 });
    expect(reloaded.count).toBe(2);
  });

  it('keeps at most the cap, dropping the least recently granted', async () => {
    const grants = await GrantedFiles.load(file, ids(), 3);
    const first = await grants.grant('/a', 1, 0);
    const second = await grants.grant('/b', 1, 0);
    await grants.grant('/c', 1, 0);
    await grants.grant('/a', 1, 0); // renewed: now the newest
    await grants.grant('/d', 1, 0);
    expect(grants.get(first.id)).toBeDefined();
    expect(grants.get(second.id)).toBeUndefined();
    expect((await GrantedFiles.load(file, ids(), 3)).count).toBe(3);
  });

  it('forgets a grant for good, and loses none when two picks grant at once', async () => {
    const grants = await GrantedFiles.load(file, ids());
    const [a, b] = await Promise.all([grants.grant('/a', 1, 0), grants.grant('/b', 1, 0)]);
    expect((await GrantedFiles.load(file)).count).toBe(2);
    await grants.forget(a.id);
    await grants.forget('00000000-0000-4000-8000-999999999999');
    const reloaded = await GrantedFiles.load(file);
    expect(reloaded.get(a.id)).toBeUndefined();
    expect(reloaded.get(b.id)?.path).toBe('/b');
  });

  it('a damaged or hand-edited file loads what is valid and nothing else', async () => {
    await writeFile(file, '{ not json');
    expect((await GrantedFiles.load(file)).count).toBe(0);
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        grants: [
          { id: '00000000-0000-4000-8000-000000000001', path: '/ok.tif', size: 1, mtimeMs: 0 },
          { id: '../../etc', path: '/bad-id.tif', size: 1, mtimeMs: 0 },
          { id: '00000000-0000-4000-8000-000000000002', path: '', size: 1, mtimeMs: 0 },
        ],
      }),
    );
    const grants = await GrantedFiles.load(file);
    expect(grants.count).toBe(1);
    expect(JSON.parse(await readFile(file, 'utf8')).grants).toHaveLength(3); // untouched until a change
  });
});
