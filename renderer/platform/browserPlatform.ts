import type { FileFilter, OpenedFile, PickedFile, SaveRequest, SavedFile } from '../../shared/ipc/contract';
import type { Platform } from './platform';

/** Largest file the browser platform reads into memory for an import. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

function accept(filters: FileFilter[]): string {
  return filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

/** Show the browser's file picker; resolves to [] when the user cancels. */
function chooseFiles(filters: FileFilter[], multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept(filters);
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
  if (file.size > MAX_FILE_BYTES) {
    throw new Error(`${file.name}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  }
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function download(request: SaveRequest): SavedFile {
  const blob = new Blob([request.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { handle: null, name: request.suggestedName };
}

/**
 * Web mode: file pickers in, downloads out. There is no native menu and no file to save back
 * into, so every save is a download (the browser decides where it lands).
 */
export function createBrowserPlatform(): Platform {
  return {
    kind: 'web',
    async pickFiles(options) {
      return Promise.all((await chooseFiles(options.filters, options.multiple)).map(read));
    },
    async openProject(): Promise<OpenedFile | null> {
      const [file] = await chooseFiles([{ name: 'Project', extensions: ['hzw'] }], false);
      return file ? { ...(await read(file)), handle: null } : null;
    },
    saveProject: async (request) => download(request),
    exportFile: async (request) => download(request),
    recentProjects: async () => [],
    openRecent: async () => null,
    onMenuCommand: () => () => {},
    onOpenFile: () => () => {},
    setWindowState: () => {},
    allowTileOrigin: async () => 'unsupported',
  };
}
