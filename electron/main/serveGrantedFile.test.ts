import { mkdtemp, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Grant } from './grantedFiles';
import { nodeGrantedIo } from './grantedIo';
import { MAX_RANGE_BYTES, serveGrantedFile } from './serveGrantedFile';

const CSP = "default-src 'self'";
const ID = '6f1c2a7e-8c2b-4c1e-9a57-0e4f7c6d2b11';
const URL_ = `app://workbench/_granted/${ID}`;
let folder: string;
let grant: Grant;
const content = new Uint8Array(1000).map((_, i) => i % 251);

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hzw-granted-'));
  const path = join(folder, 'dom.tif');
  await writeFile(path, content);
  grant = { id: ID, path, size: content.length, mtimeMs: 0 };
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const get = (range?: string, method = 'GET') =>
  serveGrantedFile(
    new Request(URL_, { method, headers: range === undefined ? {} : { range } }),
    grant,
    CSP,
    nodeGrantedIo,
  );
const body = async (r: Response) => new Uint8Array(await r.arrayBuffer());

describe('granted background files served by range', () => {
  it('one range gets 206 with exactly those bytes, Content-Range and the security headers', async () => {
    const r = await get('bytes=100-199');
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(r.headers.get('content-length')).toBe('100');
    expect(r.headers.get('accept-ranges')).toBe('bytes');
    expect(r.headers.get('content-type')).toBe('application/octet-stream');
    expect(r.headers.get('content-security-policy')).toBe(CSP);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await body(r)).toEqual(content.subarray(100, 200));
  });

  it('open-ended and suffix ranges, and an end past the file, are cut at the file end', async () => {
    const open = await get('bytes=990-');
    expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect(await body(open)).toEqual(content.subarray(990));
    const suffix = await get('bytes=-16');
    expect(suffix.headers.get('content-range')).toBe('bytes 984-999/1000');
    expect(await body(suffix)).toEqual(content.subarray(984));
    const past = await get('bytes=900-5000');
    expect(past.headers.get('content-range')).toBe('bytes 900-999/1000');
  });

  it('several ranges, a range past the end and a malformed one get 416 with the size', async () => {
    for (const range of ['bytes=0-1,5-6', 'bytes=1000-', 'bytes=-0', 'bytes=20-10', 'bytes=abc']) {
      const r = await get(range);
      expect(r.status, range).toBe(416);
      expect(r.headers.get('content-range')).toBe('bytes */1000');
      expect(r.headers.get('content-security-policy')).toBe(CSP);
    }
  });

  it('no Range (or another unit) streams the whole file with 200; HEAD has the headers only', async () => {
    const whole = await get();
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-length')).toBe('1000');
    expect(await body(whole)).toEqual(content);
    expect((await get('items=0-1')).status).toBe(200);
    const head = await get(undefined, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('1000');
    expect(await body(head)).toHaveLength(0);
    const headRange = await get('bytes=0-9', 'HEAD');
    expect([headRange.status, headRange.headers.get('content-length')]).toEqual([206, '10']);
  });

  it('a long range is shortened to 16 MiB, as RFC 9110 allows', async () => {
    await truncate(grant.path, MAX_RANGE_BYTES + 5000);
    const r = await get('bytes=100-');
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(
      `bytes 100-${100 + MAX_RANGE_BYTES - 1}/${MAX_RANGE_BYTES + 5000}`,
    );
    expect((await body(r)).length).toBe(MAX_RANGE_BYTES);
  });

  it('the ETag follows size and modification time, so a changed file is noticed', async () => {
    const before = (await get('bytes=0-0')).headers.get('etag');
    expect(before).toMatch(/^"1000-\d+"$/);
    await writeFile(grant.path, content.subarray(0, 999));
    expect((await get('bytes=0-0')).headers.get('etag')).not.toBe(before);
  });

  it('refuses writes, an unknown grant and a file that is gone', async () => {
    expect((await get(undefined, 'POST')).status).toBe(405);
    const unknown = await serveGrantedFile(new Request(URL_), undefined, CSP, nodeGrantedIo);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-security-policy')).toBe(CSP);
    await unlink(grant.path);
    expect((await get('bytes=0-9')).status).toBe(404);
  });
});
