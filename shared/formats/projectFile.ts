import { z } from 'zod';
import { describeIssues } from '../domain/messages';
import { ObjectAttributesSchema, ProjectSettingsSchema, ZoneAttributesSchema } from '../domain/schema';
import { ZoneGeometrySchema } from '../domain/geometry';
import { polygonProblemMessage, validateGeometry } from '../geometry/validatePolygon';
import { FormatError, fileProblem, type InputProblem } from './formatError';
import type { ProjectDocument } from './projectDocument';
import { parseJson } from './safeJson';

/**
 * The project file (`.hzw`), version 1: one UTF-8 JSON document holding a whole project —
 * settings, objects, zones (geometry in lon/lat, CGCS2000) and review comments. Documented in
 * docs/formats.md. Readers refuse files from newer versions instead of guessing.
 */
export const PROJECT_FILE_FORMAT = 'heritage-zone-workbench-project';
export const PROJECT_FILE_VERSION = 1;
export const PROJECT_FILE_EXTENSION = 'hzw';

const timestamp = z.string().datetime();
const FileSchema = z.object({
  format: z.literal(PROJECT_FILE_FORMAT),
  version: z.number().int().min(1),
  savedAt: timestamp,
  generator: z.string(),
  project: z.object({ settings: ProjectSettingsSchema }),
  objects: z.array(
    z.object({
      id: z.string().min(1).max(64),
      attributes: ObjectAttributesSchema,
      createdAt: timestamp,
      updatedAt: timestamp,
    }),
  ),
  zones: z.array(
    z.object({
      id: z.string().min(1).max(64),
      objectId: z.string().min(1).max(64),
      attributes: ZoneAttributesSchema,
      geometry: ZoneGeometrySchema,
      createdAt: timestamp,
      updatedAt: timestamp,
    }),
  ),
  comments: z.array(z.unknown()).default([]),
});
export type ProjectFile = z.output<typeof FileSchema>;

export function writeProjectFile(
  document: ProjectDocument,
  generator: string,
  savedAt = new Date(),
): Uint8Array {
  const file: ProjectFile = {
    format: PROJECT_FILE_FORMAT,
    version: PROJECT_FILE_VERSION,
    savedAt: savedAt.toISOString(),
    generator,
    project: { settings: ProjectSettingsSchema.parse(document.settings) },
    objects: document.objects,
    zones: document.zones,
    comments: [],
  };
  return new TextEncoder().encode(JSON.stringify(file, null, 1));
}

/** Read a project file, or throw a FormatError naming every problem; never returns half a project. */
export function readProjectFile(bytes: Uint8Array, fileName: string): ProjectDocument {
  const json = parseJson(bytes);
  if (!json.ok) throw new FormatError(fileName, [fileProblem('', json.reason)]);
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(json.value);
  if (!head.success || head.data.format !== PROJECT_FILE_FORMAT) {
    throw new FormatError(fileName, [
      fileProblem('format', {
        zh: '不是文物保护区划工作台项目文件',
        en: 'Not a Heritage Zone Workbench project file',
      }),
    ]);
  }
  if (head.data.version > PROJECT_FILE_VERSION) {
    throw new FormatError(fileName, [
      fileProblem('version', {
        zh: `项目文件版本 ${head.data.version} 比本程序支持的版本 ${PROJECT_FILE_VERSION} 新，请升级后再打开`,
        en: `Project file version ${head.data.version} is newer than this app supports (${PROJECT_FILE_VERSION}); please update the app`,
      }),
    ]);
  }
  const parsed = FileSchema.safeParse(json.value);
  if (!parsed.success) {
    const zh = describeIssues(parsed.error, 'zh');
    const en = describeIssues(parsed.error, 'en');
    throw new FormatError(
      fileName,
      zh.slice(0, 50).map((p, i) => fileProblem(p.path, { zh: p.message, en: en[i]?.message ?? p.message })),
    );
  }
  const file = parsed.data;
  const problems = referenceProblems(file);
  if (problems.length) throw new FormatError(fileName, problems);
  return { settings: file.project.settings, objects: file.objects, zones: file.zones };
}

function referenceProblems(file: ProjectFile): InputProblem[] {
  const problems: InputProblem[] = [];
  const objectIds = new Set(file.objects.map((o) => o.id));
  const seen = new Set<string>();
  file.objects.forEach((o, index) => {
    if (seen.has(o.id))
      problems.push({
        index,
        field: 'objects.id',
        reason: { zh: `重复的编号 ${o.id}`, en: `Duplicate id ${o.id}` },
      });
    seen.add(o.id);
  });
  file.zones.forEach((zone, index) => {
    if (seen.has(zone.id)) {
      problems.push({
        index,
        field: 'zones.id',
        reason: { zh: `重复的编号 ${zone.id}`, en: `Duplicate id ${zone.id}` },
      });
    }
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
  return problems.slice(0, 50);
}
