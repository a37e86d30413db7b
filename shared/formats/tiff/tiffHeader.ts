import type { Bilingual } from '../../domain/labels';
import type { GeoTransform } from './geoTransform';
import { RasterRefused } from './rasterRefused';
import { TiffStructureError, TiffWindow, readIfds, type Ifd, type IfdEntry, type TiffBytes } from './tiffIfd';

export type { RangeReader, TiffBytes } from './tiffIfd';
export { RasterRefused } from './rasterRefused';

/**
 * What an orthophoto's or scanned sheet's header says, read before OpenLayers is given the file:
 * size, tiling, compression, bands, overviews, georeferencing tags and nodata. A file the map
 * could not show (or that would cost unbounded memory) is refused here with the reason.
 */
export interface TiffHeader {
  bigTiff: boolean;
  width: number;
  height: number;
  tiled: boolean;
  /** Tile size, or (width × rows per strip) for a striped image. */
  blockWidth: number;
  blockHeight: number;
  compression: number;
  compressionName: string;
  photometric: number | null;
  samplesPerPixel: number;
  bitsPerSample: number[];
  /** 1 unsigned integer, 2 signed integer, 3 floating point. */
  sampleFormat: number;
  /** Reduced-resolution levels after the full image (COG overviews), largest first. */
  overviews: { width: number; height: number }[];
  /** Tiles (or strips) over all levels. */
  blockCount: number;
  geoKeys: Map<number, GeoKeyValue>;
  pixelScale?: number[];
  tiepoints?: number[];
  transformation?: number[];
  /** Pixel → model, or null without usable georeferencing tags. */
  geoTransform: GeoTransform | null;
  /** RasterPixelIsPoint (GDAL shifts such a grid by half a pixel, as we do). */
  pixelIsPoint: boolean;
  nodata: number | null;
}

export type GeoKeyValue = number | number[] | string;

/** Limits: the 10⁶ × 10⁶ header, a tile table no browser should index, a strip the decoder reads whole. */
export const TIFF_LIMITS = { maxPixels: 4e10, maxBlocks: 4e6, maxStripWidth: 65_536 } as const;

// prettier-ignore
const COMPRESSION: Record<number, string> = {
  1: 'none', 5: 'LZW', 6: 'old-style JPEG', 7: 'JPEG', 8: 'Deflate', 32946: 'Deflate', 32773: 'PackBits',
  34887: 'LERC', 34925: 'LZMA', 50000: 'ZSTD', 50001: 'WebP', 50002: 'JPEG XL',
};
/** What geotiff.js decodes without fetching a `data:` WebAssembly module (our CSP forbids that). */
const DECODABLE = new Set([1, 5, 7, 8, 32946, 32773, 50001]);

// prettier-ignore
const T = {
  NewSubfileType: 254, ImageWidth: 256, ImageLength: 257, BitsPerSample: 258, Compression: 259,
  Photometric: 262, StripOffsets: 273, SamplesPerPixel: 277, RowsPerStrip: 278, StripByteCounts: 279,
  PlanarConfig: 284, TileWidth: 322, TileLength: 323, TileOffsets: 324, TileByteCounts: 325,
  SampleFormat: 339, ModelPixelScale: 33550, ModelTiepoint: 33922, ModelTransformation: 34264,
  GeoKeyDirectory: 34735, GeoDoubleParams: 34736, GeoAsciiParams: 34737, GdalNodata: 42113,
} as const;

const CONVERT_COG = 'gdal_translate -of COG -co COMPRESS=DEFLATE';

function refusal(error: TiffStructureError): Bilingual {
  switch (error.kind) {
    case 'notTiff':
      return { zh: '不是 TIFF 文件（文件头不对）', en: 'not a TIFF file (wrong header)' };
    case 'truncated':
      return {
        zh: `文件不完整（被截断）：${error.message}`,
        en: `the file is incomplete (truncated): ${error.message}`,
      };
    case 'budget':
      return {
        zh: `文件头过大（超过 ${HEADER_MIB} MiB），可能已损坏`,
        en: `the header is too large (over ${HEADER_MIB} MiB); the file may be damaged`,
      };
    default:
      return { zh: `TIFF 结构损坏：${error.message}`, en: `the TIFF structure is damaged: ${error.message}` };
  }
}
const HEADER_MIB = 4;

/** Reads and checks a TIFF's header through range reads (a few KiB for a COG of any size). */
export async function readTiffHeader(file: TiffBytes): Promise<TiffHeader> {
  const window = new TiffWindow(file);
  try {
    return await interpret(window, await readIfds(window));
  } catch (error) {
    if (error instanceof TiffStructureError) throw new RasterRefused(refusal(error));
    throw error;
  }
}

interface Level {
  width: number;
  height: number;
  tiled: boolean;
  blockWidth: number;
  blockHeight: number;
  offsets: IfdEntry;
  counts: IfdEntry | undefined;
  subfile: number;
}

async function one(window: TiffWindow, ifd: Ifd, tag: number): Promise<number | undefined> {
  const entry = ifd.entries.get(tag);
  return entry ? (await window.numbers(entry, 0, 1))[0] : undefined;
}

