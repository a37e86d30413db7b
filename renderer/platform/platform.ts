import type { MenuCommand } from '../../shared/ipc/menuCommands';
import type {
  ExportStreamRequest,
  OpenedFile,
  PickOptions,
  PickedFile,
  RecentFile,
  SaveRequest,
  SavedFile,
  WindowState,
} from '../../shared/ipc/contract';
import type { BackgroundAccess, BackgroundBytes, PickedBackgroundFile } from './backgroundFiles';
import type { ExportSink } from './exportSink';

/**
 * What the workbench needs from its host. Two implementations: the Electron bridge (native
 * dialogs, atomic writes in the main process, native menus) and the browser (file pickers,
 * downloads, no native menu). The renderer never touches the file system itself: files cross
 * this boundary as bytes.
 */
export interface Platform {
  readonly kind: 'desktop' | 'web';

  /** Let the user pick files to import (several at once, e.g. a shapefile's .shp/.dbf/.prj). */
  pickFiles(options: PickOptions): Promise<PickedFile[]>;

  /** Let the user pick a project file to open. Null when cancelled. */
  openProject(): Promise<OpenedFile | null>;

  /**
   * Save a project file. With a handle from an earlier open/save it writes there (atomically, the
   * previous file kept as a backup); without one it asks where (Save As). Null when cancelled.
   */
  saveProject(request: SaveRequest): Promise<SavedFile | null>;

  /** Export bytes to a file the user chooses (desktop: save dialog; web: a download). */
  exportFile(request: SaveRequest): Promise<SavedFile | null>;

  /**
   * Export a file too large for one message, written piece by piece as it is made (an atlas PDF).
   * Desktop: a save dialog, then a temporary file renamed into place on commit; web: a download
   * on commit. Null when the user cancels the dialog.
   */
  exportStream(request: ExportStreamRequest): Promise<ExportSink | null>;

  /** Recently opened or saved project files, newest first (web mode: none). */
  recentProjects(): Promise<RecentFile[]>;
  openRecent(handle: string): Promise<OpenedFile | null>;

  /** Menu commands (desktop) arrive here; web mode has no native menu and never calls it. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;

  /** Files the OS asks us to open: a second launch with a file, or "open with". */
  onOpenFile(listener: (file: OpenedFile) => void): () => void;

  /** Keep window title, menu enablement and menu language in step with the app. */
  setWindowState(state: WindowState): void;

  /**
   * Let an online basemap load tiles from this https origin. The CSP is fixed when a page loads:
   * the desktop app adds the origin for pages loaded from now on ('reload'), or finds it already
   * allowed ('allowed'); web mode cannot change its server's policy ('unsupported').
   */
  allowTileOrigin(origin: string): Promise<'allowed' | 'reload' | 'unsupported'>;

  /**
   * Let the user pick background files (orthophotos, scanned sheets with world files, CAD
   * drawings, tile packages), several at once so sidecars come along. The files are not read
   * whole: the desktop grants range access through the app scheme, the browser keeps a file handle
   * (or a copy of a small file where handles are not available).
   */
  pickBackgroundFiles(): Promise<PickedBackgroundFile[]>;

  /**
   * The bytes of a background picked earlier, after a reload or restart. `ask` is true only inside
   * a user gesture ("allow again"), when the browser may show its permission prompt.
   */
  backgroundBytes(access: BackgroundAccess, options: { ask: boolean }): Promise<BackgroundBytes>;

  /** Drop the access to a removed background (the desktop forgets its grant). */
  forgetBackground(access: BackgroundAccess): Promise<void>;

  /**
   * Allow exactly these tile-service origins (https, or http on loopback) in the page's policy,
   * replacing the list before. Desktop: 'reload' when the list changed; web: 'unsupported' unless
   * the server was started with them (then 'allowed').
   */
  allowTileOrigins(origins: string[]): Promise<'allowed' | 'reload' | 'unsupported'>;

  /** Service keys (天地图 tk, a 一张图 token) in local app settings, never in a project. */
  serviceKey(keyId: string): Promise<string | null>;
  setServiceKey(keyId: string, key: string | null): Promise<void>;
}
