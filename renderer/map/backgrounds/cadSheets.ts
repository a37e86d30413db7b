import type { Background, BackgroundCrs } from '../../../shared/domain/backgrounds';
import type { CadSheetOutput } from '../../../shared/formats/dxf/cadSheet';
import { runJob, type JobOptions } from '../../jobs/runJob';
import type { BackgroundBytes } from './backgroundFactory';
import { BackgroundRefused } from './backgroundFactory';

/**
 * Reading CAD sheets in the job worker, with the last two sheets kept: the header inspection
 * reads the whole drawing once, and the layer made right after (or remade when the planner
 * switches a CAD layer) takes the same packed sheet instead of parsing the file again.
 */
interface Kept {
  key: string;
  requested: string;
  sheet: Promise<CadSheetOutput>;
}
const kept: Kept[] = [];
const KEEP = 2;

export interface CadFile {
  name: string;
  size: number;
  mtimeMs?: number;
}

const crsText = (crs: BackgroundCrs | undefined): string =>
  !crs ? '' : 'epsg' in crs ? String(crs.epsg) : crs.definition;

export async function bytesOf(name: string, bytes: BackgroundBytes): Promise<Uint8Array> {
  if ('blob' in bytes) return new Uint8Array(await bytes.blob.arrayBuffer());
  if ('url' in bytes) {
    const response = await fetch(bytes.url);
    if (!response.ok)
      throw new BackgroundRefused(name, {
        zh: `无法读取文件（HTTP ${response.status}）`,
        en: `The file cannot be read (HTTP ${response.status})`,
      });
    return new Uint8Array(await response.arrayBuffer());
  }
  throw new BackgroundRefused(name, { zh: '文件当前无法访问', en: 'The file cannot be reached now' });
}

/**
 * The sheet of a file, read with this CRS (absent: decided from the numbers) and encoding. A
 * sheet read without a CRS serves a later request for the CRS it was placed in.
 */
export function readSheet(
  file: CadFile,
  options: { crs?: BackgroundCrs; encoding?: string },
  bytes: () => Promise<BackgroundBytes>,
  job: JobOptions = {},
): Promise<CadSheetOutput> {
  const key = `${file.name}|${file.size}|${file.mtimeMs ?? ''}|${options.encoding ?? ''}`;
  const requested = crsText(options.crs);
  const hit = kept.find((k) => k.key === key && (k.requested === requested || requested === ''));
  if (hit) return hit.sheet;
  const sheet = (async () => {
    const data = await bytesOf(file.name, await bytes());
    const crs = options.crs ? ('epsg' in options.crs ? options.crs.epsg : options.crs.definition) : undefined;
    return runJob(
      'readCadSheet',
      {
        name: file.name,
        bytes: data,
        ...(crs !== undefined ? { crs } : {}),
        ...(options.encoding ? { encoding: options.encoding } : {}),
      },
      job,
    );
  })();
  const entry: Kept = { key, requested, sheet };
  kept.unshift(entry);
  kept.length = Math.min(kept.length, KEEP);
  // A failed read is not kept: the next try reads the file again.
  sheet.then(
    (out) => {
      if (!requested && out.crs.epsg) kept.push({ key, requested: String(out.crs.epsg), sheet });
      kept.length = Math.min(kept.length, KEEP + 1);
    },
    () => kept.splice(kept.indexOf(entry) >>> 0, 1),
  );
  return sheet;
}

/** Which CAD layers a background shows (all, unless its record switched some off), by sheet layer. */
export function visibleLayers(background: Background, layerNames: readonly string[]): boolean[] {
  const source = background.source;
  const off = new Set(
    source.kind === 'cad' ? (source.cadLayers ?? []).filter((l) => !l.visible).map((l) => l.name) : [],
  );
  return layerNames.map((name) => !off.has(name));
}
