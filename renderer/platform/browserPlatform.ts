import type { FileFilter, OpenedFile, PickedFile, SaveRequest, SavedFile } from '../../shared/ipc/contract';
import { mimeTypeOfName } from '../../shared/ipc/fileTypes';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_TOTAL_BYTES, MAX_MESSAGE_BYTES } from '../../shared/ipc/limits';
import { downloadBlob, webExportSink } from './exportSink';
import type { Platform } from './platform';
import { backgroundBytes, pickBackgroundFiles } from './fileAccess';
import { readServiceKey, writeServiceKey } from './localSettings';
import { webTileOrigins } from './webTileAccess';

const MIB = 1024 * 1024;

/** The file input's accept list: every extension of every filter, once each ('*' accepts all). */
export function acceptList(filters: readonly FileFilter[]): string {
  const extensions = filters.flatMap((f) => f.extensions);
  if (extensions.includes('*')) return '';
  return [...new Set(extensions.map((e) => `.${e.toLowerCase()}`))].join(',');
}

/**
 * The same caps as the desktop app: per file and per pick for imports, one message's worth for
 * a project (the desktop reads those whole).
 */
export function checkPickedSizes(files: readonly { name: string; size: number }[], perFile: number): void {
  for (const file of files) {
    if (file.size > perFile)
      throw new Error(
        `“${file.name}”超过 ${perFile / MIB} MB，无法打开。/ "${file.name}" is larger than ${perFile / MIB} MB and cannot be opened.`,
      );
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_IMPORT_TOTAL_BYTES)
    throw new Error(
      `所选文件共超过 ${MAX_IMPORT_TOTAL_BYTES / MIB} MB。/ The picked files are larger than ${MAX_IMPORT_TOTAL_BYTES / MIB} MB together.`,
    );
}

/** Show the browser's file picker; resolves to [] when the user cancels. */
function chooseFiles(filters: FileFilter[], multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptList(filters);
    input.multiple = multiple;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])]);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

async function read(file: File): Promise<PickedFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Save by download, typed by the file's extension (a .kmz opens in Google Earth, …). */
function download(request: SaveRequest): SavedFile {
  const blob = new Blob([request.bytes as Uint8Array<ArrayBuffer>], {
    type: mimeTypeOfName(request.suggestedName),
  });
  return downloadBlob(blob, request.suggestedName);
}

/**
 * Web mode: file pickers in, downloads out. There is no native menu and no file to save back
 * into, so every save is a download (the browser decides where it lands).
 */
export function createBrowserPlatform(): Platform {
  return {
    kind: 'web',
    async pickFiles(options) {
      const files = await chooseFiles(options.filters, options.multiple);
      checkPickedSizes(files, MAX_IMPORT_FILE_BYTES);
      // One after the other: two large files are not held half-read at once.
      const picked: PickedFile[] = [];
      for (const file of files) picked.push(await read(file));
      return picked;
    },
    async openProject(): Promise<OpenedFile | null> {
      const [file] = await chooseFiles([{ name: 'Project', extensions: ['hzw'] }], false);
      if (!file) return null;
      checkPickedSizes([file], MAX_MESSAGE_BYTES);
      return { ...(await read(file)), handle: null };
    },
    saveProject: async (request) => download(request),
    exportFile: async (request) => download(request),
    exportStream: async (request) => webExportSink(request),
    recentProjects: async () => [],
    openRecent: async () => null,
    onMenuCommand: () => () => {},
    onOpenFile: () => () => {},
    setWindowState: () => {},
    allowTileOrigin: (origin) => webTileOrigins([origin]),
    pickBackgroundFiles,
    backgroundBytes,
    // A handle or a copy lives in the background's access record, which the store deletes with it.
    forgetBackground: async () => {},
    allowTileOrigins: (origins) => webTileOrigins(origins),
    serviceKey: (keyId) => readServiceKey(keyId),
    setServiceKey: (keyId, key) => writeServiceKey(keyId, key),
  };
}
