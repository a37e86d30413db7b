import type { DatumShift } from '../../../shared/crs/datumShift';
import {
  ProjectSettingsSchema,
  type Project,
  type ProjectSettingsInput,
} from '../../../shared/domain/schema';
import type { ProjectDocument } from '../../../shared/formats/projectDocument';
import { commitError } from '../../storage/commitError';
import type { FileExtras } from '../../storage/fileExtras';
import type { CarriedColumn } from '../../../shared/formats/projectFileCarried';
import { sameRecord } from '../../storage/sameRecord';
import { documentPuts } from './documentPuts';
import { mergePatch } from './mergePatch';
import { newId, now, type Command } from './command';

/**
 * Create a project with its content in one transaction (a new project, an opened file, the
 * sample). Not an undo step: history belongs to a project and nothing precedes its creation.
 * What its file carried besides the document (`extras`) is kept with it, comments following the
 * ids their objects and zones get in the store.
 */
export function createProject(
  document: ProjectDocument,
  projectId = newId(),
  extras?: FileExtras,
): Command & { id: string; extras?: () => FileExtras } {
  const ids = new Map<string, string>();
  return {
    id: projectId,
    label: { zh: '新建项目', en: 'New project' },
    undo: 'skip',
    ...(extras && { extras: () => followIds(extras, ids) }),
    async build(read) {
      const at = now();
      const project: Project = {
        id: projectId,
        settings: ProjectSettingsSchema.parse(document.settings),
        createdAt: at,
        updatedAt: at,
      };
      return [
        { table: 'projects', key: projectId, value: project },
        ...(await documentPuts(read, projectId, document, ids)),
      ];
    },
  };
}

/** Comments, and columns added to the zone and object tables, follow their records' new ids. */
function followIds(extras: FileExtras, ids: Map<string, string>): FileExtras {
  const follow = <T extends { id: string | null }>(target: T): T =>
    target.id !== null && ids.has(target.id) ? { ...target, id: ids.get(target.id)! } : target;
  const comments = extras.comments.map((c) => ({
    ...c,
    target: follow(c.target),
    ...(c.detachedFrom && { detachedFrom: follow(c.detachedFrom) }),
  }));
  const columns = extras.carried.columns.map((column): CarriedColumn => {
    if (column.table !== 'hzw_zones' && column.table !== 'hzw_objects') return column;
    return { ...column, values: column.values.map(([key, cell]) => [ids.get(key) ?? key, cell]) };
  });
  return { comments, carried: { ...extras.carried, columns } };
}

export function updateProjectSettings(projectId: string, patch: Partial<ProjectSettingsInput>): Command {
  return {
    label: { zh: '修改项目设置', en: 'Edit project settings' },
    undo: 'record',
    async build(read) {
      const project = await read.project(projectId);
      if (!project)
        throw commitError(`projects/${projectId}`, { zh: '项目不存在', en: 'The project does not exist' });
      const settings = mergePatch(project.settings, patch as Record<string, unknown>);
      if (sameRecord(settings, project.settings)) return [];
      return [{ table: 'projects', key: projectId, value: { ...project, settings, updatedAt: now() } }];
    },
  };
}

/**
 * Remember the datum transformations an import used, by datum, with the project — so the next file
 * in Xian 1980 gets the same parameters. Not an undo step: undoing the import keeps the choice.
 */
export function rememberDatumShifts(projectId: string, shifts: Record<string, DatumShift>): Command {
  return {
    label: { zh: '记住基准转换参数', en: 'Remember datum transformations' },
    undo: 'skip',
    async build(read) {
      const project = await read.project(projectId);
      if (!project) return [];
      const datumShifts = { ...project.settings.datumShifts };
      for (const [key, shift] of Object.entries(shifts))
        Object.defineProperty(datumShifts, key, {
          value: shift,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      if (sameRecord(datumShifts, project.settings.datumShifts)) return [];
      const settings = { ...project.settings, datumShifts };
      return [{ table: 'projects', key: projectId, value: { ...project, settings, updatedAt: now() } }];
    },
  };
}
