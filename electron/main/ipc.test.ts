import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const registered = new Map<string, Listener>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, listener: Listener) => registered.set(channel, listener) },
}));

const { registerIpcHandlers } = await import('./ipcHandlers');
const { INVOKE_CHANNELS } = await import('../../shared/ipc/channels');

const window = { id: 1 };
const mainFrame = { frameTreeNodeId: 7, parent: null, detached: false, url: 'app://workbench/index.html' };
function event(frame: object | null = mainFrame, sender: object = { ...window, mainFrame }) {
  return { senderFrame: frame, sender };
}

const services = {
  files: {
    openProject: vi.fn(async () => null),
    saveProject: vi.fn(async () => ({ handle: null, name: 'a.hzw' })),
    listRecent: vi.fn(() => [{ handle: 'not-a-uuid', name: 'a.hzw', path: '/a.hzw' }]),
  },
  settings: {
    tileOrigins: () => ['https://t.example.org'],
    setTileOrigins: vi.fn(async (o: readonly string[]) => o),
    serviceKey: () => null,
    setServiceKey: vi.fn(async () => undefined),
  },
  windowStateChanged: vi.fn(),
  acceptOpenRequests: vi.fn(),
};

beforeEach(() => {
  registered.clear();
  vi.clearAllMocks();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  registerIpcHandlers(
    { origin: 'app://workbench', isAppWindow: (contents) => (contents as { id: number }).id === window.id },
    services as never,
  );
});
const call = (channel: string, e: unknown, ...args: unknown[]) => registered.get(channel)!(e, ...args);

describe('IPC handlers', () => {
  it('registers every channel of the contract', () => {
    expect([...registered.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it('runs the handler for a valid call from our top frame', async () => {
    await expect(call('tiles:listOrigins', event())).resolves.toEqual(['https://t.example.org']);
    await call('file:acceptOpenRequests', event());
    expect(services.acceptOpenRequests).toHaveBeenCalledTimes(1);
  });

  it('rejects calls from subframes, other origins and other webContents without running the handler', async () => {
    const subframe = { ...mainFrame, frameTreeNodeId: 8, parent: mainFrame };
    const foreign = { ...mainFrame, url: 'https://example.org/' };
    await expect(call('project:open', event(subframe))).rejects.toThrow(
      'project:open: only the top frame may call main',
    );
    await expect(call('project:open', event(foreign))).rejects.toThrow(/origin https:\/\/example\.org/);
    await expect(call('project:open', event(null))).rejects.toThrow(/gone/);
    await expect(call('project:open', event(mainFrame, { id: 2, mainFrame }))).rejects.toThrow(
      /not a workbench window/,
    );
    expect(services.files.openProject).not.toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledTimes(4);
  });

  it('rejects invalid payloads with a message naming the channel and the field', async () => {
    await expect(
      call('project:save', event(), {
        handle: '../../x',
        suggestedName: 'a.hzw',
        bytes: new Uint8Array(),
        filters: [],
      }),
    ).rejects.toThrow(/^project:save: invalid request — handle:/);
    expect(services.files.saveProject).not.toHaveBeenCalled();
  });

  it('refuses to return anything the contract does not describe', async () => {
    await expect(call('recent:list', event())).rejects.toThrow(
      /recent:list: main produced an invalid response/,
    );
  });
});