async function levelOf(window: TiffWindow, ifd: Ifd): Promise<Level> {
  const width = (await one(window, ifd, T.ImageWidth)) ?? 0;
  const height = (await one(window, ifd, T.ImageLength)) ?? 0;
  if (!width || !height) throw new TiffStructureError('corrupt', 'an image has no width or height');
  const tileOffsets = ifd.entries.get(T.TileOffsets);
  const tiled = tileOffsets !== undefined;
  const offsets = tileOffsets ?? ifd.entries.get(T.StripOffsets);
  if (!offsets) throw new TiffStructureError('corrupt', 'an image has neither tiles nor strips');
  const blockWidth = tiled ? ((await one(window, ifd, T.TileWidth)) ?? 0) : width;
  const rows = tiled ? await one(window, ifd, T.TileLength) : await one(window, ifd, T.RowsPerStrip);
  const blockHeight = Math.min(rows ?? height, tiled ? Infinity : height);
  if (!blockWidth || !blockHeight) throw new TiffStructureError('corrupt', 'a tile size of zero');
  const counts = ifd.entries.get(tiled ? T.TileByteCounts : T.StripByteCounts);
  const subfile = (await one(window, ifd, T.NewSubfileType)) ?? 0;
  return { width, height, tiled, blockWidth, blockHeight, offsets, counts, subfile };
}

/** The first and last block of a level must lie inside the file (a cut-off download ends early). */
async function checkInside(window: TiffWindow, level: Level): Promise<void> {
  const { offsets, counts } = level;
  if (!counts || counts.count !== offsets.count)
    throw new TiffStructureError('corrupt', 'tile offsets and byte counts differ in number');
  for (const entry of [offsets, counts])
    if (entry.at + TiffWindow.byteLength(entry) > window.size)
      throw new TiffStructureError('truncated', `the tile table of tag ${entry.tag} lies beyond the end`);
  for (const i of new Set([0, offsets.count - 1])) {
    const [at] = await window.numbers(offsets, i, 1);
    const [n] = await window.numbers(counts, i, 1);
    if (at! + n! > window.size)
      throw new TiffStructureError(
        'truncated',
        `block ${i} ends at byte ${at! + n!}, the file has ${window.size}`,
      );
  }
}

async function interpret(window: TiffWindow, ifds: Ifd[]): Promise<TiffHeader> {
  const first = ifds[0]!;
  const levels: Level[] = [];
  for (const ifd of ifds) levels.push(await levelOf(window, ifd));
  const full = levels[0]!;
  const spp = (await one(window, first, T.SamplesPerPixel)) ?? 1;
  const planar = (await one(window, first, T.PlanarConfig)) ?? 1;
  const mpx = (full.width * full.height) / 1e6;
  if (full.width * full.height > TIFF_LIMITS.maxPixels)
    throw new RasterRefused({
      zh: `图像声称 ${full.width} × ${full.height} 像素（${fmt(mpx)} 百万像素），超过 ${fmt(TIFF_LIMITS.maxPixels / 1e6)} 百万像素的上限，可能已损坏`,
      en: `the image claims ${full.width} × ${full.height} pixels (${fmt(mpx)} Mpx), over the ${fmt(TIFF_LIMITS.maxPixels / 1e6)} Mpx limit; the file may be damaged`,
    });
  let blockCount = 0;
  for (const level of levels) {
    const across = Math.ceil(level.width / level.blockWidth);
    const down = Math.ceil(level.height / level.blockHeight);
    const expected = across * down * (planar === 2 ? spp : 1);
    blockCount += expected;
    if (blockCount > TIFF_LIMITS.maxBlocks)
      throw new RasterRefused({
        zh: `图块超过 ${fmt(TIFF_LIMITS.maxBlocks)} 个（图块太小或图像太大）：请用 ${CONVERT_COG} 转换`,
        en: `more than ${fmt(TIFF_LIMITS.maxBlocks)} tiles (tiles too small or image too large): convert with ${CONVERT_COG}`,
      });
    if (level.offsets.count < expected)
      throw new TiffStructureError('corrupt', `${level.offsets.count} block offsets for ${expected} blocks`);
  }
  if (!full.tiled && full.width > TIFF_LIMITS.maxStripWidth)
    throw new RasterRefused({
      zh: `按条带存储且宽 ${full.width} 像素，无法按需读取：请用 ${CONVERT_COG} 转换为云优化 GeoTIFF`,
      en: `stored in strips and ${full.width} pixels wide, which cannot be read piece by piece: convert to a Cloud-Optimized GeoTIFF with ${CONVERT_COG}`,
    });
  const compression = (await one(window, first, T.Compression)) ?? 1;
  const compressionName = COMPRESSION[compression] ?? `code ${compression}`;
  if (!DECODABLE.has(compression))
    throw new RasterRefused({
      zh: `压缩方式 ${compressionName} 无法在本程序中解码：请用 ${CONVERT_COG} 转换`,
      en: `compression ${compressionName} cannot be decoded here: convert with ${CONVERT_COG}`,
    });
  for (const level of levels) await checkInside(window, level);
  const bits = first.entries.get(T.BitsPerSample);
  const geo = await georeferencing(window, first);
  return {
    bigTiff: window.bigTiff,
    width: full.width,
    height: full.height,
    tiled: full.tiled,
    blockWidth: full.blockWidth,
    blockHeight: full.blockHeight,
    compression,
    compressionName,
    photometric: (await one(window, first, T.Photometric)) ?? null,
    samplesPerPixel: spp,
    bitsPerSample: bits ? await window.numbers(bits, 0, 64) : [1],
    sampleFormat: (await one(window, first, T.SampleFormat)) ?? 1,
    // Masks (bit 4) are not overviews; GDAL writes each overview's mask after it.
    overviews: levels
      .slice(1)
      .filter((l) => (l.subfile & 1) === 1 && (l.subfile & 4) === 0)
      .map(({ width, height }) => ({ width, height })),
    blockCount,
    ...geo,
  };
}

