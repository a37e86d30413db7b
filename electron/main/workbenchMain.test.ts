import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The composition root against a fake Electron: starts the workbench, then plays the renderer
 * (protocol requests, IPC calls) and the OS (argv, a second launch) and checks what reaches
 * the window. What only a real Electron can show is in e2e/electron/desktop.spec.ts.
 */
vi.mock('electron', () => import('./fakeElectron'));
const fake = await import('./fakeElectron');
const recorded = fake.recorded;
const protocolHandler = () => recorded.protocolHandlers.get('app')!;

const { runWorkbench } = await import('./workbenchMain');

let folder: string;
let project: string;
const argv = process.argv;

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  folder = await mkdtemp(join(tmpdir(), 'hzw-main-'));
  recorded.userData = join(folder, 'profile');
  await writeFile(join(folder, 'index.html'), '<!doctype html>');
  project = join(folder, 'first.hzw');
  await writeFile(project, '{"project":"first"}');
  process.argv = ['/opt/hzw/hzw', project];
  runWorkbench({ paths: { renderer: folder, preload: '/app/out/preload/index.cjs' }, devUrl: null });
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
});
afterAll(async () => {
  process.argv = argv;
  await rm(folder, { recursive: true, force: true });
});

const window = () => recorded.windows[0]!;
const call = (channel: string, payload?: unknown) =>
  recorded.ipcHandlers.get(channel)!(
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
    const response = await protocolHandler()(new Request('app://workbench/index.html'));
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
    expect((recorded.menus.at(-1) as { label?: string }[]).map((m) => m.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Tools',
      'Help',
    ]);
    await expect(call('window:setState', { ...state, lang: 'fr' })).rejects.toThrow(
      /window:setState: invalid request/,
    );
  });

  it('stores tile origins and puts them into the CSP of later responses', async () => {
    expect(await call('tiles:setOrigins', ['https://tiles.example.org'])).toEqual([
      'https://tiles.example.org',
    ]);
    const response = await protocolHandler()(new Request('app://workbench/index.html'));
    expect(response.headers.get('content-security-policy')).toContain(
      "img-src 'self' data: blob: https://tiles.example.org",
    );
    await expect(call('tiles:setOrigins', ['http://tiles.example.org'])).rejects.toThrow(/https origin/);
  });

  it('refuses calls from anything but the window’s top frame on our origin', async () => {
    const listener = recorded.ipcHandlers.get('recent:list')!;
    const frame = { ...window().webContents.mainFrame, url: 'https://example.org/' };
    await expect(listener({ sender: window().webContents, senderFrame: frame })).rejects.toThrow(
      /not app:\/\/workbench/,
    );
    await expect(
      listener({ sender: new EventEmitter(), senderFrame: window().webContents.mainFrame }),
    ).rejects.toThrow(/not a workbench window/);
  });
});

