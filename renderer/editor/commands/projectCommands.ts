import type { DatumShift } from '../../../shared/crs/datumShift';
import {
  ProjectSettingsSchema,
  type Project,
  type ProjectSettingsInput,
} from '../../../shared/domain/schema';
import type { ProjectDocument } from '../../../shared/formats/projectDocument';
import { commitError } from '../../storage/commitError';
import type { FileExtras } from '../../storage/fileExtras';
import { sameRecord } from '../../storage/sameRecord';
import { documentPuts } from './documentPuts';
import { mergePatch } from './mergePatch';
import { newId, now, type Command } from './command';
import type { OutsideWrite } from '../../storage/outsideHistory';
import { reviewOutside, reviewPuts, type ProjectReview } from '../review/projectReview';

/**
 * Create a project with its content in one transaction (a new project, an opened file, the
 * sample). Not an undo step: history belongs to a project and nothing precedes its creation.
 * What its file carried besides the document (`extras`) is kept with it, added columns following
 * the ids their objects and zones get in the store (`idMap` records the ids that changed). The
 * file's review records, named versions and lineage (`review`) come in the same transaction.
 */
export function createProject(
  document: ProjectDocument,
  projectId = newId(),
  extras?: FileExtras,
  review?: ProjectReview,
): Command & { id: string; extras?: () => FileExtras; outside?: () => OutsideWrite[] } {
  const ids = new Map<string, string>();
  return {
    id: projectId,
    label: { zh: '新建项目', en: 'New project' },
    undo: 'skip',
    ...(extras && { extras: () => followIds(extras, ids) }),
    ...(review && { outside: () => reviewOutside(projectId, review, ids) }),
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
        ...(review ? reviewPuts(projectId, review.review) : []),
      ];
    },
  };
}

/**
 * The file's extras stay in document ids (columns added to the zone and object tables are keyed
 * by the ids the file is saved with); `idMap` records each id the store changed (store id →
 * document id), so saving, hashing and merging can speak the file's ids.
 */
function followIds(extras: FileExtras, ids: Map<string, string>): FileExtras {
  const changed = [...ids].filter(([doc, store]) => doc !== store);
  const { idMap: _previous, ...rest } = extras;
  return changed.length
    ? { ...rest, idMap: Object.fromEntries(changed.map(([doc, store]) => [store, doc])) }
    : rest;
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
