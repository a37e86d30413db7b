import type { ProjectDocument } from '../../shared/formats/projectDocument';
import {
  PROJECT_FILE_EXTENSION,
  type ProjectFileContent,
  type ProjectFileWriteOptions,
} from '../../shared/formats/projectFile';
import type { OpenedFile } from '../../shared/ipc/contract';
import type { Platform } from '../platform/platform';
import type { Store } from '../storage/store';
import type { FileExtras } from '../storage/fileExtras';
import { createProject } from './commands/projectCommands';
import type { Workbench } from './workbench';
import type { OpenFile } from './editorState';
import { withJob } from './transferJob';
import { opensForReview, rememberSaved } from './fileTrust';
import { backgroundsForFile, restoreBackgrounds } from './projectBackgrounds';
import { projectReview, toDocument, type ProjectReview } from './review/projectReview';

export const GENERATOR = 'Heritage Zone Workbench 0.1.0';
const FILTERS = [{ name: '文物保护区划项目 Heritage zone project', extensions: [PROJECT_FILE_EXTENSION] }];

/** Make a project the open one: the map, panels and undo history all follow. */
export function showProject(
  workbench: Workbench,
  projectId: string,
  file: OpenFile | null = null,
  readOnly?: boolean,
): void {
  workbench.state.set({
    projectId,
    file,
    selection: { zoneIds: [], objectId: null },
    tool: 'select',
    gesture: null,
    // A sketch belongs to the project it was drawn in.
    keptSketch: null,
    readOnly: readOnly ?? false,
  });
  if (readOnly !== undefined) return;
  // Whether it is a review copy is stored with the project (the store refuses writes meanwhile).
  void workbench.store.read.readOnly(projectId).then(
    (readOnly) => workbench.state.get().projectId === projectId && workbench.state.set({ readOnly }),
    (error: unknown) => workbench.reportError(error),
  );
}

/** Store a whole document as a new project and open it. Resolves to its id, or null if refused. */
export async function createAndShowProject(
  workbench: Workbench,
  document: ProjectDocument,
  file: OpenFile | null = null,
  readOnly = false,
  extras?: FileExtras,
  review?: ProjectReview,
): Promise<string | null> {
  const command = createProject(document, undefined, extras, review);
  try {
    await workbench.store.commit({ projectId: command.id, ...command, readOnly });
  } catch (error) {
    workbench.reportError(error);
    return null;
  }
  showProject(workbench, command.id, file, readOnly);
  return command.id;
}

export async function newProject(workbench: Workbench): Promise<void> {
  const current = workbench.state.get().projectId;
  const gkZone = current ? ((await workbench.store.read.project(current))?.settings.gkZone ?? 28) : 28;
  const name = workbench.state.get().lang === 'zh' ? '未命名项目' : 'Untitled project';
  await createAndShowProject(workbench, { settings: { name, gkZone }, objects: [], zones: [] });
}

/**
 * This installation's random id, written into every file it saves as `saved_by`: provenance
 * only. Whether a file opens editable is decided by fileTrust.ts from the bytes, never by this.
 */
export async function installationId(store: Store): Promise<string> {
  const stored = await store.readPreference('installation');
  if (stored) return stored;
  const id = crypto.randomUUID();
  await store.writePreference('installation', id);
  return id;
}

/**
 * Open a project file as a new project (parsed in a worker). Every file this installation did not
 * save byte for byte becomes a read-only review copy (fileTrust.ts). A damaged or newer file
 * changes nothing in the store.
 */
export async function openProjectFile(workbench: Workbench, file: OpenedFile): Promise<void> {
  // Decided on the bytes as received, before anything else sees them.
  const review = await opensForReview(workbench.store, file.bytes);
  const label = { zh: `正在打开 ${file.name}`, en: `Opening ${file.name}` };
  const content = await withJob(workbench, label, 'readProject', { name: file.name, bytes: file.bytes });
  if (!content) return;
  const id = await createFromFile(workbench, content, { handle: file.handle, name: file.name }, review);
  // Backgrounds come as descriptions: listed as missing until their files are located here.
  if (id && content.backgrounds)
    await restoreBackgrounds(workbench.store, id, content.backgrounds).catch((e: unknown) =>
      workbench.reportError(e),
    );
  if (id && review) {
    workbench.notify('info', {
      zh: `${file.name} 以审阅模式（只读）打开`,
      en: `${file.name} opened in review mode (read-only)`,
    });
  }
}

/**
 * A read project file as a new project, shown: the document, and in the same transaction its
 * review records, versions and lineage (a version 2 file has none: the new project's own id is
 * its lineage from now on) and what else the file carried.
 */
