import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page, PathOp } from '../displayList';
import { mmToPx, rasterise, writePdf } from './poppler.test';

const DPI = 100;
const page = (ops: Page['ops'], images: Page['images'] = {}): Page => ({
  widthMm: 200,
  heightMm: 200,
  ops,
  images,
});
const square = (x: number, y: number, s: number): [number, number][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
];
/** The pixel at page millimetres (x, y), y up. */
const at = (raster: ReturnType<typeof rasterise>, x: number, y: number) =>
  raster.rgb(Math.floor(mmToPx(x, DPI)), Math.floor(mmToPx(200 - y, DPI)));
const near = (got: number[], want: number[], tol = 6) =>
  got.every((v, i) => Math.abs(v - want[i]!) <= tol) || `${got.join(',')} ≠ ${want.join(',')}`;

describe('drawing operations as poppler rasterises them', () => {
  it('even-odd fill leaves the hole empty; non-zero fill of the same rings does not', () => {
    const rings = [square(10, 10, 60), square(30, 30, 20)];
    const fill: PathOp = { op: 'path', rings, closed: true, fill: [0, 0, 255], evenOdd: true };
    const raster = rasterise(
      writePdf([page([fill, { ...fill, rings: [square(110, 10, 60), square(130, 30, 20)], evenOdd: false }])])
        .path,
      DPI,
    );
    expect(near(at(raster, 40, 40), [255, 255, 255])).toBe(true);
    expect(near(at(raster, 15, 15), [0, 0, 255])).toBe(true);
    expect(near(at(raster, 140, 40), [0, 0, 255])).toBe(true);
  });

  it('fill opacity 0.5 blends with the paper; a clip keeps the fill inside its rectangle', () => {
    const raster = rasterise(
      writePdf([
        page([
          { op: 'path', rings: [square(10, 10, 50)], closed: true, fill: [255, 0, 0], fillOpacity: 0.5 },
          { op: 'clip', rect: { xMm: 100, yMm: 100, wMm: 20, hMm: 20 } },
          { op: 'path', rings: [square(90, 90, 60)], closed: true, fill: [0, 128, 0] },
          { op: 'unclip' },
          { op: 'path', rings: [square(160, 10, 20)], closed: true, fill: [0, 128, 0] },
        ]),
      ]).path,
      DPI,
    );
    expect(near(at(raster, 30, 30), [255, 128, 128])).toBe(true);
    expect(near(at(raster, 110, 110), [0, 128, 0])).toBe(true);
    expect(near(at(raster, 95, 95), [255, 255, 255])).toBe(true);
    expect(near(at(raster, 140, 140), [255, 255, 255])).toBe(true);
    // After unclip drawing reaches the whole page again.
    expect(near(at(raster, 170, 20), [0, 128, 0])).toBe(true);
  });

  it('a dashed line of 5 mm dashes and 5 mm gaps alternates every 5 mm', () => {
    const raster = rasterise(
      writePdf([
        page([
          {
            op: 'path',
            rings: [
              [
                [10, 100],
                [110, 100],
              ],
            ],
            closed: false,
            stroke: [0, 0, 0],
            widthMm: 1,
            dash: [5, 5],
          },
        ]),
      ]).path,
      DPI,
    );
    const dark = (x: number) => at(raster, x, 100)[0] < 100;
    for (let k = 0; k < 10; k++) {
      expect(dark(10 + 10 * k + 2.5)).toBe(true);
      expect(dark(10 + 10 * k + 7.5)).toBe(false);
    }
  });

  it('places a JPEG (passed through) and an RGBA image with a translucent part at their rectangles', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hzw-jpeg-'));
    const tif = join(tmp, 'c.tif');
    const jpg = join(tmp, 'c.jpg');
    execFileSync('gdal_create', [
      '-of',
      'GTiff',
      '-outsize',
      '32',
      '32',
      '-bands',
      '3',
      '-ot',
      'Byte',
      '-burn',
      '200',
      '-burn',
      '60',
      '-burn',
      '20',
      tif,
    ]);
    execFileSync('gdal_translate', ['-q', '-of', 'JPEG', '-co', 'QUALITY=95', tif, jpg]);
    const jpeg = new Uint8Array(readFileSync(jpg));
    // 2 × 1 RGBA: an opaque blue pixel and a fully transparent one.
    const pixels = new Uint8ClampedArray([0, 0, 255, 255, 0, 255, 0, 0]);
    const raster = rasterise(
      writePdf([
        page(
          [
            { op: 'path', rings: [square(0, 0, 200)], closed: true, fill: [255, 255, 0] },
            { op: 'image', id: 'photo', rect: { xMm: 20, yMm: 20, wMm: 40, hMm: 30 } },
            { op: 'image', id: 'mask', rect: { xMm: 100, yMm: 100, wMm: 80, hMm: 40 } },
          ],
          {
            photo: { kind: 'jpeg', width: 32, height: 32, bytes: jpeg },
            mask: { kind: 'rgba', width: 2, height: 1, pixels },
          },
        ),
      ]).path,
      DPI,
    );
    expect(near(at(raster, 40, 35), [200, 60, 20], 8)).toBe(true);
    expect(near(at(raster, 15, 35), [255, 255, 0])).toBe(true);
    expect(near(at(raster, 120, 120), [0, 0, 255])).toBe(true);
    // The transparent half shows the yellow underneath.
    expect(near(at(raster, 160, 120), [255, 255, 0])).toBe(true);
  });

  it('a page of 200 000 vertices streams out in small pieces; a ring with NaN is left out, not written', () => {
    // A zig-zag band 100 mm wide between y = 100 and y = 110, with 200 000 vertices.
    const n = 200_000;
    const zigzag: [number, number][] = Array.from({ length: n }, (_, i) => [
      50 + (100 * i) / n,
      i % 2 ? 110 : 100,
    ]);
    const { path, chunks } = writePdf([
      page([
        { op: 'path', rings: [zigzag], closed: false, stroke: [255, 0, 0], widthMm: 0.5 },
        {
          op: 'path',
          rings: [
            [
              [10, 10],
              [NaN, 20],
              [30, 30],
            ],
          ],
          closed: true,
          fill: [0, 0, 0],
        },
      ]),
    ]);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(256 * 1024);
    expect(chunks.reduce((sum, c) => sum + c.length, 0)).toBeGreaterThan(256 * 1024);
    const raster = rasterise(path, DPI);
    expect(near(at(raster, 100, 105), [255, 0, 0])).toBe(true);
    expect(near(at(raster, 20, 20), [255, 255, 255])).toBe(true);
  });
});
