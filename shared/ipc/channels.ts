/**
 * IPC channel names, `area:verbNoun`. Kept free of zod so the preload (which bundles what it
 * imports into a sandboxed script) carries names only; the schemas live in contract.ts.
 */

/** Renderer → main calls (ipcRenderer.invoke / ipcMain.handle). */
export const INVOKE_CHANNELS = {
  pickFiles: 'file:pick',
  readPicked: 'file:readPicked',
  releasePicked: 'file:releasePicked',
  openProject: 'project:open',
  saveProject: 'project:save',
  exportFile: 'file:export',
  listRecent: 'recent:list',
  openRecent: 'recent:open',
  setWindowState: 'window:setState',
  acceptOpenRequests: 'file:acceptOpenRequests',
  listTileOrigins: 'tiles:listOrigins',
  setTileOrigins: 'tiles:setOrigins',
  getServiceKey: 'settings:getServiceKey',
  setServiceKey: 'settings:setServiceKey',
  exportStreamBegin: 'file:exportStreamBegin',
  exportStreamWrite: 'file:exportStreamWrite',
  exportStreamEnd: 'file:exportStreamEnd',
  pickBackgroundFiles: 'background:pickFiles',
  forgetBackground: 'background:forget',
} as const;

/** Main → renderer events (webContents.send / ipcRenderer.on). */
export const EVENT_CHANNELS = {
  menuCommand: 'menu:command',
  openRequested: 'file:openRequested',
} as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[keyof typeof INVOKE_CHANNELS];
export type EventChannel = (typeof EVENT_CHANNELS)[keyof typeof EVENT_CHANNELS];