const fmt = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 0 });

type Georeferencing = Pick<
  TiffHeader,
  'geoKeys' | 'pixelScale' | 'tiepoints' | 'transformation' | 'geoTransform' | 'pixelIsPoint' | 'nodata'
>;

async function georeferencing(window: TiffWindow, ifd: Ifd): Promise<Georeferencing> {
  const all = async (tag: number, limit = 4096) => {
    const entry = ifd.entries.get(tag);
    return entry ? await window.numbers(entry, 0, limit) : undefined;
  };
  const geoKeys = await readGeoKeys(window, ifd);
  const pixelScale = await all(T.ModelPixelScale, 3);
  const tiepoints = await all(T.ModelTiepoint, 6 * 1024);
  const transformation = await all(T.ModelTransformation, 16);
  const pixelIsPoint = geoKeys.get(1025) === 2;
  const nodataEntry = ifd.entries.get(T.GdalNodata);
  const nodataText = nodataEntry ? (await window.text(nodataEntry)).trim() : '';
  const nanText = /^[-+]?nan$/i.test(nodataText);
  const parsed = nanText ? NaN : Number(nodataText);
  const nodata = nodataText === '' || (Number.isNaN(parsed) && !nanText) ? null : parsed;
  let geoTransform: GeoTransform | null = null;
  if (transformation?.length === 16) {
    const m = transformation;
    geoTransform = [m[3]!, m[0]!, m[1]!, m[7]!, m[4]!, m[5]!];
  } else if (tiepoints && tiepoints.length === 6 && pixelScale && pixelScale.length >= 2) {
    const [i, j, , x, y] = tiepoints as [number, number, number, number, number];
    const [sx, sy] = pixelScale as [number, number];
    geoTransform = [x - i * sx, sx, 0, y + j * sy, 0, -sy];
  }
  // A PixelIsPoint grid names pixel centres: shift to corners, as GDAL does by default.
  if (geoTransform && pixelIsPoint) {
    const t = geoTransform;
    geoTransform = [t[0] - (t[1] + t[2]) / 2, t[1], t[2], t[3] - (t[4] + t[5]) / 2, t[4], t[5]];
  }
  if (geoTransform && !geoTransform.every(Number.isFinite)) geoTransform = null;
  return {
    geoKeys,
    geoTransform,
    pixelIsPoint,
    nodata,
    ...(pixelScale ? { pixelScale } : {}),
    ...(tiepoints ? { tiepoints } : {}),
    ...(transformation ? { transformation } : {}),
  };
}

/** The GeoKey directory (34735) with its double (34736) and ASCII (34737) values resolved. */
async function readGeoKeys(window: TiffWindow, ifd: Ifd): Promise<Map<number, GeoKeyValue>> {
  const keys = new Map<number, GeoKeyValue>();
  const dirEntry = ifd.entries.get(T.GeoKeyDirectory);
  if (!dirEntry) return keys;
  const dir = await window.numbers(dirEntry, 0, 4 + 4 * 1024);
  const doublesEntry = ifd.entries.get(T.GeoDoubleParams);
  const doubles = doublesEntry ? await window.numbers(doublesEntry, 0, 4096) : [];
  const asciiEntry = ifd.entries.get(T.GeoAsciiParams);
  const ascii = asciiEntry ? await window.text(asciiEntry) : '';
  const n = Math.min(dir[3] ?? 0, (dir.length - 4) >> 2);
  for (let k = 0; k < n; k++) {
    const [id, location, count, value] = dir.slice(4 + 4 * k, 8 + 4 * k) as [number, number, number, number];
    if (location === 0) keys.set(id, value);
    else if (location === T.GeoDoubleParams) {
      const v = doubles.slice(value, value + count);
      keys.set(id, count === 1 ? (v[0] ?? NaN) : v);
    } else if (location === T.GeoAsciiParams)
      keys.set(id, ascii.slice(value, value + count).replace(/\|$/, ''));
  }
  return keys;
}
