import type { EVENT_CHANNELS, INVOKE_CHANNELS } from './channels';
import type { EventPayload, InvokeRequest, InvokeResult } from './contract';

type Call<K extends keyof typeof INVOKE_CHANNELS> = (typeof INVOKE_CHANNELS)[K];
type Payload<K extends keyof typeof EVENT_CHANNELS> = EventPayload<(typeof EVENT_CHANNELS)[K]>;

/**
 * The one object the preload exposes to the page as `window.hzw`: named functions only, each
 * bound to one channel of the contract. Listeners receive plain payloads (never IPC event
 * objects) and subscribing returns the function that unsubscribes.
 */
export interface HzwBridge {
  /** Ask the user for files to import; returns their names, sizes and one-time read tokens. */
  pickFiles(options: InvokeRequest<Call<'pickFiles'>>): Promise<InvokeResult<Call<'pickFiles'>>>;
  /** One chunk of a picked file; reading its last byte releases the token. */
  readPicked(chunk: InvokeRequest<Call<'readPicked'>>): Promise<InvokeResult<Call<'readPicked'>>>;
  /** Give up a picked file before reading it to the end (an error, a cap exceeded). */
  releasePicked(token: InvokeRequest<Call<'releasePicked'>>): Promise<void>;
  openProject(): Promise<InvokeResult<Call<'openProject'>>>;
  saveProject(request: InvokeRequest<Call<'saveProject'>>): Promise<InvokeResult<Call<'saveProject'>>>;
  exportFile(request: InvokeRequest<Call<'exportFile'>>): Promise<InvokeResult<Call<'exportFile'>>>;
  listRecent(): Promise<InvokeResult<Call<'listRecent'>>>;
  openRecent(handle: InvokeRequest<Call<'openRecent'>>): Promise<InvokeResult<Call<'openRecent'>>>;
  setWindowState(state: InvokeRequest<Call<'setWindowState'>>): Promise<void>;
  listTileOrigins(): Promise<InvokeResult<Call<'listTileOrigins'>>>;
  /** Replace the online basemap origins; the CSP of pages loaded afterwards allows them. */
  setTileOrigins(
    origins: InvokeRequest<Call<'setTileOrigins'>>,
  ): Promise<InvokeResult<Call<'setTileOrigins'>>>;
  /** A service key from local settings (天地图 tk …); null when none is kept. */
  getServiceKey(keyId: InvokeRequest<Call<'getServiceKey'>>): Promise<InvokeResult<Call<'getServiceKey'>>>;
  /** Keep (or with null forget) a service key in local settings. */
  setServiceKey(request: InvokeRequest<Call<'setServiceKey'>>): Promise<void>;
  /** Ask where a large export goes and open it for writing in pieces (null when cancelled). */
  exportStreamBegin(
    request: InvokeRequest<Call<'exportStreamBegin'>>,
  ): Promise<InvokeResult<Call<'exportStreamBegin'>>>;
  /** Append one piece (at most 16 MiB) to an open export. */
  exportStreamWrite(request: InvokeRequest<Call<'exportStreamWrite'>>): Promise<void>;
  /** Commit (the file appears whole) or abort (nothing is left) an open export. */
  exportStreamEnd(
    request: InvokeRequest<Call<'exportStreamEnd'>>,
  ): Promise<InvokeResult<Call<'exportStreamEnd'>>>;
  /** Ask for background files; each is granted for range reads at app://workbench/_granted/<grant>. */
  pickBackgroundFiles(): Promise<InvokeResult<Call<'pickBackgroundFiles'>>>;
  /** Drop a background's grant (the background was removed). */
  forgetBackground(grant: InvokeRequest<Call<'forgetBackground'>>): Promise<void>;
  onMenuCommand(listener: (command: Payload<'menuCommand'>) => void): () => void;
  /** Subscribing also tells main the page is ready: files queued before then are delivered now. */
  onOpenFile(listener: (file: Payload<'openRequested'>) => void): () => void;
}

/** Names of the bridge's functions, for tests that check nothing else is exposed. */
export const BRIDGE_FUNCTIONS = [
  'pickFiles',
  'readPicked',
  'releasePicked',
  'openProject',
  'saveProject',
  'exportFile',
  'listRecent',
  'openRecent',
  'setWindowState',
  'listTileOrigins',
  'setTileOrigins',
  'getServiceKey',
  'setServiceKey',
  'exportStreamBegin',
  'exportStreamWrite',
  'exportStreamEnd',
  'pickBackgroundFiles',
  'forgetBackground',
  'onMenuCommand',
  'onOpenFile',
] as const satisfies readonly (keyof HzwBridge)[];

/** The global the preload exposes the bridge under. */
export const BRIDGE_GLOBAL = 'hzw';
