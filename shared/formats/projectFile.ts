import type { Progress } from './layer';
import type { ProjectDocument } from './projectDocument';
import { notProjectFile, type ProjectFileContent } from './projectFileSchema';
import { readProjectFileV1 } from './projectFileV1';
import { readProjectFileV2, writeProjectFileV2, type ProjectFileWriteOptions } from './projectFileV2';
import { looksLikeSqlite } from './geopackage/sqlite';

/**
 * The project file (`.hzw`): one self-contained file holding a whole project. Version 2 (written)
 * is an OGC GeoPackage that QGIS and GDAL open directly; version 1 (read only) was one JSON
 * document. Documented in docs/formats.md. Readers refuse newer versions and damaged files as a
 * whole with a FormatError naming each problem — never half a project.
 */
export { PROJECT_FILE_FORMAT, PROJECT_FILE_VERSION } from './projectFileSchema';
export type { ProjectFileContent, ReviewComment, SavedInfo } from './projectFileSchema';
export type { ProjectFileWriteOptions } from './projectFileV2';
export const PROJECT_FILE_EXTENSION = 'hzw';

/** Write a project as a version 2 project file (a GeoPackage). */
export function writeProjectFile(
  document: ProjectDocument,
  options: ProjectFileWriteOptions,
  progress?: Progress,
): Promise<Uint8Array> {
  return writeProjectFileV2(document, options, progress);
}

/** Read a project file of any supported version, or reject with a FormatError. */
export async function readProjectFile(bytes: Uint8Array, fileName: string): Promise<ProjectFileContent> {
  if (looksLikeSqlite(bytes)) return readProjectFileV2(bytes, fileName);
  const first = bytes.find(
    (b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf,
  );
  // Version 1 is JSON; anything else that is neither SQLite nor JSON is not ours.
  if (first === 0x7b || first === undefined) return readProjectFileV1(bytes, fileName);
  throw notProjectFile(fileName);
}
