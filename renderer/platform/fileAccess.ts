import type { BackgroundAccess, BackgroundBytes, PickedBackgroundFile } from './backgroundFiles';
import { BACKGROUND_EXTENSIONS, groupBackgroundFiles, MAX_BACKGROUND_COPY_BYTES } from './backgroundPick';
import { MAX_SIDECAR_BYTES, SIDECAR_EXTENSIONS } from '../../shared/domain/backgroundSidecars';

const MIB = 1024 * 1024;

/** A file the web page cannot keep: refused with the reason, naming the file. */
export class BackgroundFileRefused extends Error {
  constructor(
    readonly file: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'BackgroundFileRefused';
  }
}

/** The browser's file input, for browsers without `showOpenFilePicker`; [] when cancelled. */
function chooseWithInput(accept: string): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = true;
    input.style.display = 'none';
    const done = (files: File[]) => {
      resolve(files);
      input.remove();
    };
    input.addEventListener('change', () => done([...(input.files ?? [])]));
    input.addEventListener('cancel', () => done([]));
    document.body.append(input);
    input.click();
  });
}

const allExtensions = [...BACKGROUND_EXTENSIONS, ...SIDECAR_EXTENSIONS];

/** A picked file with how to reach it again: its handle, or (no handle) a copy of a small file. */
export interface Picked {
  name: string;
  file: File;
  handle: FileSystemFileHandle | null;
}

async function pickWithHandles(show: NonNullable<Window['showOpenFilePicker']>): Promise<Picked[]> {
  let handles: FileSystemFileHandle[];
  try {
    handles = await show({
      multiple: true,
      id: 'hzw-backgrounds',
      types: [
        {
          description: 'Backgrounds / 底图',
          accept: { 'application/octet-stream': allExtensions.map((e) => `.${e}`) },
        },
      ],
    });
  } catch (error) {
    // The user closed the picker.
    if (error instanceof DOMException && error.name === 'AbortError') return [];
    throw error;
  }
  return Promise.all(
    handles.map(async (handle) => ({ name: handle.name, file: await handle.getFile(), handle })),
  );
}

export function accessOf(picked: Picked): BackgroundAccess {
  if (picked.handle) return { handle: picked.handle };
  if (picked.file.size > MAX_BACKGROUND_COPY_BYTES)
    throw new BackgroundFileRefused(
      picked.name,
      `“${picked.name}”（${Math.round(picked.file.size / MIB)} MB）超过 ${MAX_BACKGROUND_COPY_BYTES / MIB} MB：此浏览器不能保留文件的访问权限，只能复制较小的文件；请使用 Chromium 内核的浏览器或桌面版`,
      `"${picked.name}" (${Math.round(picked.file.size / MIB)} MB) is larger than ${MAX_BACKGROUND_COPY_BYTES / MIB} MB: this browser cannot keep access to a file and copies only smaller ones; use a Chromium-based browser or the desktop app`,
    );
  return { copy: picked.file };
}

/**
 * Web mode's background pick. With the File System Access API (Chromium) the picked files are
 * kept by handle: nothing is copied, a file of several GB is read by range (`File.slice`), and
 * after a reload the browser asks again for permission. Without it, the file input gives a File
 * that lives only as long as the page, so a file up to 256 MiB is copied into IndexedDB and a
 * larger one is refused with the reason.
 */
export async function pickBackgroundFiles(): Promise<PickedBackgroundFile[]> {
  const show = globalThis.window?.showOpenFilePicker?.bind(window);
  const picked: Picked[] = show
    ? await pickWithHandles(show)
    : (await chooseWithInput(allExtensions.map((e) => `.${e}`).join(','))).map((file) => ({
        name: file.name,
        file,
        handle: null,
      }));
  const result: PickedBackgroundFile[] = [];
  for (const { main, sidecars } of groupBackgroundFiles(picked)) {
    const texts: Record<string, string> = {};
    for (const { ext, file } of sidecars) {
      if (file.file.size <= MAX_SIDECAR_BYTES) texts[ext] = await file.file.text();
    }
    result.push({
      name: main.name,
      size: main.file.size,
      mtimeMs: main.file.lastModified,
      access: accessOf(main),
      bytes: { blob: main.file },
      sidecars: texts,
    });
  }
  return result;
}

/**
 * A background's bytes after a reload: a copy is there at once; a handle needs the browser's read
 * permission, asked for only when `ask` (inside the planner's click, which the browser requires).
 * A file moved or deleted since is `missing`; a desktop grant means nothing in a browser.
 */
export async function backgroundBytes(
  access: BackgroundAccess,
  { ask }: { ask: boolean },
): Promise<BackgroundBytes> {
  if ('copy' in access) return { blob: access.copy };
  if ('grant' in access) return { missing: true };
  const { handle } = access;
  const mode = { mode: 'read' as const };
  let permission = (await handle.queryPermission?.(mode)) ?? 'granted';
  if (permission === 'prompt' && ask) permission = (await handle.requestPermission?.(mode)) ?? 'denied';
  if (permission !== 'granted') return { needsPermission: true };
  try {
    return { blob: await handle.getFile() };
  } catch (error) {
    if (
      error instanceof DOMException &&
      (error.name === 'NotFoundError' || error.name === 'NotReadableError')
    )
      return { missing: true };
    throw error;
  }
}
