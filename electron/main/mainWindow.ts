import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './webPreferences';

export interface WindowOptions {
  url: string;
  preload: string;
  devTools: boolean;
  title: string;
}

/** The workbench window. Its preferences come from one place (webPreferences.ts) and are checked again at runtime. */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: options.title,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preload, options.devTools),
  });
  window.once('ready-to-show', () => window.show());
  window
    .loadURL(options.url)
    .catch((error: unknown) => console.error(`[hzw] could not load ${options.url}`, error));
  return window;
}

export function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
