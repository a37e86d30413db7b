import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The composition root against a fake Electron: starts the workbench, then plays the renderer
 * (protocol requests, IPC calls) and the OS (argv, a second launch) and checks what reaches
 * the window. What only a real Electron can show is in e2e/electron/desktop.spec.ts.
 */
const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const state = {
    userData: '',
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    protocolHandler: null as ((request: Request) => Promise<Response>) | null,
    menus: [] as { label?: string }[][],
    windows: [] as FakeWindow[],
  };
  class FakeContents extends Emitter {
    id = 41;
    sent: [string, unknown][] = [];
    mainFrame = { frameTreeNodeId: 1, parent: null, detached: false, url: 'app://workbench/index.html' };
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    isDestroyed = () => false;
    setWindowOpenHandler() {}
    getType = () => 'window';
    getLastWebPreferences: () => unknown = () => null;
  }
  class FakeWindow extends Emitter {
    webContents = new FakeContents();
    title = '';
    loaded = '';
    constructor(readonly options: { webPreferences: unknown }) {
      super();
      this.webContents.getLastWebPreferences = () => options.webPreferences;
      state.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    static fromWebContents = () => state.windows[0] ?? null;
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    setTitle(title: string) {
      this.title = title;
    }
    isMinimized = () => false;
    restore() {}
    show() {}
    focus() {}
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    name: 'Heritage Zone Workbench',
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' ? state.userData : tmpdir()),
    quit: () => undefined,
    exit: () => undefined,
  });
  return { state, app, FakeWindow };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  Menu: {
    buildFromTemplate: (template: { label?: string }[]) => template,
    setApplicationMenu: (menu: { label?: string }[]) => fake.state.menus.push(menu),
  },
  ipcMain: { handle: (channel: string, listener: never) => fake.state.handlers.set(channel, listener) },
  protocol: { handle: (_scheme: string, handler: never) => (fake.state.protocolHandler = handler) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
    },
  },
  dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })), showErrorBox: vi.fn() },
  shell: { openExternal: vi.fn() },
}));

const { runWorkbench } = await import('./workbenchMain');

let folder: string;
let project: string;
const argv = process.argv;

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  folder = await mkdtemp(join(tmpdir(), 'hzw-main-'));
  fake.state.userData = join(folder, 'profile');
  await writeFile(join(folder, 'index.html'), '<!doctype html>');
  project = join(folder, 'first.hzw');
  await writeFile(project, '{"project":"first"}');
  process.argv = ['/opt/hzw/hzw', project];
  runWorkbench({ paths: { renderer: folder, preload: '/app/out/preload/index.cjs' }, devUrl: null });
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
});
afterAll(async () => {
  process.argv = argv;
  await rm(folder, { recursive: true, force: true });
});

const window = () => fake.state.windows[0]!;
const call = (channel: string, payload?: unknown) =>
  fake.state.handlers.get(channel)!(
    { sender: window().webContents, senderFrame: window().webContents.mainFrame },
    payload,
  );
const sent = (channel: string) =>
  window()
    .webContents.sent.filter(([c]) => c === channel)
    .map(([, p]) => p);

describe('the workbench main process', () => {
  it('opens one sandboxed window on app://workbench', () => {
    expect(window().loaded).toBe('app://workbench/index.html');
    expect(window().options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
  });

  it('serves the renderer build with the CSP', async () => {
    const response = await fake.state.protocolHandler!(new Request('app://workbench/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('holds the file from the command line until the page listens, then sends it with a handle', async () => {
    expect(sent('file:openRequested')).toEqual([]);
    await call('file:acceptOpenRequests');
    await vi.waitFor(() => expect(sent('file:openRequested')).toHaveLength(1));
    const [file] = sent('file:openRequested') as { name: string; handle: string | null; bytes: Uint8Array }[];
    expect(file).toMatchObject({ name: 'first.hzw', handle: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(new TextDecoder().decode(file!.bytes)).toBe('{"project":"first"}');
    expect(await call('recent:list')).toEqual([{ handle: file!.handle, name: 'first.hzw', path: project }]);
  });

  it('passes a second launch’s file to the open window', async () => {
    const second = join(folder, 'second.hzw');
    await writeFile(second, '{}');
    fake.app.emit('second-instance', {}, ['/opt/hzw/hzw', '--flag', 'second.hzw'], folder, null);
    await vi.waitFor(() => expect(sent('file:openRequested')).toHaveLength(2));
    expect((sent('file:openRequested')[1] as { name: string }).name).toBe('second.hzw');
  });

  it('follows the window state: title, menu language and enablement', async () => {
    const state = {
      title: 'Plan — HZW',
      edited: false,
      canUndo: true,
      canRedo: false,
      hasSelection: false,
      lang: 'en',
    };
    await call('window:setState', state);
    expect(window().title).toBe('Plan — HZW');
    expect(fake.state.menus.at(-1)!.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    await expect(call('window:setState', { ...state, lang: 'fr' })).rejects.toThrow(
      /window:setState: invalid request/,
    );
  });

  it('stores tile origins and puts them into the CSP of later responses', async () => {
    expect(await call('tiles:setOrigins', ['https://tiles.example.org'])).toEqual([
      'https://tiles.example.org',
    ]);
    const response = await fake.state.protocolHandler!(new Request('app://workbench/index.html'));
    expect(response.headers.get('content-security-policy')).toContain(
      "img-src 'self' data: blob: https://tiles.example.org",
    );
    await expect(call('tiles:setOrigins', ['http://tiles.example.org'])).rejects.toThrow(/https origin/);
  });

  it('refuses calls from anything but the window’s top frame on our origin', async () => {
    const listener = fake.state.handlers.get('recent:list')!;
    const frame = { ...window().webContents.mainFrame, url: 'https://example.org/' };
    await expect(listener({ sender: window().webContents, senderFrame: frame })).rejects.toThrow(
      /not app:\/\/workbench/,
    );
    await expect(
      listener({ sender: new EventEmitter(), senderFrame: window().webContents.mainFrame }),
    ).rejects.toThrow(/not a workbench window/);
  });
});
