import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { BRIDGE_FUNCTIONS } from '../../shared/ipc/bridge';
import { electronBinary } from '../../scripts/electronBinary.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'out', 'main', 'index.js');
const FIXTURE = join(ROOT, 'e2e', 'fixtures', 'sample-project.hzw');
/** A zipped GBK shapefile with three zones (made by scripts/fixtures/exchange-fixtures.mjs). */
const GBK_ZIP = join(ROOT, 'e2e', 'fixtures', 'exchange', 'gbk-zones.zip');
const GBK_NAMES = ['奎屯河古渡口遗址', '车排子烽燧'];
const BINARY = electronBinary(ROOT);
const SKIP_REASON =
  'Electron binary not installed: desktop suite skipped (set ELECTRON_EXEC_PATH or run `node node_modules/electron/install.js`)';

if (!BINARY) console.warn(`\n${'!'.repeat(100)}\n!!! ${SKIP_REASON}\n${'!'.repeat(100)}\n`);

/** Chromium refuses to start as root with its OS sandbox (CI containers); the app's own webPreferences.sandbox is unaffected. */
const CHROMIUM_ARGS = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

interface Launched {
  app: ElectronApplication;
  page: Page;
}

/** Each test gets its own profile folder (--user-data-dir), so IndexedDB, recent files and the single-instance lock are isolated. */
const test = base.extend<{ workdir: string; launch: (files?: string[]) => Promise<Launched> }>({
  // Playwright reads a fixture's dependencies from this destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  workdir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'hzw-desktop-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  },
  launch: async ({ workdir }, use) => {
    const apps: ElectronApplication[] = [];
    await use(async (files = []) => {
      const { ELECTRON_RENDERER_URL: _dev, ELECTRON_RUN_AS_NODE: _node, ...env } = process.env;
      const app = await _electron.launch({
        executablePath: BINARY!,
        args: [...CHROMIUM_ARGS, MAIN, `--user-data-dir=${join(workdir, 'profile')}`, ...files],
        cwd: ROOT,
        env: env as Record<string, string>,
      });
      apps.push(app);
      app.process().stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[electron] ${chunk}`));
      const page = await app.firstWindow();
      // The workbench is up once the map has rendered its offline basemap (as in the web suite).
      await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
      return { app, page };
    });
    for (const app of apps) await app.close().catch(() => undefined);
  },
});

test.skip(!BINARY, SKIP_REASON);
test.describe.configure({ timeout: 120_000 });

test.beforeAll(() => {
  expect(existsSync(MAIN), 'out/main/index.js is missing: run `npm run build` before the desktop suite').toBe(
    true,
  );
});

const windowTitle = (app: ElectronApplication) =>
  app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');

test('every window is sandboxed and isolated, and the page is served from app://', async ({ launch }) => {
  const { app, page } = await launch();
  const preferences = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => {
      const contents = window.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> };
      const p = contents.getLastWebPreferences();
      return {
        sandbox: p.sandbox,
        contextIsolation: p.contextIsolation,
        nodeIntegration: p.nodeIntegration,
        webSecurity: p.webSecurity,
      };
    }),
  );
  expect(preferences).toEqual([
    { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
  ]);

  const inPage = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    protocol: location.protocol,
    host: location.host,
    bridge: Object.keys((globalThis as unknown as { hzw: object }).hzw).sort(),
  }));
  expect(inPage).toEqual({
    require: 'undefined',
    process: 'undefined',
    protocol: 'app:',
    host: 'workbench',
    bridge: [...BRIDGE_FUNCTIONS].sort(),
  });

  const headers = await page.evaluate(async () => {
    const response = await fetch('/index.html');
    return {
      csp: response.headers.get('content-security-policy'),
      nosniff: response.headers.get('x-content-type-options'),
    };
  });
  expect(headers.csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(headers.csp).toContain("worker-src 'self'");
  expect(headers.csp).toContain("frame-ancestors 'none'");
  expect(headers.nosniff).toBe('nosniff');
});

test('View → English in the native menu switches the page language and the menu', async ({ launch }) => {
  const { app, page } = await launch();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  await app.evaluate(({ Menu }) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById('view.language.en');
    if (!item) throw new Error('the menu has no View → Language → English item');
    item.click();
  });
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  await expect
    .poll(() => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label)))
    .toEqual(['File', 'Edit', 'View', 'Tools', 'Help']);
});

test('a project file on the command line opens in the window', async ({ launch, workdir }) => {
  expect(existsSync(FIXTURE), 'e2e/fixtures/sample-project.hzw must exist').toBe(true);
  const project = join(workdir, 'sample-project.hzw');
  await copyFile(FIXTURE, project);
  const { app, page } = await launch([project]);
  await expect.poll(() => windowTitle(app), { timeout: 30_000 }).toContain('Electron fixture project');
  expect(await page.title()).toContain('Electron fixture project');
});

test('a second launch hands its file to the first window and quits', async ({ launch, workdir }) => {
  const { app } = await launch();
  const second = join(workdir, 'second.hzw');
  const document = JSON.parse(await readFile(FIXTURE, 'utf8')) as { project: { settings: { name: string } } };
  document.project.settings.name = 'Second launch project';
  await writeFile(second, JSON.stringify(document));
  const { ELECTRON_RENDERER_URL: _dev, ELECTRON_RUN_AS_NODE: _node, ...env } = process.env;
  const exitCode = await new Promise<number | null>((done, fail) => {
    const child = spawn(
      BINARY!,
      [...CHROMIUM_ARGS, MAIN, `--user-data-dir=${join(workdir, 'profile')}`, second],
      { cwd: ROOT, env },
    );
    child.on('error', fail);
    child.on('exit', (code) => done(code));
  });
  expect(exitCode).toBe(0);
  await expect.poll(() => windowTitle(app), { timeout: 30_000 }).toContain('Second launch project');
  expect(app.windows()).toHaveLength(1);
});

test('window.open and navigation away are refused; links need the user to confirm', async ({ launch }) => {
  const { app, page } = await launch();
  await app.evaluate(({ dialog, shell }) => {
    const record = { asked: [] as string[], opened: [] as string[] };
    (globalThis as { hzwE2e?: typeof record }).hzwE2e = record;
    // The user answers Cancel; nothing may reach the system browser.
    dialog.showMessageBox = (async (...args: unknown[]) => {
      record.asked.push((args.at(-1) as { message: string }).message);
      return { response: 0, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
    shell.openExternal = (async (url: string) => void record.opened.push(url)) as typeof shell.openExternal;
  });
  const record = () =>
    app.evaluate(() => (globalThis as { hzwE2e?: { asked: string[]; opened: string[] } }).hzwE2e!);

  expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
  await expect.poll(async () => (await record()).asked.length).toBe(1);

  await page.evaluate(() => {
    location.href = 'https://example.org/';
  });
  await expect.poll(async () => (await record()).asked.length).toBe(2);
  expect(page.url()).toMatch(/^app:\/\/workbench\//);
  expect(app.windows()).toHaveLength(1);
  const { asked, opened } = await record();
  expect(asked.every((message) => message.includes('https://example.org/'))).toBe(true);
  expect(opened).toEqual([]);
});

/** Click a native menu item by id, as the user would. */
const clickMenu = (app: ElectronApplication, id: string) =>
  app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) throw new Error(`the menu has no item ${itemId}`);
    if (!item.enabled) throw new Error(`the menu item ${itemId} is disabled`);
    item.click();
  }, id);

test('File → Import… reads a zipped shapefile picked in the native dialog', async ({ launch, workdir }) => {
  const zip = join(workdir, 'gbk-zones.zip');
  await copyFile(GBK_ZIP, zip);
  const { app, page } = await launch();
  // The user picks the zip in the open dialog; the stub records what the dialog offered.
  await app.evaluate(({ dialog }, picked) => {
    const record = { filters: [] as { name: string; extensions: string[] }[], multi: false };
    (globalThis as { hzwPick?: typeof record }).hzwPick = record;
    dialog.showOpenDialog = (async (...args: unknown[]) => {
      const options = args.at(-1) as { filters: typeof record.filters; properties: string[] };
      record.filters = options.filters;
      record.multi = options.properties.includes('multiSelections');
      return { canceled: false, filePaths: [picked] };
    }) as typeof dialog.showOpenDialog;
  }, zip);
  await clickMenu(app, 'file.import');
  const preview = page.getByRole('dialog', { name: '导入预览' });
  await expect(preview.getByTestId('import-summary')).toHaveText(
    'gbk-zones.zip：共 3 个要素，3 个可导入，0 个被拒绝',
  );
  const offered = await app.evaluate(
    () => (globalThis as { hzwPick?: { filters: { extensions: string[] }[]; multi: boolean } }).hzwPick!,
  );
  expect(offered.multi).toBe(true);
  expect(offered.filters.flatMap((f) => f.extensions)).toEqual(
    expect.arrayContaining(['shp', 'dbf', 'prj', 'cpg', 'zip', 'gpkg', 'kml', 'kmz', 'dxf', 'txt', 'csv']),
  );
  await preview.getByRole('button', { name: '导入 3 个区划' }).click();
  await expect(preview).toBeHidden();
  for (const name of GBK_NAMES) await expect(page.getByRole('treeitem', { name, exact: true })).toBeVisible();
});

test('File → Export… writes the chosen format where the save dialog says, keeping the old file', async ({
  launch,
  workdir,
}) => {
  const zip = join(workdir, 'gbk-zones.zip');
  await copyFile(GBK_ZIP, zip);
  const target = join(workdir, 'exported.kml');
  await writeFile(target, 'previous export');
  const { app, page } = await launch();
  await app.evaluate(
    ({ dialog }, paths) => {
      const record = { filters: [] as { name: string; extensions: string[] }[] };
      (globalThis as { hzwSave?: typeof record }).hzwSave = record;
      dialog.showOpenDialog = (async () => ({
        canceled: false,
        filePaths: [paths.zip],
      })) as typeof dialog.showOpenDialog;
      dialog.showSaveDialog = (async (...args: unknown[]) => {
        record.filters = (args.at(-1) as { filters: typeof record.filters }).filters;
        return { canceled: false, filePath: paths.target };
      }) as typeof dialog.showSaveDialog;
    },
    { zip, target },
  );
  await clickMenu(app, 'file.import');
  const preview = page.getByRole('dialog', { name: '导入预览' });
  await preview.getByRole('button', { name: '导入 3 个区划' }).click();
  await expect(preview).toBeHidden();

  await clickMenu(app, 'file.export');
  const dialog = page.getByRole('dialog', { name: '导出' });
  await dialog.getByRole('combobox', { name: '格式' }).selectOption('kml');
  await dialog.getByRole('button', { name: /^导出 \(\d+\)$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '已导出' })).toContainText('exported.kml');

  const saved = await app.evaluate(
    () => (globalThis as { hzwSave?: { filters: { name: string; extensions: string[] }[] } }).hzwSave!,
  );
  expect(saved.filters).toEqual([{ name: 'KML (*.kml)', extensions: ['kml'] }]);
  const kml = await readFile(target, 'utf8');
  expect(kml).toContain('<kml');
  for (const name of GBK_NAMES) expect(kml).toContain(name);
  expect(await readFile(`${target}.bak`, 'utf8')).toBe('previous export');
});
