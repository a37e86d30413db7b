import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { mimeType } from './mimeTypes';
import { serveAppRequest } from './serveAppRequest';

let root: string;
const CSP = contentSecurityPolicy(['https://tiles.example.org']);
beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'hzw-serve-')));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>hzw</title>');
  await writeFile(join(root, 'assets', 'worker.js'), 'self.onmessage = () => {}');
});
afterAll(() => rm(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), root, CSP);

describe('serveAppRequest', () => {
  it('serves files with their type, the CSP and nosniff', async () => {
    const page = await get('app://workbench/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>hzw</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('content-security-policy')).toContain('https://tiles.example.org');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const worker = await get('app://workbench/assets/worker.js');
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('puts the security headers on refusals too', async () => {
    for (const [url, status] of [
      ['app://workbench/missing.js', 404],
      ['app://elsewhere/index.html', 403],
      ['app://workbench/a%2fb', 400],
    ] as const) {
      const response = await get(url);
      expect(response.status, url).toBe(status);
      expect(response.headers.get('content-security-policy'), url).toBe(CSP);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  it('is read-only', async () => {
    expect((await get('app://workbench/index.html', 'POST')).status).toBe(405);
    const head = await get('app://workbench/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('mimeType', () => {
  it('names what the build and basemap contain', () => {
    expect(mimeType('a/b.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('x.wasm')).toBe('application/wasm');
    expect(mimeType('x.JSON')).toBe('application/json; charset=utf-8');
    expect(mimeType('x.css')).toBe('text/css; charset=utf-8');
    expect(mimeType('x.svg')).toBe('image/svg+xml');
    expect(mimeType('x.png')).toBe('image/png');
    expect(mimeType('x.woff2')).toBe('font/woff2');
    expect(mimeType('x.ttf')).toBe('font/ttf');
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
    expect(mimeType('Makefile')).toBe('application/octet-stream');
  });
});
