import { basename, dirname, extname, join } from 'node:path';
import { exportFilter } from '../../shared/ipc/fileTypes';
import type {
  FileFilter,
  OpenedFile,
  PickedFileRef,
  PickOptions,
  ReadChunk,
  RecentFile,
  SavedFile,
  SaveRequest,
} from '../../shared/ipc/contract';
import { DIALOG_TEXT, type Lang } from './dialogText';
import type { FileHandles } from './fileHandles';
import { safeFileName, withDefaultExtension } from './fileNames';
import type { PickedFiles } from './pickedFiles';
import { errorCode } from './saveError';

/** Native dialogs, as the file commands need them (Electron's live in dialogs.ts). */
export interface Dialogs {
  /** Paths the user chose; empty when cancelled. */
  chooseFiles(options: {
    title: string;
    filters: FileFilter[];
    multiple: boolean;
    defaultPath: string;
  }): Promise<string[]>;
  /** The path to write, or null when cancelled. The dialog asks before replacing a file. */
  chooseSaveTarget(options: {
    title: string;
    filters: FileFilter[];
    defaultPath: string;
  }): Promise<string | null>;
}

export interface RecentList {
  list(): readonly string[];
  add(path: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export interface FileCommandDeps {
  dialogs: Dialogs;
  handles: FileHandles;
  /** Tokens for files picked for import, read by the renderer in chunks. */
  picked: PickedFiles;
  recent: RecentList;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  exists(path: string): Promise<boolean>;
  lang(): Lang;
  /** Where dialogs start before the user has chosen any folder (Documents). */
  startFolder(): string;
  recentChanged(): void;
}

export const PROJECT_EXTENSION = 'hzw';

/** What a save dialog needs to know of a file to write. */
type ExportTarget = Pick<SaveRequest, 'suggestedName' | 'filters'>;

/**
 * What the renderer may ask of the file system, by handle, never by path. Paths enter only
 * through a dialog, the recent list or the OS (openPath); only project files get a handle, so
 * a project save can never overwrite an imported GeoJSON.
 */
export function createFileCommands(deps: FileCommandDeps) {
  let lastFolder: string | null = null;
  const text = () => DIALOG_TEXT[deps.lang()];
  const remember = (path: string) => (lastFolder = dirname(path));
  const defaultPath = (name: string) => join(lastFolder ?? deps.startFolder(), name);

  async function touchRecent(change: () => Promise<void>): Promise<void> {
    // The file operation already succeeded; a recent list that cannot be written is not its failure.
    await change().catch((error: unknown) => console.warn('[hzw] recent list not saved:', error));
    deps.recentChanged();
  }

  async function openPath(path: string): Promise<OpenedFile> {
    const bytes = await deps.readFile(path);
    const isProject = extname(path).toLowerCase() === `.${PROJECT_EXTENSION}`;
    if (isProject) await touchRecent(() => deps.recent.add(path));
    return { name: basename(path), bytes, handle: isProject ? deps.handles.grant(path) : null };
  }

  async function writeTo(path: string, bytes: Uint8Array): Promise<void> {
    await deps.writeFile(path, bytes);
    remember(path);
  }

  /**
   * The save dialog's filter: the one the workbench's own file types define for the suggested
   * name (so a KMZ export is offered as KMZ and gets .kmz even where the dialog adds none), else
   * what the renderer sent.
   */
  function filtersFor(request: ExportTarget): FileFilter[] {
    const known = exportFilter(safeFileName(request.suggestedName), deps.lang());
    return known ? [known] : request.filters;
  }

  async function chooseTarget(request: ExportTarget, title: string): Promise<string | null> {
    const filters = filtersFor(request);
    const suggested = withDefaultExtension(safeFileName(request.suggestedName), filters);
    const chosen = await deps.dialogs.chooseSaveTarget({
      title,
      filters,
      defaultPath: defaultPath(suggested),
    });
    if (!chosen) return null;
    const completed = withDefaultExtension(chosen, filters);
    // The dialog confirmed replacing `chosen` only: never silently replace a different file.
    return completed === chosen || !(await deps.exists(completed)) ? completed : chosen;
  }

  return {
    openPath,

    /** The chosen files' names and sizes with read tokens; the bytes follow chunk by chunk. */
    async pickFiles(options: PickOptions): Promise<PickedFileRef[]> {
      const paths = await deps.dialogs.chooseFiles({
        ...options,
        defaultPath: lastFolder ?? deps.startFolder(),
      });
      if (paths[0]) remember(paths[0]);
      return deps.picked.grant(paths);
    },

    readPicked: (chunk: ReadChunk): Promise<Uint8Array> => deps.picked.read(chunk),
    releasePicked: (token: string): void => deps.picked.release(token),

    async openProject(): Promise<OpenedFile | null> {
      const filters = [{ name: text().projectFilter, extensions: [PROJECT_EXTENSION] }];
      const [path] = await deps.dialogs.chooseFiles({
        title: text().openProject,
        filters,
        multiple: false,
        defaultPath: lastFolder ?? deps.startFolder(),
      });
      if (!path) return null;
      remember(path);
      return openPath(path);
    },

    async saveProject(request: SaveRequest): Promise<SavedFile | null> {
      const known = request.handle === null ? null : deps.handles.pathOf(request.handle);
      if (request.handle !== null && known === null) throw new Error(text().unknownHandle);
      // A project is always saved as .hzw, whatever name the renderer suggested.
      const asProject = { ...request, suggestedName: projectName(request.suggestedName) };
      const path = known ?? (await chooseTarget(asProject, text().saveProject));
      if (!path) return null;
      await writeTo(path, request.bytes);
      await touchRecent(() => deps.recent.add(path));
      return { handle: deps.handles.grant(path), name: basename(path) };
    },

    /** Exports always ask where, and the renderer gets no handle to write there again. */
    async exportFile(request: SaveRequest): Promise<SavedFile | null> {
      const path = await chooseTarget(request, text().exportFile);
      if (!path) return null;
      await writeTo(path, request.bytes);
      return { handle: null, name: basename(path) };
    },

    /** Where a streamed export goes (exportStreams.ts writes it); null when cancelled. */
    async chooseExportTarget(request: ExportTarget): Promise<string | null> {
      const path = await chooseTarget(request, text().exportFile);
      if (path) remember(path);
      return path;
    },

    listRecent(): RecentFile[] {
      return deps.recent
        .list()
        .map((path) => ({ handle: deps.handles.grant(path), name: basename(path), path }));
    },

    async openRecent(handle: string): Promise<OpenedFile> {
      const path = deps.handles.pathOf(handle);
      if (path === null) throw new Error(text().unknownHandle);
      try {
        return await openPath(path);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') await touchRecent(() => deps.recent.remove(path));
        throw error;
      }
    },
  };
}

export type FileCommands = ReturnType<typeof createFileCommands>;

function projectName(suggested: string): string {
  const name = safeFileName(suggested);
  return name.toLowerCase().endsWith(`.${PROJECT_EXTENSION}`) ? name : `${name}.${PROJECT_EXTENSION}`;
}
