import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The security measures as the composition root installs them, in a packaged build: the
 * workbench starts against a fake Electron that records every handler, then each handler is
 * exercised the way Chromium would call it. Removing the line that installs a measure fails here
 * even when the measure's own module is still correct.
 */
vi.mock('electron', () => import('./fakeElectron'));
const { recorded, createContents } = await import('./fakeElectron');
const { runWorkbench } = await import('./workbenchMain');
const { secureWebPreferences } = await import('./webPreferences');

const PRELOAD = '/app/out/preload/index.cjs';
const settle = () => new Promise((done) => setImmediate(done));
let folder: string;
const argv = process.argv;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hzw-wiring-'));
  recorded.userData = join(folder, 'profile');
  recorded.packaged = true;
  await writeFile(join(folder, 'index.html'), '<!doctype html>');
  process.argv = ['/opt/hzw/hzw'];
  runWorkbench({ paths: { renderer: folder, preload: PRELOAD }, devUrl: null });
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
});
afterAll(async () => {
  process.argv = argv;
  await rm(folder, { recursive: true, force: true });
});
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  recorded.messageBoxes.length = 0;
  recorded.openedExternally.length = 0;
  recorded.dialogAnswers.messageBox = 0;
});

const mainContents = () => recorded.windows[0]!.webContents;

describe('a packaged workbench window', () => {
  it('is sandboxed, isolated, without Node, with web security, no webview and no DevTools', () => {
    // The literal list is pinned in navigationPolicy.test.ts; here: the window really gets it.
    expect(recorded.windows[0]!.options.webPreferences).toEqual(secureWebPreferences(PRELOAD, false));
    expect(mainContents().closed).toBe(false);
  });

  it('has no DevTools or reload in its menu', () => {
    const roles = JSON.stringify(recorded.menus.at(-1));
    expect(roles).toContain('"role":"quit"');
    expect(roles).not.toMatch(/toggleDevTools|"role":"reload"|forceReload/);
  });

  it('stays on app://workbench: navigation, frames, redirects and webviews are refused', () => {
    const contents = mainContents();
    expect(contents.attempt('will-navigate', 'app://workbench/index.html?lang=en')).toBe(false);
    expect(contents.attempt('will-navigate', 'https://example.org/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-frame-navigate', 'https://example.org/')).toBe(true);
    expect(contents.attempt('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(contents.attempt('will-attach-webview', 'app://workbench/')).toBe(true);
  });

  it('denies window.open and opens an https link in the browser only after the user agrees', async () => {
    const open = mainContents().openHandler!;
    expect(open({ url: 'file:///C:/Windows/notepad.exe' })).toEqual({ action: 'deny' });
    await settle();
    expect(recorded.messageBoxes).toEqual([]);
    expect(open({ url: 'https://example.org/a' })).toEqual({ action: 'deny' });
    await settle();
    expect(recorded.messageBoxes).toHaveLength(1);
    expect(recorded.openedExternally).toEqual([]);
    recorded.dialogAnswers.messageBox = 1;
    open({ url: 'https://example.org/b' });
    await vi.waitFor(() => expect(recorded.openedExternally).toEqual(['https://example.org/b']));
  });
});

describe('the default session', () => {
  const asked = (permission: string, url: string) => {
    let granted: boolean | undefined;
    recorded.permissionRequest!(mainContents(), permission, (answer) => (granted = answer), {
      requestingUrl: url,
    });
    return granted;
  };

  it('denies every permission request except persistent storage for our origin', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(asked(permission, 'app://workbench/index.html'), permission).toBe(false);
    }
    expect(asked('persistent-storage', 'app://workbench/index.html')).toBe(true);
    expect(asked('persistent-storage', 'https://example.org/')).toBe(false);
  });

  it('answers permission checks the same way', () => {
    const check = recorded.permissionCheck!;
    expect(check(mainContents(), 'media', 'app://workbench')).toBe(false);
    expect(check(mainContents(), 'clipboard-sanitized-write', 'app://workbench')).toBe(false);
    expect(check(mainContents(), 'persistent-storage', 'app://workbench')).toBe(true);
    expect(check(mainContents(), 'persistent-storage', 'https://example.org')).toBe(false);
  });
});

describe('every other webContents, checked when it is created', () => {
  const secure = () => secureWebPreferences(PRELOAD, false);

  it.each([
    ['sandbox', false],
    ['contextIsolation', false],
    ['nodeIntegration', true],
    ['nodeIntegrationInWorker', true],
    ['nodeIntegrationInSubFrames', true],
    ['webSecurity', false],
    ['allowRunningInsecureContent', true],
    ['webviewTag', true],
    ['devTools', true],
  ])('is closed with %s = %s', async (key, value) => {
    const contents = createContents({ ...secure(), [key]: value });
    await settle();
    expect(contents.closed).toBe(true);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('refused a webContents'));
  });

  it('is closed without preferences or with another preload, DevTools’ own included', async () => {
    const devtools = createContents(null, 'remote');
    const preload = createContents({ ...secure(), preload: '/tmp/evil.js' });
    await settle();
    expect([devtools.closed, preload.closed]).toEqual([true, true]);
  });

  it('is kept on our origin when its preferences are right', async () => {
    const contents = createContents(secure());
    await settle();
    expect(contents.closed).toBe(false);
    expect(contents.attempt('will-navigate', 'https://example.org/')).toBe(true);
    expect(contents.openHandler!({ url: 'app://workbench/index.html' })).toEqual({ action: 'deny' });
  });
});
