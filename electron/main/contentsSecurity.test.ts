import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })) },
  shell: { openExternal: vi.fn(async () => undefined) },
}));
vi.mock('electron', () => ({ app: {}, session: {}, ...electron }));

const { guardContents } = await import('./contentsSecurity');
const { DIALOG_TEXT } = await import('./dialogText');
const { secureWebPreferences } = await import('./webPreferences');

const PRELOAD = '/app/out/preload/index.cjs';
const POLICY = {
  origin: 'app://workbench',
  preload: PRELOAD,
  allowUnchecked: false,
  text: () => DIALOG_TEXT.en,
};

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  close = vi.fn();
  constructor(
    private readonly prefs: object | null,
    private readonly type = 'window',
  ) {
    super();
  }
  getType = () => this.type;
  getLastWebPreferences = () => this.prefs;
  isDestroyed = () => false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  attempt(name: string, url: string): boolean {
    const event = { url, preventDefault: vi.fn() };
    this.emit(name, event);
    return event.preventDefault.mock.calls.length > 0;
  }
}

function guarded(
  prefs: object | null = secureWebPreferences(PRELOAD, false),
  policy = POLICY,
  type = 'window',
): FakeContents {
  const contents = new FakeContents(prefs, type);
  guardContents(contents as never, policy);
  return contents;
}
const settle = () => new Promise((done) => setImmediate(done));

beforeEach(() => {
  vi.clearAllMocks();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('guardContents', () => {
  it('keeps navigation on our origin', () => {
    const contents = guarded();
    expect(contents.attempt('will-navigate', 'app://workbench/index.html?lang=en')).toBe(false);
    expect(contents.attempt('will-navigate', 'https://example.org/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-frame-navigate', 'https://example.org/')).toBe(true);
    expect(contents.attempt('will-redirect', 'https://example.org/')).toBe(true);
    expect(contents.attempt('will-attach-webview', 'app://workbench/')).toBe(true);
  });

  it('denies every window.open and opens an https link only after the user confirms', async () => {
    const contents = guarded();
    expect(contents.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    await settle();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();

    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    contents.openHandler!({ url: 'https://example.org/docs' });
    await settle();
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.org/docs');
  });

  it('never offers links that are not https', async () => {
    const contents = guarded();
    expect(contents.openHandler!({ url: 'file:///C:/Windows/notepad.exe' })).toEqual({ action: 'deny' });
    contents.attempt('will-navigate', 'smb://server/share');
    await settle();
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('closes a webContents whose preferences are weaker than the policy', async () => {
    const weak = guarded({ ...secureWebPreferences(PRELOAD, false), sandbox: false });
    await settle();
    expect(weak.close).toHaveBeenCalled();
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('sandbox is not enabled'));
    const unknown = guarded(null);
    await settle();
    expect(unknown.close).toHaveBeenCalled();
    const fine = guarded();
    await settle();
    expect(fine.close).not.toHaveBeenCalled();
  });

  it('lets DevTools (no app preferences, or not a page) through in development only', async () => {
    const dev = { ...POLICY, allowUnchecked: true };
    const devtools = guarded(null, dev);
    const remote = guarded({ sandbox: false }, dev, 'remote');
    const weakPage = guarded({ sandbox: false }, dev, 'window');
    const productionRemote = guarded({ sandbox: false }, POLICY, 'remote');
    await settle();
    expect(devtools.close).not.toHaveBeenCalled();
    expect(remote.close).not.toHaveBeenCalled();
    expect(weakPage.close).toHaveBeenCalled();
    expect(productionRemote.close).toHaveBeenCalled();
  });
});
