import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageSize } from './imageSize';
import { gdal, gdalInfo, tempDir } from './tiffTestFiles.test';

/** The size read from the first 64 KiB against gdalinfo, for PNG and JPEG files GDAL writes. */
describe('imageSize', () => {
  const dir = tempDir();
  it.each([
    ['PNG', 'png', 1234, 567],
    ['JPEG', 'jpg', 3001, 1999],
  ])('%s', (driver, ext, w, h) => {
    const path = join(dir, `sheet.${ext}`);
    gdal('gdal_create', ['-of', driver, '-outsize', `${w}`, `${h}`, '-bands', '3', path]);
    const head = new Uint8Array(readFileSync(path)).subarray(0, 65536);
    const size = imageSize(head);
    expect([size?.width, size?.height]).toEqual(gdalInfo(path).size);
  });

  it('is null for other bytes', () => {
    expect(imageSize(new Uint8Array([0x49, 0x49, 42, 0, 8, 0, 0, 0]))).toBeNull();
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0xff]))).toBeNull();
  });
});
