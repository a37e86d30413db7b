/**
 * How this installation reaches a background's file again: a desktop grant id (the main process
 * keeps the path), a browser `FileSystemFileHandle`, or a copy of a small file. The same shapes as
 * the platform's `BackgroundAccess` (storage cannot import the platform). Kept in its own table,
 * keyed by the background's id, so the background record itself stays a pure description that a
 * project file may carry; this record never leaves the installation.
 */
export type BackgroundAccessValue = { grant: string } | { handle: FileSystemFileHandle } | { copy: Blob };

export interface BackgroundAccessRecord {
  /** The background's id. */
  id: string;
  access: BackgroundAccessValue;
}

/** Whether a value is one of the three forms (the write door refuses anything else). */
export function isBackgroundAccess(value: unknown): value is BackgroundAccessValue {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  const v = value as Record<string, unknown>;
  if ('grant' in v) return typeof v.grant === 'string' && v.grant.length > 0;
  if ('handle' in v) return typeof v.handle === 'object' && v.handle !== null;
  if ('copy' in v) return typeof Blob !== 'undefined' && v.copy instanceof Blob;
  return false;
}
