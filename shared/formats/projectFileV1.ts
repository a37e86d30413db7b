import { z } from 'zod';
import { migrateLegacyComments } from '../review/legacyDocumentComments';
import { FormatError, fileProblem } from './formatError';
import {
  PROJECT_FILE_FORMAT,
  PROJECT_FILE_VERSION,
  checkContent,
  newerVersion,
  notProjectFile,
  type ProjectFileContent,
} from './projectFileSchema';
import { parseJson } from './safeJson';

/**
 * Version 1 of the project file: one UTF-8 JSON document (`format`, `version`, `savedAt`,
 * `generator`, `project`, `objects`, `zones`, `comments`). Still read; no longer written.
 */
export function readProjectFileV1(bytes: Uint8Array, fileName: string): ProjectFileContent {
  const json = parseJson(bytes);
  if (!json.ok) throw new FormatError(fileName, [fileProblem('', json.reason)]);
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(json.value);
  if (!head.success || head.data.format !== PROJECT_FILE_FORMAT) throw notProjectFile(fileName);
  // A JSON file claiming version 2+ is not one we wrote: v2 and later are GeoPackages.
  if (head.data.version > PROJECT_FILE_VERSION) throw newerVersion(fileName, head.data.version);
  if (head.data.version !== 1) throw notProjectFile(fileName);
  const meta = z.object({ savedAt: z.string().datetime(), generator: z.string() }).safeParse(json.value);
  if (!meta.success) {
    throw new FormatError(fileName, [
      fileProblem('savedAt', {
        zh: 'JSON 项目文件缺少保存时间或生成程序',
        en: 'The JSON project file lacks its save time or generator',
      }),
    ]);
  }
  const checked = checkContent(fileName, json.value, {
    version: 1,
    savedAt: meta.data.savedAt,
    generator: meta.data.generator,
    editCount: null,
    installation: null,
    projectUid: null,
  });
  return migrateLegacyComments(checked);
}
