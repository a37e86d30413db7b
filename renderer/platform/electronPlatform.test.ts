import { describe, expect, it, vi, type Mock } from 'vitest';
import type { HzwBridge } from '../../shared/ipc/bridge';
import { createElectronPlatform } from './electronPlatform';

type FakeBridge = { [K in keyof HzwBridge]: Mock<HzwBridge[K]> };

function fakeBridge(): FakeBridge {
  return {
    pickFiles: vi.fn(async () => []),
    readPicked: vi.fn(async () => new Uint8Array()),
    releasePicked: vi.fn(async () => undefined),
    openProject: vi.fn(async () => null),
    saveProject: vi.fn(async () => ({ handle: null, name: 'a.hzw' })),
    exportFile: vi.fn(async () => null),
    listRecent: vi.fn(async () => []),
    openRecent: vi.fn(async () => null),
    setWindowState: vi.fn(async () => undefined),
    listTileOrigins: vi.fn(async () => []),
    setTileOrigins: vi.fn(async () => []),
    getServiceKey: vi.fn(async () => null),
    setServiceKey: vi.fn(async () => undefined),
    exportStreamBegin: vi.fn(async () => null),
    exportStreamWrite: vi.fn(async () => undefined),
    exportStreamEnd: vi.fn(async () => null),
    pickBackgroundFiles: vi.fn(async () => []),
    forgetBackground: vi.fn(async () => undefined),
    onMenuCommand: vi.fn(() => () => undefined),
    onOpenFile: vi.fn(() => () => undefined),
  };
}

const STATE = {
  title: 't',
  edited: false,
  canUndo: true,
  canRedo: false,
  hasSelection: true,
  lang: 'en' as const,
};

describe('createElectronPlatform', () => {
  it('is the desktop platform and forwards calls to the bridge', async () => {
    const bridge = fakeBridge();
    const platform = createElectronPlatform(bridge);
    expect(platform.kind).toBe('desktop');
    await platform.openRecent('h');
    expect(bridge.openRecent).toHaveBeenCalledWith('h');
    await platform.recentProjects();
    expect(bridge.listRecent).toHaveBeenCalled();
    const listener = vi.fn();
    platform.onOpenFile(listener);
    expect(bridge.onOpenFile).toHaveBeenCalledWith(listener);
  });

  it('sends only the fields of the contract', async () => {
    const bridge = fakeBridge();
    const platform = createElectronPlatform(bridge);
    const bytes = new Uint8Array([1]);
    const filters = [{ name: 'P', extensions: ['hzw'], extra: true }];
    await platform.saveProject({ handle: null, suggestedName: 'a.hzw', bytes, filters, note: 'x' } as never);
    expect(bridge.saveProject).toHaveBeenCalledWith({
      handle: null,
      suggestedName: 'a.hzw',
      bytes,
      filters: [{ name: 'P', extensions: ['hzw'] }],
    });
    platform.setWindowState({ ...STATE, zoom: 3 } as never);
    expect(bridge.setWindowState).toHaveBeenCalledWith({ ...STATE, readOnly: false });
    platform.setWindowState({ ...STATE, readOnly: true });
    expect(bridge.setWindowState).toHaveBeenLastCalledWith({ ...STATE, readOnly: true });
  });

  it('replaces the tile origins only when they changed; a reload is needed while this page lacks one', async () => {
    const bridge = fakeBridge();
    let stored = ['https://a.example.org', 'http://127.0.0.1:5216'];
    bridge.listTileOrigins.mockImplementation(async () => stored);
    bridge.setTileOrigins.mockImplementation(async (list: string[]) => (stored = list));
    const platform = createElectronPlatform(bridge);
    await expect(platform.allowTileOrigins(['http://127.0.0.1:5216', 'https://a.example.org'])).resolves.toBe(
      'allowed',
    );
    expect(bridge.setTileOrigins).not.toHaveBeenCalled();
    // Fewer origins: the list is replaced, and this page may keep showing what it shows.
    await expect(platform.allowTileOrigins(['https://a.example.org'])).resolves.toBe('allowed');
    expect(bridge.setTileOrigins).toHaveBeenCalledWith(['https://a.example.org']);
    // A new origin: stored at once; asked again (the project opening, then the add flow) it still
    // needs the reload, because this page's policy was fixed when it loaded.
    const more = ['https://a.example.org', 'https://t0.tianditu.gov.cn'];
    await expect(platform.allowTileOrigins(more)).resolves.toBe('reload');
    await expect(platform.allowTileOrigins(more)).resolves.toBe('reload');
    expect(stored).toEqual(more);
    expect(bridge.setTileOrigins).toHaveBeenCalledTimes(2);
  });

  it('keeps service keys through the bridge', async () => {
    const bridge = fakeBridge();
    bridge.getServiceKey.mockResolvedValue('k1');
    const platform = createElectronPlatform(bridge);
    await expect(platform.serviceKey('tianditu')).resolves.toBe('k1');
    await platform.setServiceKey('tianditu', null);
    expect(bridge.setServiceKey).toHaveBeenCalledWith({ keyId: 'tianditu', key: null });
  });

  it('never lets a refused window state become an unhandled rejection', async () => {
    const bridge = fakeBridge();
    bridge.setWindowState.mockRejectedValueOnce(new Error('window:setState: invalid request'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() => createElectronPlatform(bridge).setWindowState(STATE)).not.toThrow();
    await new Promise((done) => setTimeout(done, 0));
    expect(warn).toHaveBeenCalledWith('window:setState refused', expect.any(Error));
  });

  it('hands picked backgrounds over as granted URLs with their sidecars, and forgets by grant', async () => {
    const grant = '6f1c2a7e-8c2b-4c1e-9a57-0e4f7c6d2b11';
    const bridge = fakeBridge();
    bridge.pickBackgroundFiles.mockResolvedValueOnce([
      { grant, name: 'dom.tif', size: 5_000_000_000, mtimeMs: 7, sidecars: { tfw: '1\n0\n0\n-1\n0\n0' } },
    ]);
    const [picked] = await createElectronPlatform(bridge).pickBackgroundFiles();
    expect(picked).toEqual({
      name: 'dom.tif',
      size: 5_000_000_000,
      mtimeMs: 7,
      access: { grant },
      bytes: { url: `app://workbench/_granted/${grant}` },
      sidecars: { tfw: '1\n0\n0\n-1\n0\n0' },
    });
    await createElectronPlatform(bridge).forgetBackground({ grant });
    expect(bridge.forgetBackground).toHaveBeenCalledWith(grant);
  });

  it('after a restart a grant is reached by URL, or reported missing when main answers 404', async () => {
    const grant = '6f1c2a7e-8c2b-4c1e-9a57-0e4f7c6d2b11';
    const probe = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      void url;
      void init;
      return new Response(null, { status: 200 });
    });
    const platform = createElectronPlatform(fakeBridge(), probe as typeof fetch);
    expect(await platform.backgroundBytes({ grant }, { ask: false })).toEqual({
      url: `app://workbench/_granted/${grant}`,
    });
    expect(probe).toHaveBeenCalledWith(`app://workbench/_granted/${grant}`, { method: 'HEAD' });
    probe.mockResolvedValueOnce(new Response('Not Found', { status: 404 }));
    expect(await platform.backgroundBytes({ grant }, { ask: false })).toEqual({ missing: true });
    const copy = new Blob(['x']);
    expect(await platform.backgroundBytes({ copy }, { ask: false })).toEqual({ blob: copy });
  });
});