export function createFromFile(
  workbench: Workbench,
  content: ProjectFileContent,
  opened: OpenFile | null,
  readOnly: boolean,
): Promise<string | null> {
  const { review, versions, saved, carried } = content;
  const extras = { comments: [], carried };
  return createAndShowProject(workbench, content, opened, readOnly, extras, {
    review,
    versions,
    lineage: saved.projectUid,
  });
}

/**
 * Turn the open review copy into a normal project: a new project (new id, no file yet) holding
 * the same content, so the reviewed copy stays as it was received.
 */
export async function makeWorkingCopy(workbench: Workbench): Promise<void> {
  const document = await currentDocument(workbench);
  // The review records, versions, lineage and whatever else the file carried go with the copy.
  const extras = (await workbench.store.read.fileExtras(workbench.projectId)) ?? undefined;
  const review = await projectReview(workbench.store.read, workbench.projectId);
  const suffix = workbench.state.get().lang === 'zh' ? '（工作副本）' : ' (working copy)';
  const name = `${document.settings.name}${suffix}`.slice(0, 200);
  const copy = { ...document, settings: { ...document.settings, name } };
  const original = workbench.projectId;
  const id = await createAndShowProject(workbench, copy, null, false, extras, review);
  // The copy shows the same backgrounds, reaching the same files.
  if (id) {
    const store = workbench.store;
    const backgrounds = await backgroundsForFile(store, original);
    await restoreBackgrounds(store, id, backgrounds, (b) => store.backgrounds.access(b.id)).catch(
      (e: unknown) => workbench.reportError(e),
    );
  }
  if (id)
    workbench.notify('info', {
      zh: `已制作工作副本“${name}”，可以编辑`,
      en: `Made the working copy “${name}”; it can be edited`,
    });
}

/**
 * The open project as a document (what a project file or an export holds), in document ids: the
 * ids its file gave the records, where the store had to give others (FileExtras.idMap).
 */
export async function currentDocument(workbench: Workbench): Promise<ProjectDocument> {
  const projectId = workbench.projectId;
  const read = workbench.store.read;
  const [project, objects, zones, extras] = await Promise.all([
    read.project(projectId),
    read.objectsOfProject(projectId),
    read.zonesOfProject(projectId),
    read.fileExtras(projectId),
  ]);
  if (!project) throw new Error('the open project is missing from the store');
  const doc = toDocument(extras?.idMap);
  const supersedes = (id: string | null) => (id === null ? null : doc(id));
  return {
    settings: project.settings,
    objects: objects.map(({ projectId: _p, ...object }) => ({ ...object, id: doc(object.id) })),
    zones: zones.map(({ projectId: _p, ...zone }) => ({
      ...zone,
      id: doc(zone.id),
      objectId: doc(zone.objectId),
      attributes: extras?.idMap
        ? { ...zone.attributes, supersedesId: supersedes(zone.attributes.supersedesId) }
        : zone.attributes,
    })),
  };
}

/** What the open project's file holds: the document and review records in document ids. */
export async function projectFileInput(
  workbench: Workbench,
): Promise<{ document: ProjectDocument; options: ProjectFileWriteOptions }> {
  const { store, projectId } = workbench;
  const [document, extras, { review, versions, lineage }] = await Promise.all([
    currentDocument(workbench),
    store.read.fileExtras(projectId),
    projectReview(store.read, projectId),
  ]);
  const options: ProjectFileWriteOptions = {
    generator: GENERATOR,
    installation: await installationId(store),
    editCount: await store.read.editCount(projectId),
    review,
    versions,
    projectUid: lineage ?? projectId,
    carried: extras?.carried,
    backgrounds: await backgroundsForFile(store, projectId),
  };
  return { document, options };
}

export async function saveProjectFile(
  workbench: Workbench,
  platform: Platform,
  saveAs: boolean,
): Promise<void> {
  try {
    const { file, readOnly: review } = workbench.state.get();
    const { document, options } = await projectFileInput(workbench);
    const label = { zh: '正在保存项目文件', en: 'Saving the project file' };
    const bytes = await withJob(workbench, label, 'writeProject', { document, options });
    if (!bytes) return;
    const saved = await platform.saveProject({
      // A review copy never writes over the file it was opened from.
      handle: saveAs || review ? null : (file?.handle ?? null),
      suggestedName: file?.name ?? `${document.settings.name}.${PROJECT_FILE_EXTENSION}`,
      bytes,
      filters: FILTERS,
    });
    if (!saved) return;
    // A saved review copy stays someone else's file: it opens as a review copy again.
    if (!review) await rememberSaved(workbench.store, bytes);
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
