import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { Dialogs } from './fileCommands';

/** Electron's native dialogs, attached to the workbench window when there is one. */
export function electronDialogs(parent: () => BrowserWindow | null): Dialogs {
  return {
    async chooseFiles({ title, filters, multiple, defaultPath }) {
      const options: OpenDialogOptions = {
        title,
        defaultPath,
        filters,
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const window = parent();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseSaveTarget({ title, filters, defaultPath }) {
      const options: SaveDialogOptions = {
        title,
        defaultPath,
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = parent();
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
