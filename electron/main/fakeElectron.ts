import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';

/**
 * A stand-in for the `electron` module in unit tests (`vi.mock('electron', () =>
 * import('./fakeElectron'))`). It records everything main installs — scheme privileges,
 * protocol and IPC handlers, permission handlers, listeners on the app and on every
 * webContents — so tests can check that each security measure is wired, and exercise it.
 * Never imported by the app itself.
 */

type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type PermissionCheck = (contents: unknown, permission: string, requestingOrigin: string) => boolean;
type IpcListener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type OpenHandler = (details: { url: string }) => { action: string };

export const recorded = {
  userData: '',
  packaged: true,
  switches: {} as Record<string, string>,
  singleInstance: true,
  sandboxForced: false,
  lockRequests: 0,
  quits: 0,
  schemes: [] as { scheme: string; privileges?: Record<string, boolean> }[][],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, IpcListener>(),
  permissionRequest: null as PermissionRequest | null,
  permissionCheck: null as PermissionCheck | null,
  menus: [] as unknown[],
  windows: [] as FakeWindow[],
  dialogAnswers: { open: [] as string[], save: '', messageBox: 0 },
  messageBoxes: [] as unknown[],
  saveDialogs: [] as unknown[],
  openedExternally: [] as string[],
};

let nextId = 40;

export class FakeContents extends EventEmitter {
  id = ++nextId;
  sent: [string, unknown][] = [];
  closed = false;
  openHandler: OpenHandler | null = null;
  mainFrame = { frameTreeNodeId: 1, parent: null, detached: false, url: 'app://workbench/index.html' };
  constructor(
    private readonly prefs: unknown,
    private readonly type = 'window',
  ) {
    super();
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  isDestroyed = () => false;
  close() {
    this.closed = true;
  }
  setWindowOpenHandler(handler: OpenHandler) {
    this.openHandler = handler;
  }
  getType = () => this.type;
  getLastWebPreferences = () => this.prefs;
  /** Emit a navigation-like event; true when a listener prevented it. */
  attempt(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

/** Any webContents appearing, as Electron announces it (windows, DevTools, webviews …). */
export function createContents(prefs: unknown, type = 'window'): FakeContents {
  const contents = new FakeContents(prefs, type);
  app.emit('web-contents-created', {}, contents);
  return contents;
}

export class FakeWindow extends EventEmitter {
  webContents: FakeContents;
  title = '';
  loaded = '';
  constructor(readonly options: { webPreferences: unknown }) {
    super();
    this.webContents = new FakeContents(options.webPreferences);
    recorded.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static fromWebContents = () => recorded.windows[0] ?? null;
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  setTitle(title: string) {
    this.title = title;
  }
  setDocumentEdited() {}
  isMinimized = () => false;
  restore() {}
  show() {}
  focus() {}
}

export const app = Object.assign(new EventEmitter(), {
  get isPackaged() {
    return recorded.packaged;
  },
  name: 'Heritage Zone Workbench',
  commandLine: { getSwitchValue: (name: string) => recorded.switches[name] ?? '' },
  setPath(name: string, path: string) {
    if (name === 'userData') recorded.userData = path;
  },
  getPath: (name: string) => (name === 'userData' ? recorded.userData : tmpdir()),
  enableSandbox() {
    recorded.sandboxForced = true;
  },
  requestSingleInstanceLock() {
    recorded.lockRequests++;
    return recorded.singleInstance;
  },
  whenReady: () => Promise.resolve(),
  quit() {
    recorded.quits++;
  },
  exit: () => undefined,
});

export const BrowserWindow = FakeWindow;

export const Menu = {
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu: (menu: unknown) => recorded.menus.push(menu),
};

export const ipcMain = {
  handle: (channel: string, listener: IpcListener) => recorded.ipcHandlers.set(channel, listener),
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: (typeof recorded.schemes)[number]) => recorded.schemes.push(schemes),
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
    recorded.protocolHandlers.set(scheme, handler),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: PermissionRequest) => (recorded.permissionRequest = handler),
    setPermissionCheckHandler: (handler: PermissionCheck) => (recorded.permissionCheck = handler),
  },
};

export const dialog = {
  showMessageBox: async (...args: unknown[]) => {
    recorded.messageBoxes.push(args.at(-1));
    return { response: recorded.dialogAnswers.messageBox };
  },
  showErrorBox: () => undefined,
  showOpenDialog: async () => ({ canceled: false, filePaths: recorded.dialogAnswers.open }),
  showSaveDialog: async (...args: unknown[]) => {
    recorded.saveDialogs.push(args.at(-1));
    return { canceled: false, filePath: recorded.dialogAnswers.save };
  },
};

export const shell = {
  openExternal: async (url: string) => {
    recorded.openedExternally.push(url);
  },
};
