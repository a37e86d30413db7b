import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TiffBytes } from './tiffIfd';
import type { RawEntry } from './fixtures/rawTiff';

export { rawTiff, type RawEntry } from './fixtures/rawTiff';

/**
 * Helpers of the TIFF tests (kept in a test file because only tests may use node:*): GDAL as the
 * independent writer and reader, a byte source that counts what it served, and the entries of
 * hostile headers GDAL would never write (for the minimal writer in fixtures/rawTiff.ts).
 */
export function gdal(tool: string, args: string[], options: { input?: string } = {}): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hzw-tiff-'));
}

/**
 * A raster GDAL writes (`gdal_translate` with `options`) from a VRT of width × height zero pixels
 * placed by `geoTransform` in EPSG:4516: its path, its bytes, and the text of a sidecar it wrote
 * beside it (`.tfw` with `-co TFW=YES`), or null.
 */
export function gdalRaster(
  dir: string,
  name: string,
  [width, height]: [number, number],
  geoTransform: readonly number[],
  options: string[],
): { path: string; bytes: Uint8Array; sidecar(ext: string): string | null } {
  const vrt = join(dir, `${name}.vrt`);
  writeFileSync(
    vrt,
    `<VRTDataset rasterXSize="${width}" rasterYSize="${height}"><SRS>EPSG:4516</SRS>` +
      `<GeoTransform>${geoTransform.join(', ')}</GeoTransform>` +
      `<VRTRasterBand dataType="Byte" band="1"/></VRTDataset>`,
  );
  const path = join(dir, `${name}.tif`);
  gdal('gdal_translate', ['-q', ...options, vrt, path]);
  const sidecar = (ext: string) => {
    const file = join(dir, `${name}.${ext}`);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  };
  return { path, bytes: new Uint8Array(readFileSync(path)), sidecar };
}

export interface GdalInfo {
  size: [number, number];
  geoTransform?: number[];
  /** GDAL's corners of the raster (the geotransform at the pixel grid's corners and centre). */
  cornerCoordinates?: Record<'upperLeft' | 'lowerLeft' | 'lowerRight' | 'upperRight' | 'center', number[]>;
  coordinateSystem?: { wkt: string };
  metadata: Record<string, Record<string, string>>;
  bands: { block: [number, number]; overviews?: unknown[]; noDataValue?: number | string }[];
  wgs84Extent?: { coordinates: number[][][] };
}

export function gdalInfo(path: string): GdalInfo {
  return JSON.parse(gdal('gdalinfo', ['-json', path])) as GdalInfo;
}

/** The EPSG code GDAL gives the whole CRS (the last ID[] of its WKT2), or null. */
export function gdalEpsg(info: GdalInfo): number | null {
  const m = /ID\["EPSG",(\d+)\]\]\s*$/.exec(info.coordinateSystem?.wkt ?? '');
  return m ? Number(m[1]) : null;
}

/** A file's bytes as a range source that counts the bytes and reads it served. */
export function countingSource(bytes: Uint8Array): TiffBytes & { served: number; reads: number } {
  const source = {
    size: bytes.length,
    served: 0,
    reads: 0,
    read: (offset: number, length: number) => {
      source.served += length;
      source.reads += 1;
      return Promise.resolve(bytes.slice(offset, offset + length));
    },
  };
  return source;
}

export function fileSource(path: string): TiffBytes & { served: number; reads: number } {
  return countingSource(new Uint8Array(readFileSync(path)));
}

/** The entries of a one-band tiled image of w × h with the given tile size, its tiles at `dataAt`. */
export function tiledEntries(w: number, h: number, tile: number, compression = 1): RawEntry[] {
  return [
    { tag: 256, type: 4, values: [w] },
    { tag: 257, type: 4, values: [h] },
    { tag: 258, type: 3, values: [8] },
    { tag: 259, type: 3, values: [compression] },
    { tag: 262, type: 3, values: [1] },
    { tag: 277, type: 3, values: [1] },
    { tag: 322, type: 3, values: [tile] },
    { tag: 323, type: 3, values: [tile] },
    { tag: 324, type: 4, values: [512] },
    { tag: 325, type: 4, values: [tile * tile] },
  ];
}

describe('TIFF test helpers', () => {
  it('find GDAL', () => {
    expect(gdal('gdalinfo', ['--version'])).toMatch(/^GDAL \d/);
  });
});
