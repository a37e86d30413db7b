import { basename, extname } from 'node:path';
import { safeFileName as safeName } from '../../shared/formats/safeFileName';
import type { FileFilter } from '../../shared/ipc/contract';

/**
 * A suggested file name from the renderer, reduced to its last component and then to a plain
 * name by the one rule for names from data (shared/formats/safeFileName.ts). The renderer
 * suggests; only the dialog (the user) decides the folder.
 */
export function safeFileName(suggested: string, fallback = 'untitled'): string {
  return safeName(basename(suggested.replace(/\\/g, '/')), fallback);
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
