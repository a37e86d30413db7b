import { describe, expect, it } from 'vitest';
import type { GeoTransform } from './geoTransform';
import { gridExtent, gridPlacement, isRotated, pixelSpace, type PixelGrid } from './pixelGrid';
import { gdal, gdalInfo, gdalRaster, tempDir } from './tiffTestFiles.test';
import { parseWorldFile, worldFileTransform } from './worldFile';

/**
 * The affine that places a raster through its pixel plane, against GDAL: a VRT whose GeoTransform
 * turns the pixels 30° (and makes them twice as wide as tall) becomes a baseline TIFF with its
 * .tfw (`gdal_translate -co PROFILE=BASELINE -co TFW=YES`); the .tfw read our way must put the
 * raster's corners where `gdalinfo -json` does and pixel centres where `gdaltransform` does.
 */
const dir = tempDir();
const E0 = 28_552_000;
const N0 = 4_870_000;
const [W, H] = [40, 30];
const deg = Math.PI / 180;

/** GDAL's geotransform of pixels `sx` × `sy` turned `angle` degrees anticlockwise, top-left corner at (E0, N0). */
function turned(angle: number, sx: number, sy: number): GeoTransform {
  const [c, s] = [Math.cos(angle * deg), Math.sin(angle * deg)];
  return [E0, sx * c, sy * s, N0, sx * s, -sy * c];
}

/** A baseline TIFF (no GeoTIFF tags) with the .tfw GDAL writes for geotransform `t`. */
function sheet(name: string, t: GeoTransform): { tif: string; tfw: string } {
  const raster = gdalRaster(dir, name, [W, H], t, ['-co', 'PROFILE=BASELINE', '-co', 'TFW=YES']);
  return { tif: raster.path, tfw: raster.sidecar('tfw')! };
}

/** `gdaltransform` of pixel/line positions (decimal, from the top-left corner) to the file's CRS. */
function gdalTransform(tif: string, points: number[][]): number[][] {
  return gdal('gdaltransform', ['-output_xy', tif], { input: points.map((p) => p.join(' ')).join('\n') })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
}

const near = (a: readonly number[], b: readonly number[], metres = 1e-6) => {
  expect(Math.abs(a[0]! - b[0]!)).toBeLessThan(metres);
  expect(Math.abs(a[1]! - b[1]!)).toBeLessThan(metres);
};

describe('a raster placed through its pixel plane', () => {
  it.each([
    ['north-up', turned(0, 0.5, 0.5)],
    ['turned 30°, non-square pixels', turned(30, 0.5, 0.25)],
    ['turned −125°', turned(-125, 1, 1)],
  ])('%s: the .tfw puts the corners where gdalinfo does', (name, t) => {
    const { tif, tfw } = sheet(name.replace(/\W+/g, '-'), t);
    const place = gridPlacement(worldFileTransform(parseWorldFile(tfw)), pixelSpace(H))!;
    const corners = gdalInfo(tif).cornerCoordinates!;
    // OpenLayers lays the image out with row 0 at the top: the top-left corner is (0, H).
    // gdalinfo rounds corners to the millimetre.
    near(place.toModel(0, H), corners.upperLeft, 1e-3);
    near(place.toModel(W, H), corners.upperRight, 1e-3);
    near(place.toModel(W, 0), corners.lowerRight, 1e-3);
    near(place.toModel(0, 0), corners.lowerLeft, 1e-3);
    near(place.toModel(W / 2, H / 2), corners.center, 1e-3);
  });

  it('a .tfw names the centre of the top-left pixel (ESRI), as gdaltransform places it', () => {
    const { tif, tfw } = sheet('centre', turned(30, 0.5, 0.25));
    const [, , , , c, f] = parseWorldFile(tfw);
    const [centre, corner] = gdalTransform(tif, [
      [0.5, 0.5],
      [0, 0],
    ]);
    near([c, f], centre!);
    // Half a pixel from the corner, along both turned pixel sides: not a corner convention.
    expect(Math.hypot(c - corner![0]!, f - corner![1]!)).toBeGreaterThan(0.2);
    const place = gridPlacement(worldFileTransform(parseWorldFile(tfw)), pixelSpace(H))!;
    const pixels = [
      [0.5, 0.5],
      [W - 0.5, 0.5],
      [7.25, 19.75],
      [W - 0.5, H - 0.5],
    ];
    const expected = gdalTransform(tif, pixels);
    pixels.forEach(([col, row], i) => near(place.toModel(col!, H - row!), expected[i]!));
  });

  it('goes back exactly: model → grid → model, and gdaltransform -i agrees', () => {
    const { tif, tfw } = sheet('back', turned(30, 0.5, 0.25));
    const place = gridPlacement(worldFileTransform(parseWorldFile(tfw)), pixelSpace(H))!;
    const points = [
      [E0 + 3.3, N0 - 1.7],
      [E0 + 12, N0 + 4],
      [E0 - 50, N0 + 80],
    ];
    const pixels = gdal('gdaltransform', ['-i', '-output_xy', tif], {
      input: points.map((p) => p.join(' ')).join('\n'),
    })
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/).map(Number));
    points.forEach((p, i) => {
      const [x, y] = place.fromModel(p[0]!, p[1]!);
      near([x, H - y], pixels[i]!, 1e-6);
      near(place.toModel(x, y), p, 1e-6);
    });
  });

  it('follows a renderer’s own layout of the pixels (origin, pixel size) to the same ground', () => {
    const t = turned(30, 0.5, 0.25);
    // As OpenLayers lays out a rotated GeoTIFF: at the tags' translation, by the pixel sides' lengths.
    const grid: PixelGrid = { origin: [t[0], t[3]], resolution: [0.5, 0.25] };
    const own = gridPlacement(t, grid)!;
    const plain = gridPlacement(t, pixelSpace(H))!;
    for (const [col, row] of [
      [0, 0],
      [W, H],
      [13.5, 2.25],
    ]) {
      const g = [grid.origin[0] + col! * 0.5, grid.origin[1] - row! * 0.25];
      near(own.toModel(g[0]!, g[1]!), plain.toModel(col!, H - row!));
    }
    expect(gridExtent(grid, W, H)).toEqual([t[0], t[3] - H * 0.25, t[0] + W * 0.5, t[3]]);
  });

  it('tells a turned affine from a north-up one, and refuses a degenerate one', () => {
    expect(isRotated(turned(0, 1, 1))).toBe(false);
    expect(isRotated(turned(30, 1, 1))).toBe(true);
    expect(gridPlacement([0, 1, 2, 0, 2, 4], pixelSpace(H))).toBeNull();
  });
});
