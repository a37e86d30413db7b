import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TiffBytes } from './tiffIfd';

/**
 * Helpers of the TIFF tests (kept in a test file because only tests may use node:*): GDAL as the
 * independent writer and reader, a byte source that counts what it served, and a minimal TIFF
 * writer for hostile headers GDAL would never write.
 */
export function gdal(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hzw-tiff-'));
}

export interface GdalInfo {
  size: [number, number];
  geoTransform?: number[];
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

export interface RawEntry {
  tag: number;
  /** 3 SHORT, 4 LONG, 12 DOUBLE, 2 ASCII. */
  type: 2 | 3 | 4 | 12;
  values: number[] | string;
}

/**
 * A little-endian classic TIFF with one IFD of the given entries (values out of line when they do
 * not fit in four bytes), padded to `size` bytes. Offsets the entries name are taken as given.
 */
export function rawTiff(entries: RawEntry[], size = 4096, nextIfd = 0): Uint8Array {
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, 8, true);
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  view.setUint16(8, sorted.length, true);
  let extra = 8 + 2 + sorted.length * 12 + 4;
  sorted.forEach((e, i) => {
    const at = 10 + i * 12;
    const values = typeof e.values === 'string' ? [...e.values, '\0'].map((c) => c.charCodeAt(0)) : e.values;
    const width = { 2: 1, 3: 2, 4: 4, 12: 8 }[e.type];
    view.setUint16(at, e.tag, true);
    view.setUint16(at + 2, e.type, true);
    view.setUint32(at + 4, values.length, true);
    const inline = values.length * width <= 4;
    let p = inline ? at + 8 : extra;
    if (!inline) view.setUint32(at + 8, extra, true);
    for (const v of values) {
      if (width === 1) view.setUint8(p, v);
      else if (width === 2) view.setUint16(p, v, true);
      else if (width === 4) view.setUint32(p, v, true);
      else view.setFloat64(p, v, true);
      p += width;
    }
    if (!inline) extra = p + (p % 2);
  });
  view.setUint32(10 + sorted.length * 12, nextIfd, true);
  return out;
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
