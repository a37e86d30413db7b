import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrlSegments, resolveAppRequest } from './resolveAppRequest';

let base: string;
let root: string;
beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'hzw-protocol-')));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'assets', 'main.js'), 'export {}');
  await writeFile(join(root, 'assets', 'a b.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'outside the app folder');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'escape.js'));
  await symlink(join(root, 'index.html'), join(root, 'assets', 'inside.html'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('appUrlSegments', () => {
  it('maps the root to index.html and keeps plain paths', () => {
    expect(appUrlSegments('app://workbench/')).toEqual({ ok: true, segments: ['index.html'] });
    expect(appUrlSegments('app://workbench')).toEqual({ ok: true, segments: ['index.html'] });
    expect(appUrlSegments('app://workbench/assets/a%20b.css')).toEqual({
      ok: true,
      segments: ['assets', 'a b.css'],
    });
  });

  it('ignores the query and the fragment entirely', () => {
    expect(appUrlSegments('app://workbench/index.html?../../secret.txt#x')).toEqual({
      ok: true,
      segments: ['index.html'],
    });
  });

  it('refuses other hosts, schemes, ports and credentials', () => {
    for (const url of [
      'app://other/index.html',
      'app://workbench.evil/index.html',
      'app://workbench:8080/index.html',
      'app://user@workbench/index.html',
      'file:///etc/passwd',
      'https://workbench/index.html',
    ]) {
      expect(appUrlSegments(url).ok, url).toBe(false);
    }
  });

  it('refuses encoded separators, backslashes, NUL, drive letters and encoded dot segments', () => {
    for (const url of [
      'app://workbench/assets%2f..%2f..%2fsecret.txt',
      'app://workbench/assets%5C..%5Csecret.txt',
      'app://workbench/..\\secret.txt',
      'app://workbench/index.html%00.js',
      'app://workbench/C:%5Cwindows',
      'app://workbench/C:/windows',
      'app://workbench/%252e%252e/secret.txt',
      'app://workbench/%E0%A4%A',
    ]) {
      expect(appUrlSegments(url).ok, url).toBe(false);
    }
  });

  it('never yields a dot segment, whatever the URL parser normalised', () => {
    for (const url of ['app://workbench/../secret.txt', 'app://workbench/assets/%2e%2e/%2e%2e/secret.txt']) {
      const result = appUrlSegments(url);
      if (result.ok) expect(result.segments, url).not.toContain('..');
    }
  });
});

describe('resolveAppRequest', () => {
  it('resolves files inside the build folder', async () => {
    expect(await resolveAppRequest('app://workbench/', root)).toEqual({
      ok: true,
      path: join(root, 'index.html'),
    });
    expect(await resolveAppRequest('app://workbench/assets/main.js', root)).toEqual({
      ok: true,
      path: join(root, 'assets', 'main.js'),
    });
  });

  it('answers 404 for unknown paths and folders', async () => {
    expect(await resolveAppRequest('app://workbench/missing.js', root)).toEqual({ ok: false, status: 404 });
    expect(await resolveAppRequest('app://workbench/assets', root)).toEqual({ ok: false, status: 404 });
    expect(await resolveAppRequest('app://workbench/assets/', root)).toEqual({ ok: false, status: 404 });
  });

  it('never serves a file outside the folder: traversal lands inside, symlinks out are refused', async () => {
    expect(await resolveAppRequest('app://workbench/../secret.txt', root)).toEqual({
      ok: false,
      status: 404,
    });
    expect(await resolveAppRequest('app://workbench/assets/%2e%2e/%2e%2e/secret.txt', root)).toEqual({
      ok: false,
      status: 404,
    });
    expect(await resolveAppRequest('app://workbench/assets/escape.js', root)).toEqual({
      ok: false,
      status: 403,
    });
  });

  it('follows a symlink that stays inside the folder', async () => {
    expect(await resolveAppRequest('app://workbench/assets/inside.html', root)).toEqual({
      ok: true,
      path: join(root, 'index.html'),
    });
  });
});
