import { basename, extname } from 'node:path';
import type { FileFilter } from '../../shared/ipc/contract';

/**
 * A suggested file name from the renderer, reduced to a plain name: no folders, no characters
 * Windows refuses, no leading dots or trailing spaces. The renderer suggests; only the dialog
 * (the user) decides the folder.
 */
export function safeFileName(suggested: string, fallback = 'untitled'): string {
  const name = basename(suggested.replace(/\\/g, '/'))
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\p{Cc}/gu, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 200);
  return name || fallback;
}

/**
 * Linux save dialogs do not add the chosen filter's extension: add the first one when the
 * typed name has none of the filter's extensions.
 */
export function withDefaultExtension(path: string, filters: readonly FileFilter[]): string {
  const extensions = filters.flatMap((f) => f.extensions).filter((e) => e !== '*');
  const first = extensions[0];
  if (!first) return path;
  const current = extname(path).slice(1).toLowerCase();
  return extensions.some((e) => e.toLowerCase() === current) ? path : `${path}.${first}`;
}
