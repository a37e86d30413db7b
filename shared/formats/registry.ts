import type { Bilingual } from '../domain/labels';
import { coordinateTableAdapter } from './coordinateTable/adapter';
import { dxfAdapter } from './dxf/dxfAdapter';
import { refuseNonFinite } from './finiteCoordinates';
import { FormatError, fileProblem } from './formatError';
import { geojsonAdapter } from './geojson/geojsonLayer';
import { geopackageAdapter } from './geopackage/adapter';
import { kmlAdapter } from './kml/kmlAdapter';
import type { Layer, NamedBytes, Progress, ReadOptions, ReadResult, WriteOptions } from './layer';
import { PROJECT_FILE_EXTENSION, readProjectFile } from './projectFile';
import { shapefileAdapter } from './shapefile/shapefileAdapter';
import { isLongTextFile } from './shapefile/longText';
import type { ProjectDocument } from './projectDocument';
import { readUnits, unknownFormat } from './registryUnits';

/**
 * Every file format behind one list. Adapters may be synchronous (FormatAdapter in layer.ts) or
 * asynchronous (WebAssembly-backed GeoPackage); callers always await. How an input splits into
 * units (zips opened, side files of downloads ignored): registryUnits.ts.
 */
export interface RegisteredAdapter {
  id: string;
  label: Bilingual;
  extensions: readonly string[];
  read?(
    files: readonly NamedBytes[],
    options: ReadOptions,
    progress: Progress,
  ): ReadResult | Promise<ReadResult>;
  write?(
    layers: readonly Layer[],
    options: WriteOptions,
    progress: Progress,
  ): NamedBytes[] | Promise<NamedBytes[]>;
}

export const ADAPTERS: readonly RegisteredAdapter[] = [
  geojsonAdapter,
  shapefileAdapter,
  geopackageAdapter,
  kmlAdapter,
  dxfAdapter,
  coordinateTableAdapter,
];

/** Largest input accepted (all files of one import together); larger input is refused unread. */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

/** The parts of a shapefile set, read together by base name. */
export const SHAPEFILE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg', 'qix', 'sbn', 'sbx', 'xml'] as const;

const extensionOf = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

export function adapterById(id: string): RegisteredAdapter | null {
  return ADAPTERS.find((a) => a.id === id) ?? null;
}

/**
 * The format of a file from its name: an adapter id, 'project' for .hzw, 'zip' for a .zip (a
 * shapefile set or anything else inside), or null.
 */
export function formatForFileName(name: string): string | null {
  const ext = extensionOf(name);
  if (ext === PROJECT_FILE_EXTENSION) return 'project';
  if (ext === 'zip') return 'zip';
  if ((SHAPEFILE_PARTS as readonly string[]).includes(ext)) return 'shapefile';
  // `<base>_long.csv` holds the whole long texts of `<base>.dbf` (shapefile/longText.ts).
  if (isLongTextFile(name)) return 'shapefile';
  return ADAPTERS.find((a) => a.id !== 'shapefile' && a.extensions.includes(ext))?.id ?? null;
}

/** One readable unit of the input: a file, a shapefile set, or a project file. */
export type FileRead =
  | { kind: 'layers'; fileName: string; format: string; result: ReadResult }
  | { kind: 'project'; fileName: string; document: ProjectDocument };

/**
 * Read every unit of the input. Sizes are checked first; any FormatError refuses the whole input.
 */
export async function readFiles(
  files: readonly NamedBytes[],
  options: ReadOptions & Record<string, unknown>,
  progress: Progress = () => {},
): Promise<FileRead[]> {
  const size = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (size > MAX_IMPORT_BYTES) {
    const mb = MAX_IMPORT_BYTES / 1024 / 1024;
    throw new FormatError(files.map((f) => f.name).join(', '), [
      fileProblem('file', { zh: `输入超过 ${mb} MB 上限`, en: `The input exceeds the ${mb} MB limit` }),
    ]);
  }
  const list = readUnits(files, formatForFileName);
  const reads: FileRead[] = [];
  for (const [i, unit] of list.entries()) {
    const step: Progress = (f) => progress((i + f) / list.length);
    const fileName = unit.files.find((f) => /\.(shp)$/i.test(f.name))?.name ?? unit.files[0]!.name;
    if (unit.format === 'project') {
      const file = unit.files[0]!;
      reads.push({ kind: 'project', fileName, document: await readProjectFile(file.bytes, file.name) });
      continue;
    }
    const adapter = adapterById(unit.format);
    if (!adapter?.read) throw unknownFormat(fileName);
    const result = refuseNonFinite(await adapter.read(unit.files, options, step));
    result.info.warnings.push(...(unit.notes ?? []));
    reads.push({ kind: 'layers', fileName, format: adapter.id, result });
  }
  progress(1);
  return reads;
}
