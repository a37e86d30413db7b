import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './appOrigin';

export type AppFile = { ok: true; path: string } | { ok: false; status: 400 | 403 | 404 };
type Segments = { ok: true; segments: string[] } | { ok: false; status: 400 | 403 | 404 };

/**
 * The path segments an app:// URL names, or why it is refused. Only the path counts: query and
 * fragment are ignored, so `?../../x` cannot reach the file system. Encoded separators, raw
 * backslashes, NUL, drive letters, double encoding and dot segments are refused outright rather
 * than normalised.
 */
export function appUrlSegments(rawUrl: string): Segments {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (
    url.protocol !== `${APP_SCHEME}:` ||
    url.hostname !== APP_HOST ||
    url.port ||
    url.username ||
    url.password
  ) {
    return { ok: false, status: 403 };
  }
  const path = url.pathname;
  if (path === '' || path === '/') return { ok: true, segments: ['index.html'] };
  if (!path.startsWith('/') || path.includes('\\') || /%(2f|5c|00)/i.test(path))
    return { ok: false, status: 400 };
  const segments: string[] = [];
  for (const raw of path.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '') return { ok: false, status: 404 };
    // A '%' left after decoding means double encoding: no build file is named so, refuse it.
    if (segment === '.' || segment === '..' || /[\0:\\/%]/.test(segment)) return { ok: false, status: 400 };
    segments.push(segment);
  }
  return { ok: true, segments };
}

/** Whether `path` lies strictly inside `folder` (both already real paths). */
export function isInside(path: string, folder: string): boolean {
  const base = folder.endsWith(sep) ? folder : folder + sep;
  return path.startsWith(base);
}

/**
 * Resolve an app:// request to a regular file inside `rootReal` (the renderer build folder,
 * already passed through realpath). Symlinks are followed and must still land inside the root.
 */
export async function resolveAppRequest(rawUrl: string, rootReal: string): Promise<AppFile> {
  const parsed = appUrlSegments(rawUrl);
  if (!parsed.ok) return parsed;
  let real: string;
  try {
    real = await realpath(join(rootReal, ...parsed.segments));
  } catch {
    return { ok: false, status: 404 };
  }
  if (!isInside(real, rootReal)) return { ok: false, status: 403 };
  try {
    if (!(await stat(real)).isFile()) return { ok: false, status: 404 };
  } catch {
    return { ok: false, status: 404 };
  }
  return { ok: true, path: real };
}
