import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/menuCommands';
import type { Lang } from './dialogText';
import {
  buildMenuSpec,
  PAGE_OWNED_COMMANDS,
  type MenuAction,
  type MenuEnvironment,
  type MenuItemSpec,
  type MenuState,
} from './menuTemplate';

export interface MenuHandlers {
  command(command: MenuCommand): void;
  language(lang: Lang): void;
  openRecent(path: string): void;
  clearRecent(): void;
  /** macOS: a page-owned key the page left alone (a text field has focus): do the native edit. */
  nativeEdit(command: MenuCommand): void;
}

function run(action: MenuAction, handlers: MenuHandlers, byAccelerator: boolean): void {
  switch (action.kind) {
    case 'command':
      if (byAccelerator && PAGE_OWNED_COMMANDS.has(action.command))
        return handlers.nativeEdit(action.command);
      return handlers.command(action.command);
    case 'language':
      return handlers.language(action.lang);
    case 'openRecent':
      return handlers.openRecent(action.path);
    case 'clearRecent':
      return handlers.clearRecent();
  }
}

/** Click handlers also run without an event: menu.click() from tests or automation passes none. */
export function toTemplate(items: MenuItemSpec[], handlers: MenuHandlers): MenuItemConstructorOptions[] {
  return items.map(({ action, submenu, ...item }) => ({
    ...item,
    ...(submenu ? { submenu: toTemplate(submenu, handlers) } : {}),
    ...(action
      ? { click: (_item, _window, event) => run(action, handlers, event?.triggeredByAccelerator === true) }
      : {}),
  }));
}

/**
 * The native application menu, rebuilt from data whenever its state changes (language,
 * enablement, recent files). Rebuilding is cheap and keeps labels and enablement in one place.
 */
export function createApplicationMenu(env: MenuEnvironment, handlers: MenuHandlers, initial: MenuState) {
  let state = initial;
  const install = () =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(toTemplate(buildMenuSpec(state, env), handlers)));
  install();
  return {
    get state(): MenuState {
      return state;
    },
    update(change: Partial<MenuState>): void {
      const next = { ...state, ...change };
      if (JSON.stringify(next) === JSON.stringify(state)) return;
      state = next;
      install();
    },
  };
}

export type ApplicationMenu = ReturnType<typeof createApplicationMenu>;
