import type { HzwBridge } from '../../shared/ipc/bridge';
import type { FileFilter, PickedBackground, SaveRequest } from '../../shared/ipc/contract';
import { grantedPath } from '../../shared/ipc/granted';
import type { BackgroundBytes, PickedBackgroundFile } from './backgroundFiles';
import { desktopExportSink } from './exportSink';
import type { Platform } from './platform';
import { readPickedFiles } from './readPicked';

/**
 * The desktop platform: every call goes through the preload's bridge to the main process,
 * which owns dialogs, file I/O and the native menu. Requests are rebuilt field by field so
 * nothing beyond the IPC contract crosses (main refuses unknown fields).
 */
export function createElectronPlatform(
  bridge: HzwBridge,
  fetchFn: typeof fetch = (...a) => fetch(...a),
): Platform {
  // The allowed origins when this page loaded (main sends them as its policy), read once.
  let loadedWith: Promise<readonly string[]> | null = null;
  const pageOrigins = () => (loadedWith ??= bridge.listTileOrigins());
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
    exportStream: (request) => desktopExportSink(bridge, request),
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
    pickBackgroundFiles: async () => (await bridge.pickBackgroundFiles()).map(pickedBackground),
    async backgroundBytes(access): Promise<BackgroundBytes> {
      if ('copy' in access) return { blob: access.copy };
      if (!('grant' in access)) return { missing: true };
      // A grant main no longer knows, or whose file is gone, answers 404.
      const url = grantedUrl(access.grant);
      const probe = await fetchFn(url, { method: 'HEAD' });
      if (probe.status === 404) return { missing: true };
      if (!probe.ok) throw new Error(`${url}: HTTP ${probe.status}`);
      return { url };
    },
    async forgetBackground(access) {
      if ('grant' in access) await bridge.forgetBackground(access.grant);
    },
    async allowTileOrigins(origins) {
      const wanted = [...new Set(origins)];
      const [page, current] = await Promise.all([pageOrigins(), bridge.listTileOrigins()]);
      const same = wanted.length === current.length && wanted.every((o) => current.includes(o));
      if (!same) await bridge.setTileOrigins(wanted);
      // The policy is fixed per page load: what this page was loaded with decides, so a second
      // caller asking for the same new origins learns that a reload is still needed.
      return wanted.every((o) => page.includes(o)) ? 'allowed' : 'reload';
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

/** Where the page reads a granted file by range (same origin as the page: app://workbench). */
export function grantedUrl(grant: string): string {
  return new URL(grantedPath(grant), globalThis.location?.href ?? 'app://workbench/').href;
}

function pickedBackground(p: PickedBackground): PickedBackgroundFile {
  const sidecars: Record<string, string> = {};
  for (const [ext, text] of Object.entries(p.sidecars)) if (text !== undefined) sidecars[ext] = text;
  return {
    name: p.name,
    size: p.size,
    mtimeMs: p.mtimeMs,
    access: { grant: p.grant },
    bytes: { url: grantedUrl(p.grant) },
    sidecars,
  };
}