interface BuiltItem {
  id?: string;
  label?: string;
  enabled?: boolean;
  submenu?: BuiltItem[];
}
function menuItem(id: string): BuiltItem {
  const all = (items: BuiltItem[]): BuiltItem[] => items.flatMap((i) => [i, ...all(i.submenu ?? [])]);
  const found = all(recorded.menus.at(-1) as BuiltItem[]).find((i) => i.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

describe('the workbench main process: exchange and review', () => {
  const editable = {
    title: 'Plan',
    edited: false,
    canUndo: true,
    canRedo: true,
    hasSelection: true,
    lang: 'zh',
  };

  it('disables what would edit a review copy once the renderer reports it read-only', async () => {
    await call('window:setState', { ...editable, readOnly: false });
    expect(
      ['edit.undo', 'edit.delete', 'file.import', 'tools.deriveZone'].map((id) => menuItem(id).enabled),
    ).toEqual([true, true, true, true]);
    expect(menuItem('file.makeWorkingCopy').enabled).toBe(false);
    await call('window:setState', { ...editable, readOnly: true });
    expect(
      ['edit.undo', 'edit.delete', 'file.import', 'tools.deriveZone'].map((id) => menuItem(id).enabled),
    ).toEqual([false, false, false, false]);
    expect(menuItem('file.makeWorkingCopy')).toMatchObject({ enabled: true, label: '制作工作副本' });
    expect(menuItem('file.export').enabled).toBe(true);
    expect(menuItem('tools.whatHere').enabled).toBe(true);
  });

  it('hands a picked file larger than one chunk to the renderer chunk by chunk, once', async () => {
    const big = join(folder, 'farmland.shp');
    const content = new Uint8Array(20 * 1024 * 1024 + 123).map((_, i) => (i * 7) % 251);
    await writeFile(big, content);
    await writeFile(join(folder, 'farmland.dbf'), 'dbf');
    recorded.dialogAnswers.open = [big, join(folder, 'farmland.dbf')];
    const filters = [{ name: '所有支持的文件', extensions: ['shp', 'dbf', 'zip'] }];
    const refs = (await call('file:pick', { title: '导入', filters, multiple: true })) as {
      name: string;
      size: number;
      token: string;
    }[];
    expect(refs.map((r) => [r.name, r.size])).toEqual([
      ['farmland.shp', content.byteLength],
      ['farmland.dbf', 3],
    ]);
    const chunk = 16 * 1024 * 1024;
    const first = (await call('file:readPicked', {
      token: refs[0]!.token,
      offset: 0,
      length: chunk,
    })) as Uint8Array;
    const rest = (await call('file:readPicked', {
      token: refs[0]!.token,
      offset: chunk,
      length: chunk,
    })) as Uint8Array;
    expect(first.byteLength + rest.byteLength).toBe(content.byteLength);
    expect(Buffer.from(first).equals(Buffer.from(content.subarray(0, chunk)))).toBe(true);
    expect(Buffer.from(rest).equals(Buffer.from(content.subarray(chunk)))).toBe(true);
    // Read to its end, the token is gone; a chunk larger than the cap is refused by the contract.
    await expect(call('file:readPicked', { token: refs[0]!.token, offset: 0, length: 1 })).rejects.toThrow(
      /pick it again/,
    );
    await expect(
      call('file:readPicked', { token: refs[1]!.token, offset: 0, length: chunk + 1 }),
    ).rejects.toThrow(/file:readPicked: invalid request — length/);
  });

  it('exports with the format’s extension and filter, atomically, keeping the previous file', async () => {
    const { readFile } = await import('node:fs/promises');
    const request = (text: string) => ({
      handle: null,
      suggestedName: '奎屯 保护区划.kmz',
      bytes: new TextEncoder().encode(text),
      filters: [],
    });
    // A name typed without extension gets the format's (Linux dialogs add none).
    recorded.dialogAnswers.save = join(folder, 'fresh');
    expect(await call('file:export', request('PK fresh'))).toEqual({ handle: null, name: 'fresh.kmz' });
    const options = recorded.saveDialogs.at(-1) as {
      filters: unknown;
      defaultPath: string;
    };
    expect(options.filters).toEqual([{ name: 'KMZ (*.kmz)', extensions: ['kmz'] }]);
    expect(options.defaultPath.endsWith('奎屯 保护区划.kmz')).toBe(true);
    expect(await readFile(join(folder, 'fresh.kmz'), 'utf8')).toBe('PK fresh');

    const target = join(folder, 'zones.kmz');
    await writeFile(target, 'old export');
    recorded.dialogAnswers.save = target;
    expect(await call('file:export', request('PK new export'))).toEqual({ handle: null, name: 'zones.kmz' });
    expect(await readFile(target, 'utf8')).toBe('PK new export');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('old export');
  });

  it('serves workers and WebAssembly under the one policy, which allows compiling wasm only', async () => {
    await writeFile(join(folder, 'jobWorker.js'), 'self.onmessage = () => {};');
    await writeFile(join(folder, 'sql-wasm.wasm'), new Uint8Array([0, 97, 115, 109]));
    const worker = await protocolHandler()(new Request('app://workbench/jobWorker.js'));
    const wasm = await protocolHandler()(new Request('app://workbench/sql-wasm.wasm'));
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const { contentSecurityPolicy } = await import('../../shared/security/csp');
    for (const response of [worker, wasm]) {
      const csp = response.headers.get('content-security-policy')!;
      // The same policy as web mode, directive for directive (images and fetches also allow the
      // tile origins).
      const directives = (policy: string) =>
        policy.split('; ').filter((d) => !d.startsWith('img-src') && !d.startsWith('connect-src'));
      expect(directives(csp)).toEqual(directives(contentSecurityPolicy()));
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).toContain("worker-src 'self'");
      expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'|blob:.*worker|worker-src[^;]*blob:/);
    }
  });

  it('grants a picked background and serves it by range under the CSP, until it is forgotten', async () => {
    const dom = join(folder, 'dom.tif');
    await writeFile(dom, 'II*\0 orthophoto');
    await writeFile(join(folder, 'dom.tfw'), '0.5\n0\n0\n-0.5\n28500000\n3400000\n');
    recorded.dialogAnswers.open = [dom];
    const [picked] = (await call('background:pickFiles')) as { grant: string; sidecars: object }[];
    expect(picked!.sidecars).toEqual({ tfw: '0.5\n0\n0\n-0.5\n28500000\n3400000\n' });
    const url = `app://workbench/_granted/${picked!.grant}`;
    const part = await protocolHandler()(new Request(url, { headers: { range: 'bytes=4-15' } }));
    expect(part.status).toBe(206);
    expect(await part.text()).toBe(' orthophoto');
    expect(part.headers.get('content-security-policy')).toContain("default-src 'self'");
    await call('background:forget', picked!.grant);
    expect((await protocolHandler()(new Request(url))).status).toBe(404);
  });

  it('streams a large export to a temporary file and renames it into place on commit', async () => {
    const target = join(folder, 'atlas.pdf');
    recorded.dialogAnswers.save = target;
    const opened = (await call('file:exportStreamBegin', {
      suggestedName: 'atlas.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    })) as { stream: string; name: string };
    expect(opened.name).toBe('atlas.pdf');
    await call('file:exportStreamWrite', {
      stream: opened.stream,
      bytes: new TextEncoder().encode('%PDF-1.7 '),
    });
    await call('file:exportStreamWrite', { stream: opened.stream, bytes: new TextEncoder().encode('pages') });
    expect(await call('file:exportStreamEnd', { stream: opened.stream, commit: true })).toEqual({
      handle: null,
      name: 'atlas.pdf',
    });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 pages');
  });
});
