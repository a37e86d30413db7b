import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { EVENT_CHANNELS } from '../../shared/ipc/channels';
import type { WindowState } from '../../shared/ipc/contract';
import type { MenuCommand } from '../../shared/ipc/menuCommands';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { createApplicationMenu, type ApplicationMenu } from './applicationMenu';
import { APP_ENTRY_URL, APP_ORIGIN, originOf } from './appOrigin';
import { serveAppScheme } from './appScheme';
import { AppSettings } from './appSettings';
import { openAtomicStream, writeFileAtomic } from './atomicWrite';
import { pickBackgrounds } from './backgroundPicks';
import { ExportStreams } from './exportStreams';
import { GrantedFiles } from './grantedFiles';
import { installContentsSecurity } from './contentsSecurity';
import { DIALOG_TEXT } from './dialogText';
import { electronDialogs } from './dialogs';
import { createFileCommands, type FileCommands } from './fileCommands';
import { FileHandles } from './fileHandles';
import { sendEvent } from './ipc';
import { registerIpcHandlers } from './ipcHandlers';
import { fileArgument } from './launchArgs';
import { bringToFront, createMainWindow } from './mainWindow';
import { createMenuHandlers } from './menuHandlers';
import { OpenRequestQueue } from './openRequests';
import { PickedFiles } from './pickedFiles';
import { readFileCapped } from './readFileCapped';
import { RecentFiles } from './recentFiles';
import { errorCode } from './saveError';

export interface Launch {
  paths: { renderer: string; preload: string };
  /** electron-vite's dev server in development; null serves the build over app://. */
  devUrl: string | null;
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

interface Services {
  files: FileCommands;
  recent: RecentFiles;
  menu: ApplicationMenu;
}

/**
 * The composition root: wires the pure modules to Electron. Everything the OS may send before
 * the app is ready (files to open, a second launch) is registered synchronously here.
 */
export function runWorkbench(launch: Launch): void {
  const dev = !app.isPackaged;
  const origin = (launch.devUrl && originOf(launch.devUrl)) || APP_ORIGIN;
  let window: BrowserWindow | null = null;
  let services: Services | null = null;
  // A page that reloads or dies leaves its unfinished exports behind: their temporary files go.
  const exports = new ExportStreams((path) => openAtomicStream(path));
  const dropExports = () => void exports.abortAll();

  const opens = new OpenRequestQueue((path) => void deliver(path));
  const first = fileArgument(process.argv, process.cwd(), process.defaultApp === true);
  if (first) opens.request(first);

  app.on('open-file', (event, path) => {
    event.preventDefault();
    opens.request(path);
    if (window) bringToFront(window);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window) bringToFront(window);
    const file = fileArgument(argv, workingDirectory, process.defaultApp === true);
    if (file) opens.request(file);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  async function deliver(path: string): Promise<void> {
    if (!services) return;
    const { files, recent, menu } = services;
    try {
      const file = await files.openPath(path);
      if (window) sendEvent(window.webContents, EVENT_CHANNELS.openRequested, file);
    } catch (error) {
      if (errorCode(error) === 'ENOENT' && recent.list().includes(path)) {
        await recent.remove(path).catch(() => undefined);
        menu.update({ recent: [...recent.list()] });
      }
      const message = error instanceof Error ? error.message : String(error);
      const options = {
        type: 'error' as const,
        title: DIALOG_TEXT[menu.state.lang].openFailedTitle,
        message,
      };
      await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
    }
  }

  function sendCommand(command: MenuCommand): void {
    if (window) sendEvent(window.webContents, EVENT_CHANNELS.menuCommand, command);
  }

  function openWindow(): void {
    const created = createMainWindow({
      url: launch.devUrl ?? APP_ENTRY_URL,
      preload: launch.paths.preload,
      devTools: dev,
      title: app.name,
    });
    window = created;
    // A new document must subscribe again before it receives files.
    created.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) {
        opens.markNotReady();
        dropExports();
      }
    });
    created.webContents.on('render-process-gone', () => {
      opens.markNotReady();
      dropExports();
    });
    created.on('closed', () => {
      if (window !== created) return;
      window = null;
      opens.markNotReady();
      dropExports();
    });
  }

  async function start(): Promise<void> {
    const userData = app.getPath('userData');
    const [settings, recent, granted] = await Promise.all([
      AppSettings.load(join(userData, 'settings.json')),
      RecentFiles.load(join(userData, 'recent.json')),
      GrantedFiles.load(join(userData, 'grants.json')),
    ]);
    const lang = () => services?.menu.state.lang ?? 'zh';
    installContentsSecurity({
      origin,
      preload: launch.paths.preload,
      allowUnchecked: dev,
      text: () => DIALOG_TEXT[lang()],
    });
    if (!launch.devUrl) {
      await serveAppScheme(
        launch.paths.renderer,
        () => contentSecurityPolicy(settings.tileOrigins()),
        granted,
      );
    }

    const handlers = createMenuHandlers({
      send: sendCommand,
      menu: () => menu,
      requestOpen: (path) => opens.request(path),
      recent,
      contents: () => window?.webContents ?? null,
    });
    const menu = createApplicationMenu({ platform: process.platform, dev, appName: app.name }, handlers, {
      lang: 'zh',
      canUndo: false,
      canRedo: false,
      hasSelection: false,
      canSave: false,
      readOnly: false,
      recent: [...recent.list()],
    });
    const files = createFileCommands({
      dialogs: electronDialogs(() => window),
      handles: new FileHandles(),
      picked: new PickedFiles(),
      recent,
      readFile: (path) => readFileCapped(path),
      writeFile: (path, bytes) => writeFileAtomic(path, bytes),
      exists,
      lang,
      startFolder: () => app.getPath('documents'),
      recentChanged: () => menu.update({ recent: [...recent.list()] }),
    });
    services = { files, recent, menu };

    registerIpcHandlers(
      { origin, isAppWindow: (contents) => window !== null && window.webContents.id === contents.id },
      {
        files,
        exports,
        backgrounds: {
          pick: () =>
            pickBackgrounds({
              dialogs: electronDialogs(() => window),
              granted,
              lang,
              startFolder: () => app.getPath('documents'),
            }),
          forget: (grant) => granted.forget(grant),
        },
        settings,
        windowStateChanged(state: WindowState, sender) {
          const owner = BrowserWindow.fromWebContents(sender);
          owner?.setTitle(state.title);
          if (process.platform === 'darwin') owner?.setDocumentEdited(state.edited);
          const { lang: next, canUndo, canRedo, hasSelection } = state;
          const readOnly = state.readOnly === true;
          menu.update({ lang: next, canUndo, canRedo, hasSelection, canSave: true, readOnly });
        },
        acceptOpenRequests: () => opens.markReady(),
      },
    );
    openWindow();
    app.on('activate', () => {
      if (!window) openWindow();
    });
  }

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[hzw] the workbench could not start', error);
      dialog.showErrorBox('Heritage Zone Workbench', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
