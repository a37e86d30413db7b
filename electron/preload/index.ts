import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, type HzwBridge } from '../../shared/ipc/bridge';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type EventChannel,
  type InvokeChannel,
} from '../../shared/ipc/channels';
import type { EventPayload, InvokeRequest, InvokeResult } from '../../shared/ipc/contract';
import { remoteErrorMessage } from '../../shared/ipc/remoteError';

/**
 * The only file that touches ipcRenderer. It exposes one object of named functions; the page
 * can neither pick a channel nor see an IPC event object. Main validates every payload, so
 * this file only forwards. Built as CommonJS: a sandboxed preload cannot be an ES module.
 */

async function invoke<C extends InvokeChannel>(
  channel: C,
  request?: InvokeRequest<C>,
): Promise<InvokeResult<C>> {
  try {
    return (await ipcRenderer.invoke(channel, request)) as InvokeResult<C>;
  } catch (error) {
    throw new Error(remoteErrorMessage(error), { cause: error });
  }
}

function subscribe<C extends EventChannel>(
  channel: C,
  listener: (payload: EventPayload<C>) => void,
): () => void {
  if (typeof listener !== 'function') throw new TypeError(`${channel}: the listener must be a function`);
  const forward = (_event: unknown, payload: EventPayload<C>) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const bridge: HzwBridge = {
  pickFiles: (options) => invoke(INVOKE_CHANNELS.pickFiles, options),
  readPicked: (chunk) => invoke(INVOKE_CHANNELS.readPicked, chunk),
  releasePicked: (token) => invoke(INVOKE_CHANNELS.releasePicked, token),
  openProject: () => invoke(INVOKE_CHANNELS.openProject),
  saveProject: (request) => invoke(INVOKE_CHANNELS.saveProject, request),
  exportFile: (request) => invoke(INVOKE_CHANNELS.exportFile, request),
  listRecent: () => invoke(INVOKE_CHANNELS.listRecent),
  openRecent: (handle) => invoke(INVOKE_CHANNELS.openRecent, handle),
  setWindowState: (state) => invoke(INVOKE_CHANNELS.setWindowState, state),
  listTileOrigins: () => invoke(INVOKE_CHANNELS.listTileOrigins),
  setTileOrigins: (origins) => invoke(INVOKE_CHANNELS.setTileOrigins, origins),
  getServiceKey: (keyId) => invoke(INVOKE_CHANNELS.getServiceKey, keyId),
  setServiceKey: (request) => invoke(INVOKE_CHANNELS.setServiceKey, request),
  exportStreamBegin: (request) => invoke(INVOKE_CHANNELS.exportStreamBegin, request),
  exportStreamWrite: (request) => invoke(INVOKE_CHANNELS.exportStreamWrite, request),
  exportStreamEnd: (request) => invoke(INVOKE_CHANNELS.exportStreamEnd, request),
  pickBackgroundFiles: () => invoke(INVOKE_CHANNELS.pickBackgroundFiles),
  forgetBackground: (grant) => invoke(INVOKE_CHANNELS.forgetBackground, grant),
  onMenuCommand: (listener) => subscribe(EVENT_CHANNELS.menuCommand, listener),
  onOpenFile: (listener) => {
    const unsubscribe = subscribe(EVENT_CHANNELS.openRequested, listener);
    // Main holds files asked for before the page could receive them (first launch, "open
    // with"); now that a listener exists it may deliver them.
    invoke(INVOKE_CHANNELS.acceptOpenRequests).catch((error: unknown) => console.error(error));
    return unsubscribe;
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
