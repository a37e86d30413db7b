import { z } from 'zod';
import { describeIssues } from '../domain/messages';
import { ObjectAttributesSchema, ProjectSettingsSchema, ZoneAttributesSchema } from '../domain/schema';
import { ZoneGeometrySchema } from '../domain/geometry';
import { polygonProblemMessage, validateGeometry } from '../geometry/validatePolygon';
import { FormatError, fileProblem, type InputProblem } from './formatError';
import type { ProjectDocument } from './projectDocument';
import { NOTHING_CARRIED, type CarriedContent } from './projectFileCarried';
import type { ProjectFileBackgrounds } from './projectFileBackgrounds';
import { NO_REVIEW, type FileVersion, type ReviewContent } from '../review/model';

/**
 * What every version of the project file holds, checked the same way whatever the container
 * (v1 JSON, v2 GeoPackage): records, review comments and references between them.
 */
export const PROJECT_FILE_FORMAT = 'heritage-zone-workbench-project';
export const PROJECT_FILE_VERSION = 3;

const timestamp = z.string().datetime();
const id = z.string().min(1).max(64);

export const ObjectRecordSchema = z.object({
  id,
  attributes: ObjectAttributesSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const ZoneRecordSchema = z.object({
  id,
  objectId: id,
  attributes: ZoneAttributesSchema,
  geometry: ZoneGeometrySchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});
const CommentTargetSchema = z.object({ kind: z.enum(['project', 'object', 'zone']), id: id.nullable() });
/**
 * A reviewer's remark on the project, an object or a zone (target id null for the project). Loose:
 * fields a newer version adds are kept and written back. `detachedFrom` is where a comment pointed
 * before its object or zone was deleted (it then points at the project).
 */
export const ReviewCommentSchema = z.looseObject({
  id,
  target: CommentTargetSchema,
  author: z.string().max(200),
  text: z.string().min(1).max(10_000),
  createdAt: timestamp,
  resolved: z.boolean().default(false),
  detachedFrom: CommentTargetSchema.optional(),
});
export type ReviewComment = z.output<typeof ReviewCommentSchema>;

export const ContentSchema = z.object({
  project: z.object({ settings: ProjectSettingsSchema }),
  objects: z.array(ObjectRecordSchema),
  zones: z.array(ZoneRecordSchema),
  comments: z.array(ReviewCommentSchema).default([]),
});
export type FileContent = z.output<typeof ContentSchema>;

/** When and by what a file was saved, and how many undo steps its project had then. */
export interface SavedInfo {
  version: number;
  savedAt: string | null;
  generator: string | null;
  editCount: number | null;
  /** Random id of the app installation that saved the file (v1 files: null). */
  installation: string | null;
  /** The project's lineage uid (version 3; null before): a review merges only into its project. */
  projectUid: string | null;
}

/**
 * A project file as read: the document plus the review records, named versions and save metadata
 * it carries, and what it holds that this version does not understand (written back on save).
 * Review comments of version 1 and 2 files come as thread entries (migrated on read).
 */
export interface ProjectFileContent extends ProjectDocument {
  review: ReviewContent;
  versions: FileVersion[];
  saved: SavedInfo;
  carried: CarriedContent;
  /** Backgrounds and layer-list settings (version 2 files; absent from version 1). */
  backgrounds?: ProjectFileBackgrounds;
}

/**
 * Comments as they can be written with this document: one whose object or zone no longer exists
 * moves to the project and remembers where it was, so the remark is kept and the file stays valid.
 */
export function anchorComments(
  document: ProjectDocument,
  comments: readonly ReviewComment[],
): ReviewComment[] {
  const ids = {
    object: new Set(document.objects.map((o) => o.id)),
    zone: new Set(document.zones.map((z) => z.id)),
  };
  return comments.map((c) => {
    const { kind, id: target } = c.target;
    if (kind === 'project' || ids[kind].has(target ?? '')) return c;
    return { ...c, target: { kind: 'project', id: null }, detachedFrom: c.target };
  });
}

export function notProjectFile(fileName: string): FormatError {
  return new FormatError(fileName, [
    fileProblem('format', {
      zh: '不是文物保护区划工作台项目文件',
      en: 'Not a Heritage Zone Workbench project file',
    }),
  ]);
}

export function newerVersion(fileName: string, version: number): FormatError {
  return new FormatError(fileName, [
    fileProblem('version', {
      zh: `项目文件版本 ${version} 比本程序支持的版本 ${PROJECT_FILE_VERSION} 新，请升级后再打开`,
      en: `Project file version ${version} is newer than this app supports (${PROJECT_FILE_VERSION}); please update the app`,
    }),
  ]);
}

/** Checked content, with a version 1 or 2 file's comments still in their old form. */
export interface CheckedContent extends ProjectFileContent {
  legacyComments: ReviewComment[];
}

/** Validate the records and their references; throws a FormatError listing up to 50 problems. */
export function checkContent(fileName: string, raw: unknown, saved: SavedInfo): CheckedContent {
  const parsed = ContentSchema.safeParse(raw);
  if (!parsed.success) {
    const zh = describeIssues(parsed.error, 'zh');
    const en = describeIssues(parsed.error, 'en');
    throw new FormatError(
      fileName,
      zh.slice(0, 50).map((p, i) => {
        // A vertex is named in words ("ring 1, vertex 3"), the record by its path up to the geometry.
        const field = p.place ? p.path.replace(/\.coordinates(\.\d+)*$/, '') : p.path;
        const enMessage = en[i]?.message ?? p.message;
        return fileProblem(field, {
          zh: p.place ? `${p.place}：${p.message}` : p.message,
          en: en[i]?.place ? `${en[i]!.place}: ${enMessage}` : enMessage,
        });
      }),
    );
  }
  const content = parsed.data;
  const problems = referenceProblems(content);
  if (problems.length) throw new FormatError(fileName, problems);
  return {
    settings: content.project.settings,
    objects: content.objects,
    zones: content.zones,
    review: NO_REVIEW,
    versions: [],
    legacyComments: content.comments,
    saved,
    carried: NOTHING_CARRIED,
  };
}

function duplicate(field: string, index: number, value: string): InputProblem {
  return { index, field, reason: { zh: `重复的编号 ${value}`, en: `Duplicate id ${value}` } };
}

function referenceProblems(file: FileContent): InputProblem[] {
  const problems: InputProblem[] = [];
  const objectIds = new Set(file.objects.map((o) => o.id));
  const seen = new Set<string>();
  file.objects.forEach((o, index) => {
    if (seen.has(o.id)) problems.push(duplicate('objects.id', index, o.id));
    seen.add(o.id);
  });
  file.zones.forEach((zone, index) => {
    if (seen.has(zone.id)) problems.push(duplicate('zones.id', index, zone.id));
    seen.add(zone.id);
    if (!objectIds.has(zone.objectId)) {
      problems.push({
        index,
        field: 'zones.objectId',
        reason: {
          zh: `区划引用了不存在的保护对象 ${zone.objectId}`,
          en: `Zone refers to a missing object ${zone.objectId}`,
        },
      });
    }
    for (const error of validateGeometry(zone.geometry).errors.slice(0, 3)) {
      problems.push({ index, field: 'zones.geometry', reason: polygonProblemMessage(error) });
    }
  });
  const zoneIds = new Set(file.zones.map((z) => z.id));
  const commentIds = new Set<string>();
  file.comments.forEach((c, index) => {
    if (commentIds.has(c.id)) problems.push(duplicate('comments.id', index, c.id));
    commentIds.add(c.id);
    const { kind, id: target } = c.target;
    const exists =
      kind === 'project' ? target === null : (kind === 'zone' ? zoneIds : objectIds).has(target ?? '');
    if (!exists) {
      problems.push({
        index,
        field: 'comments.target',
        reason: {
          zh: `审阅意见指向不存在的${kind === 'zone' ? '区划' : kind === 'object' ? '保护对象' : '项目'} ${target ?? ''}`,
          en: `Review comment points at a missing ${kind} ${target ?? ''}`,
        },
      });
    }
  });
  return problems.slice(0, 50);
}
