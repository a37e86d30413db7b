/** Background files as the host hands them over (see `Platform.pickBackgroundFiles`). */

/** Where a file background's bytes come from: a URL read by range (desktop grant, COG URL) or a Blob. */
export type BackgroundBytes =
  { url: string } | { blob: Blob } | { needsPermission: true } | { missing: true };

/**
 * How this installation reaches a picked file again: a desktop grant (the main process keeps the
 * path), a browser file handle (stored in IndexedDB), or a copy of a small file. Local only: never
 * written to a project file.
 */
export type BackgroundAccess = { grant: string } | { handle: FileSystemFileHandle } | { copy: Blob };

/** A file the user picked as a background, with its small sidecars (.prj, .tfw/.jgw/.pgw, .aux.xml) as text. */
export interface PickedBackgroundFile {
  name: string;
  size: number;
  mtimeMs?: number;
  access: BackgroundAccess;
  bytes: BackgroundBytes;
  sidecars: Record<string, string>;
}
