import type { WebContents } from 'electron';
import type { MenuCommand } from '../../shared/ipc/menuCommands';
import type { ApplicationMenu, MenuHandlers } from './applicationMenu';

export interface MenuHandlerDeps {
  send(command: MenuCommand): void;
  /** The menu itself (created after its handlers). */
  menu(): ApplicationMenu;
  requestOpen(path: string): void;
  recent: { clear(): Promise<void> };
  contents(): Pick<WebContents, 'undo' | 'redo' | 'delete'> | null;
}

/** What the native menu's items do. */
export function createMenuHandlers(deps: MenuHandlerDeps): MenuHandlers {
  return {
    command: deps.send,
    language(next) {
      // The renderer owns the language: the menu asks it to switch (the only command it has
      // for that is a toggle) and shows the choice at once; the next window state confirms it.
      if (deps.menu().state.lang !== next) deps.send('view.toggleLanguage');
      deps.menu().update({ lang: next });
    },
    openRecent: deps.requestOpen,
    clearRecent() {
      deps.recent
        .clear()
        .catch((error: unknown) => console.warn('[hzw] recent list not cleared:', error))
        .finally(() => deps.menu().update({ recent: [] }));
    },
    nativeEdit(command) {
      const contents = deps.contents();
      if (command === 'edit.undo') contents?.undo();
      else if (command === 'edit.redo') contents?.redo();
      else if (command === 'edit.delete') contents?.delete();
    },
  };
}
