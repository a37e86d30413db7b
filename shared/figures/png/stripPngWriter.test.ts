import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StripPngWriter } from './stripPngWriter';

const dir = mkdtempSync(join(tmpdir(), 'hzw-png-'));

/** The colour of pixel (x, y) in the test pattern: bands that change along both axes. */
const pattern = (x: number, y: number, a = 255) => [(x * 7) & 255, (y * 3) & 255, (x + y) & 255, a];

function writePng(name: string, width: number, height: number, strip: number, alpha = false) {
  const chunks: Uint8Array[] = [];
  let largest = 0;
  const png = new StripPngWriter(
    (b) => {
      chunks.push(new Uint8Array(b));
      largest = Math.max(largest, b.length);
    },
    { width, height, dpi: 300, alpha },
  );
  for (let y0 = 0; y0 < height; y0 += strip) {
    const rows = Math.min(strip, height - y0);
    const rgba = new Uint8ClampedArray(width * rows * 4);
    for (let r = 0; r < rows; r++)
      for (let x = 0; x < width; x++) rgba.set(pattern(x, y0 + r, x % 2 ? 128 : 255), 4 * (r * width + x));
    png.addRows(rgba, rows);
  }
  png.finish();
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(chunks));
  return { path, largest };
}

const gdalPixel = (path: string, x: number, y: number): number[] =>
  execFileSync('gdallocationinfo', ['-valonly', path, String(x), String(y)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map(Number);

describe('PNG written in strips, read by GDAL', () => {
  it('has the size, bands, resolution and pixels it was given', () => {
    const { path } = writePng('rgb.png', 301, 203, 64);
    const info = JSON.parse(execFileSync('gdalinfo', ['-json', path], { encoding: 'utf8' })) as {
      driverShortName: string;
      size: number[];
      bands: unknown[];
    };
    expect(info.driverShortName).toBe('PNG');
    expect(info.size).toEqual([301, 203]);
    expect(info.bands).toHaveLength(3);
    // GDAL 3.6 does not report pHYs: read it from the file (11 811 px per metre = 300 dpi).
    const bytes = readFileSync(path);
    const phys = bytes.indexOf('pHYs');
    expect([bytes.readUInt32BE(phys + 4), bytes.readUInt32BE(phys + 8), bytes[phys + 12]]).toEqual([
      11811, 11811, 1,
    ]);
    for (const [x, y] of [
      [0, 0],
      [300, 0],
      [150, 63],
      [150, 64],
      [7, 202],
      [300, 202],
    ] as const)
      expect(gdalPixel(path, x, y)).toEqual(pattern(x, y).slice(0, 3));
  });

  it('keeps the alpha channel when asked', () => {
    const { path } = writePng('rgba.png', 40, 10, 3, true);
    expect(gdalPixel(path, 3, 9)).toEqual(pattern(3, 9, 128));
    expect(gdalPixel(path, 4, 9)).toEqual(pattern(4, 9, 255));
  });

  it('an A1-wide page at 300 dpi goes out in pieces no larger than a strip', () => {
    const width = 7016;
    const { path, largest } = writePng('wide.png', width, 96, 32);
    expect(JSON.parse(execFileSync('gdalinfo', ['-json', path], { encoding: 'utf8' })).size).toEqual([
      width,
      96,
    ]);
    expect(gdalPixel(path, width - 1, 95)).toEqual(pattern(width - 1, 95).slice(0, 3));
    expect(largest).toBeLessThanOrEqual(width * 4 * 32);
  });
});
