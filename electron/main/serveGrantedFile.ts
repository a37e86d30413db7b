import type { Grant } from './grantedFiles';
import { mimeType } from './mimeTypes';
import { securityHeaders } from './serveAppRequest';

/** What serving needs of the file system (node:fs in main, the same in tests). */
export interface GrantedIo {
  stat(path: string): Promise<{ size: number; mtimeMs: number; isFile: boolean }>;
  /** `length` bytes from `offset` (fewer only at the end of the file). */
  read(path: string, offset: number, length: number): Promise<Uint8Array>;
  /** The whole file as a stream. */
  stream(path: string): ReadableStream<Uint8Array>;
}

/** A 206 body is at most this long; a longer range is shortened (RFC 9110 §14.4 allows it). */
export const MAX_RANGE_BYTES = 16 * 1024 * 1024;

type Range = { start: number; end: number } | 'whole' | 'unsatisfiable';

/**
 * One request for a granted background file (app://workbench/_granted/<id>): GET and HEAD only,
 * the path from the grant, never from the URL. A single `Range: bytes=a-b | a- | -n` gets 206
 * with Content-Range; several ranges or one past the end get 416; no Range (or one in another
 * unit) gets the whole file as a stream. Every answer carries the app's security headers.
 */
export async function serveGrantedFile(
  request: Request,
  grant: Grant | undefined,
  csp: string,
  io: GrantedIo,
): Promise<Response> {
  const plain = (status: number, text: string, extra: Record<string, string> = {}) =>
    new Response(request.method === 'HEAD' ? null : text, {
      status,
      headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8', ...extra },
    });
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
  if (!grant) return plain(404, 'Not Found');
  let info;
  try {
    info = await io.stat(grant.path);
  } catch {
    // Moved, deleted or on a drive that is gone: the layer shows "missing".
    return plain(404, 'Not Found');
  }
  if (!info.isFile) return plain(404, 'Not Found');
  const { size } = info;
  const headers = {
    ...securityHeaders(csp),
    'Content-Type': mimeType(grant.path),
    'Accept-Ranges': 'bytes',
    ETag: `"${size}-${Math.floor(info.mtimeMs)}"`,
  };
  const range = parseRange(request.headers.get('range'), size);
  if (range === 'unsatisfiable')
    return plain(416, 'Range Not Satisfiable', { 'Content-Range': `bytes */${size}`, ETag: headers.ETag });
  if (range === 'whole') {
    const whole = { ...headers, 'Content-Length': String(size) };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers: whole });
    return new Response(io.stream(grant.path), { status: 200, headers: whole });
  }
  const end = Math.min(range.end, range.start + MAX_RANGE_BYTES - 1);
  const partial = {
    ...headers,
    'Content-Range': `bytes ${range.start}-${end}/${size}`,
    'Content-Length': String(end - range.start + 1),
  };
  if (request.method === 'HEAD') return new Response(null, { status: 206, headers: partial });
  let body: Uint8Array;
  try {
    body = await io.read(grant.path, range.start, end - range.start + 1);
  } catch {
    return plain(500, 'Internal Server Error');
  }
  // The file shrank since stat: say so rather than send a short body under a longer header.
  if (body.length !== end - range.start + 1) return plain(500, 'Internal Server Error');
  return new Response(body as Uint8Array<ArrayBuffer>, { status: 206, headers: partial });
}

/** RFC 9110 §14.1.2 byte ranges, one range only. */
export function parseRange(header: string | null, size: number): Range {
  if (header === null) return 'whole';
  const m = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!m) return 'whole'; // another unit: ignored, as the RFC says
  const spec = m[1]!.trim();
  if (spec.includes(',')) return 'unsatisfiable';
  const parts = /^(\d*)-(\d*)$/.exec(spec);
  if (!parts || (parts[1] === '' && parts[2] === '')) return 'unsatisfiable';
  if (parts[1] === '') {
    const suffix = Number(parts[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(parts[1]);
  const end = parts[2] === '' ? size - 1 : Math.min(Number(parts[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
