import type { ProjectDocument } from '../../shared/formats/projectDocument';
import { PROJECT_FILE_EXTENSION, readProjectFile, writeProjectFile } from '../../shared/formats/projectFile';
import type { OpenedFile } from '../../shared/ipc/contract';
import type { Platform } from '../platform/platform';
import { createProject } from './commands/projectCommands';
import type { Workbench } from './workbench';
import type { OpenFile } from './editorState';

export const GENERATOR = 'Heritage Zone Workbench 0.1.0';
const FILTERS = [{ name: '文物保护区划项目 Heritage zone project', extensions: [PROJECT_FILE_EXTENSION] }];

/** Make a project the open one: the map, panels and undo history all follow. */
export function showProject(workbench: Workbench, projectId: string, file: OpenFile | null = null): void {
  workbench.state.set({
    projectId,
    file,
    selection: { zoneIds: [], objectId: null },
    tool: 'select',
    gesture: null,
  });
}

/** Store a whole document as a new project and open it. Resolves to its id, or null if refused. */
export async function createAndShowProject(
  workbench: Workbench,
  document: ProjectDocument,
  file: OpenFile | null = null,
): Promise<string | null> {
  const command = createProject(document);
  try {
    await workbench.store.commit({ projectId: command.id, ...command });
  } catch (error) {
    workbench.reportError(error);
    return null;
  }
  showProject(workbench, command.id, file);
  return command.id;
}

export async function newProject(workbench: Workbench): Promise<void> {
  const current = workbench.state.get().projectId;
  const gkZone = current ? ((await workbench.store.read.project(current))?.settings.gkZone ?? 28) : 28;
  const name = workbench.state.get().lang === 'zh' ? '未命名项目' : 'Untitled project';
  await createAndShowProject(workbench, { settings: { name, gkZone }, objects: [], zones: [] });
}

/** Open a project file as a new project; a damaged or newer file changes nothing in the store. */
export async function openProjectFile(workbench: Workbench, file: OpenedFile): Promise<void> {
  let document: ProjectDocument;
  try {
    document = readProjectFile(file.bytes, file.name);
  } catch (error) {
    workbench.reportError(error);
    return;
  }
  await createAndShowProject(workbench, document, { handle: file.handle, name: file.name });
}

/** The open project as a document (what a project file or an export holds). */
export async function currentDocument(workbench: Workbench): Promise<ProjectDocument> {
  const projectId = workbench.projectId;
  const read = workbench.store.read;
  const [project, objects, zones] = await Promise.all([
    read.project(projectId),
    read.objectsOfProject(projectId),
    read.zonesOfProject(projectId),
  ]);
  if (!project) throw new Error('the open project is missing from the store');
  return {
    settings: project.settings,
    objects: objects.map(({ projectId: _p, ...object }) => object),
    zones: zones.map(({ projectId: _p, ...zone }) => zone),
  };
}

export async function saveProjectFile(
  workbench: Workbench,
  platform: Platform,
  saveAs: boolean,
): Promise<void> {
  try {
    const document = await currentDocument(workbench);
    const file = workbench.state.get().file;
    const saved = await platform.saveProject({
      handle: saveAs ? null : (file?.handle ?? null),
      suggestedName: file?.name ?? `${document.settings.name}.${PROJECT_FILE_EXTENSION}`,
      bytes: writeProjectFile(document, GENERATOR),
      filters: FILTERS,
    });
    if (!saved) return;
    workbench.state.set({ file: { handle: saved.handle, name: saved.name } });
    workbench.notify('info', { zh: `已保存 ${saved.name}`, en: `Saved ${saved.name}` });
  } catch (error) {
    workbench.reportError(error);
  }
}

export async function pickAndOpenProject(workbench: Workbench, platform: Platform): Promise<void> {
  const file = await platform.openProject();
  if (file) await openProjectFile(workbench, file);
}
