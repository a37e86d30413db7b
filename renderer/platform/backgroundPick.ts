import type { BackgroundKind } from '../../shared/domain/backgrounds';
import { sidecarExtension } from '../../shared/domain/backgroundSidecars';
import type { Bilingual } from '../../shared/domain/labels';

const MIB = 1024 * 1024;
/** Where a file cannot be kept by handle (no File System Access API), it is copied up to this size. */
export const MAX_BACKGROUND_COPY_BYTES = 256 * MIB;
const WORLD_FILES = ['tfw', 'tifw', 'tiffw', 'jgw', 'jpgw', 'jpegw', 'pgw', 'pngw', 'wld'];

/** Extensions of the files a background can be made from (the picker's filter). */
export const BACKGROUND_EXTENSIONS = ['tif', 'tiff', 'jpg', 'jpeg', 'png', 'dxf', 'mbtiles', 'pmtiles'];

const lower = (name: string) => name.toLowerCase();

/** The world file among a file's sidecars (text), if any. */
export function worldFileOf(sidecars: Record<string, string>): string | null {
  const ext = WORLD_FILES.find((e) => e in sidecars);
  return ext ? sidecars[ext]! : null;
}

const stem = (name: string) => name.replace(/\.[^.]*$/, '');

/**
 * Pair picked files with their sidecars: `dom.tfw`, `dom.prj` and `dom.tif.aux.xml` belong to
 * `dom.tif` (names compared case-insensitively). Sidecars without a main file are returned apart.
 */
export function groupBackgroundFiles<T extends { name: string }>(
  files: readonly T[],
): { main: T; sidecars: { ext: string; file: T }[] }[] {
  const mains = files.filter((f) => sidecarExtension(f.name) === null);
  const groups = mains.map((main) => ({ main, sidecars: [] as { ext: string; file: T }[] }));
  for (const file of files) {
    const ext = sidecarExtension(file.name);
    if (!ext) continue;
    const base = lower(file.name.slice(0, -(ext.length + 1)));
    const group =
      groups.find((g) => lower(g.main.name) === base) ??
      groups.find((g) => lower(stem(g.main.name)) === base);
    group?.sidecars.push({ ext, file });
  }
  return groups;
}

/** Why a picked file cannot become a background, or its kind. */
export type KindOfFile = { kind: BackgroundKind } | { refused: Bilingual };

/**
 * The background kind of a picked file by its extension: .tif/.tiff → GeoTIFF, .jpg/.png with a
 * world file → image, .dxf → CAD, .mbtiles, .pmtiles. Anything else is refused with the reason.
 */
export function backgroundKindOf(name: string, sidecars: Record<string, string>): KindOfFile {
  const ext = lower(name).split('.').pop() ?? '';
  switch (ext) {
    case 'tif':
    case 'tiff':
      return { kind: 'geotiff' };
    case 'jpg':
    case 'jpeg':
    case 'png':
      return worldFileOf(sidecars) !== null
        ? { kind: 'image' }
        : {
            refused: {
              zh: `“${name}”没有坐标文件：请连同其 .jgw/.pgw（以及 .prj）一起选择`,
              en: `"${name}" has no world file: pick it together with its .jgw/.pgw (and .prj)`,
            },
          };
    case 'dxf':
      return { kind: 'cad' };
    case 'mbtiles':
      return { kind: 'mbtiles' };
    case 'pmtiles':
      return { kind: 'pmtiles' };
    default:
      return {
        refused: {
          zh: `“${name}”不是可用作底图的文件（支持 GeoTIFF、带坐标文件的 JPG/PNG、DXF、MBTiles、PMTiles）`,
          en: `"${name}" is not a background file (GeoTIFF, JPG/PNG with a world file, DXF, MBTiles and PMTiles are)`,
        },
      };
  }
}
