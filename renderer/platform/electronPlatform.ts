import type { HzwBridge } from '../../shared/ipc/bridge';
import type { FileFilter, SaveRequest } from '../../shared/ipc/contract';
import type { Platform } from './platform';
import { readPickedFiles } from './readPicked';

/**
 * The desktop platform: every call goes through the preload's bridge to the main process,
 * which owns dialogs, file I/O and the native menu. Requests are rebuilt field by field so
 * nothing beyond the IPC contract crosses (main refuses unknown fields).
 */
export function createElectronPlatform(bridge: HzwBridge): Platform {
  return {
    kind: 'desktop',
    async pickFiles(options) {
      const picked = await bridge.pickFiles({
        title: options.title,
        filters: filters(options.filters),
        multiple: options.multiple,
      });
      return readPickedFiles(bridge, picked);
    },
    openProject: () => bridge.openProject(),
    saveProject: (request) => bridge.saveProject(saveRequest(request)),
    exportFile: (request) => bridge.exportFile(saveRequest(request)),
    recentProjects: () => bridge.listRecent(),
    openRecent: (handle) => bridge.openRecent(handle),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    onOpenFile: (listener) => bridge.onOpenFile(listener),
    async allowTileOrigin(origin) {
      const current = await bridge.listTileOrigins();
      if (current.includes(origin)) return 'allowed';
      await bridge.setTileOrigins([...current, origin]);
      return 'reload';
    },
    // INTERIM (issue 12 contract): replaced by the backgrounds work before it merges.
    pickBackgroundFiles: () => Promise.reject(new Error('backgrounds: not in this build yet')),
    backgroundBytes: () => Promise.reject(new Error('backgrounds: not in this build yet')),
    forgetBackground: async () => {},
    async allowTileOrigins(origins) {
      const wanted = [...new Set(origins)];
      const current = await bridge.listTileOrigins();
      const same = wanted.length === current.length && wanted.every((o) => current.includes(o));
      if (same) return 'allowed';
      await bridge.setTileOrigins(wanted);
      return 'reload';
    },
    serviceKey: (keyId) => bridge.getServiceKey(keyId),
    setServiceKey: (keyId, key) => bridge.setServiceKey({ keyId, key }),
    setWindowState(state) {
      const { title, edited, canUndo, canRedo, hasSelection, lang } = state;
      const readOnly = state.readOnly === true;
      // Fire and forget: a refused update only leaves the title or menu one step behind.
      bridge
        .setWindowState({ title, edited, canUndo, canRedo, hasSelection, lang, readOnly })
        .catch((error: unknown) => console.warn('window:setState refused', error));
    },
  };
}

function filters(list: FileFilter[]): FileFilter[] {
  return list.map((f) => ({ name: f.name, extensions: [...f.extensions] }));
}

function saveRequest(request: SaveRequest): SaveRequest {
  const { handle, suggestedName, bytes } = request;
  return { handle, suggestedName, bytes, filters: filters(request.filters) };
}
