import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { PickedBackground } from '../../shared/ipc/contract';
import { MAX_PICKED_FILES } from '../../shared/ipc/limits';
import {
  MAX_SIDECAR_BYTES,
  sidecarExtension as sidecarOf,
  type SidecarExtension,
} from '../../shared/domain/backgroundSidecars';
import type { Lang } from './dialogText';
import type { Dialogs } from './fileCommands';
import type { GrantedFiles } from './grantedFiles';
import { readFileCapped, readError } from './readFileCapped';

export interface BackgroundPickDeps {
  dialogs: Dialogs;
  granted: GrantedFiles;
  lang(): Lang;
  startFolder(): string;
}

const TITLE: Record<Lang, string> = { zh: '添加背景文件', en: 'Add background files' };
const FILTERS: Record<Lang, { name: string; extensions: string[] }[]> = {
  zh: [
    {
      name: '影像、CAD 地形图、瓦片包',
      extensions: ['tif', 'tiff', 'jpg', 'jpeg', 'png', 'dxf', 'mbtiles', 'pmtiles'],
    },
    { name: '所有文件', extensions: ['*'] },
  ],
  en: [
    {
      name: 'Images, CAD maps, tile packages',
      extensions: ['tif', 'tiff', 'jpg', 'jpeg', 'png', 'dxf', 'mbtiles', 'pmtiles'],
    },
    { name: 'All files', extensions: ['*'] },
  ],
};

/** A name without its last extension, lower-cased: the stem sidecars share ("a.tif" → "a"). */
const stemOf = (name: string): string => name.toLowerCase().replace(/\.[^.]*$/, '');

/**
 * Asks for background files and grants each one, so the page reads it by range at
 * app://workbench/_granted/<grant>. Sidecars beside each file (same stem, any case: a.prj,
 * a.tfw/.jgw/.pgw/.wld, a.tif.aux.xml or a.aux.xml, at most MAX_SIDECAR_BYTES each) come along as text. A
 * picked sidecar of another picked file is not granted on its own.
 */
export async function pickBackgrounds(deps: BackgroundPickDeps): Promise<PickedBackground[]> {
  const lang = deps.lang();
  const paths = await deps.dialogs.chooseFiles({
    title: TITLE[lang],
    filters: FILTERS[lang],
    multiple: true,
    defaultPath: deps.startFolder(),
  });
  if (paths.length > MAX_PICKED_FILES)
    throw new Error(
      `一次最多选择 ${MAX_PICKED_FILES} 个文件。/ Pick at most ${MAX_PICKED_FILES} files at once.`,
    );
  const stems = new Set(paths.filter((p) => !sidecarOf(basename(p))).map((p) => stemOf(basename(p))));
  const picked: PickedBackground[] = [];
  for (const path of paths) {
    const name = basename(path);
    const ext = sidecarOf(name);
    if (ext && stems.has(stemOf(name.slice(0, -ext.length - 1)))) continue;
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw readError(error, name);
    }
    if (!info.isFile()) throw new Error(`“${name}”不是文件。/ "${name}" is not a file.`);
    const grant = await deps.granted.grant(path, info.size, info.mtimeMs);
    picked.push({
      grant: grant.id,
      name,
      size: info.size,
      mtimeMs: info.mtimeMs,
      sidecars: await readSidecars(path),
    });
  }
  return picked;
}

/** Text of the sidecars beside `path`; one that is missing, too large or unreadable is left out. */
export async function readSidecars(path: string): Promise<Partial<Record<SidecarExtension, string>>> {
  const name = basename(path).toLowerCase();
  const stem = stemOf(name);
  const entries = await readdir(dirname(path)).catch(() => [] as string[]);
  const found: Partial<Record<SidecarExtension, string>> = {};
  for (const entry of entries) {
    const lower = entry.toLowerCase();
    const ext = sidecarOf(lower);
    if (!ext) continue;
    const base = lower.slice(0, -ext.length - 1);
    // a.prj / a.tfw / a.aux.xml share the stem; a.tif.aux.xml shares the whole name.
    if (base !== stem && base !== name) continue;
    if (found[ext] !== undefined && base === stem && ext === 'aux.xml') continue;
    try {
      const bytes = await readFileCapped(join(dirname(path), entry), MAX_SIDECAR_BYTES);
      found[ext] = new TextDecoder('utf-8').decode(bytes);
    } catch {
      // An unreadable sidecar is as good as none: the CRS is asked for instead.
    }
  }
  return found;
}
