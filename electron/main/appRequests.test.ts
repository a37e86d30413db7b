import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { appRequestHandler } from './appRequests';
import type { Grant } from './grantedFiles';
import { nodeGrantedIo } from './grantedIo';

const ID = '6f1c2a7e-8c2b-4c1e-9a57-0e4f7c6d2b11';
const CSP = contentSecurityPolicy([]);
let root: string;
let outside: string;
let grants: Map<string, Grant>;

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'hzw-app-')));
  outside = await realpath(await mkdtemp(join(tmpdir(), 'hzw-picked-')));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>hzw</title>');
  await mkdir(join(root, '_granted'));
  await writeFile(join(root, '_granted', 'index.html'), 'a build file that must never be reached this way');
  await writeFile(join(outside, 'dom.tif'), 'II*\0 orthophoto bytes');
  grants = new Map([[ID, { id: ID, path: join(outside, 'dom.tif'), size: 22, mtimeMs: 0 }]]);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const serve = (url: string, init?: RequestInit) =>
  appRequestHandler(root, () => CSP, { get: (id) => grants.get(id) }, nodeGrantedIo)(new Request(url, init));

describe('the app scheme with granted files', () => {
  it('serves a granted file by id, by range, with the page’s CSP', async () => {
    const r = await serve(`app://workbench/_granted/${ID}`, { headers: { range: 'bytes=0-3' } });
    expect(r.status).toBe(206);
    expect(await r.text()).toBe('II*\0');
    expect(r.headers.get('content-security-policy')).toBe(CSP);
  });

  it('never turns a /_granted/ path into a file of the build or a path of the file system', async () => {
    for (const path of [
      '_granted/index.html',
      '_granted/..%2Findex.html',
      `_granted/${ID}/x`,
      `_granted/${ID.toUpperCase()}`,
      '_granted/00000000-0000-0000-0000-000000000000',
    ]) {
      const r = await serve(`app://workbench/${path}`);
      expect(r.status, path).toBe(404);
      expect(await r.text()).toBe('Not Found');
      expect(r.headers.get('content-security-policy')).toBe(CSP);
    }
  });

  it('another host is not a grant; the rest of the app is served as before', async () => {
    expect((await serve(`app://elsewhere/_granted/${ID}`)).status).toBe(403);
    const page = await serve('app://workbench/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>hzw</title>');
  });
});
