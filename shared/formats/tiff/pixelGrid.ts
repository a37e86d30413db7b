import { applyGeoTransform, invertGeoTransform, type GeoTransform } from './geoTransform';

/**
 * Where a raster's pixels are placed when its georeferencing is not a plain north-up offset and
 * scale (a world file beside a TIFF, a rotated world file, rotated GeoTIFF tags): the one place
 * that turns "where the renderer lays the pixels out" plus "where the georeferencing says they
 * are" into one affine.
 *
 * A renderer lays out a raster without a usable affine in a plane of its own, the **pixel grid**:
 * the top-left corner of pixel (0, 0) at `origin`, each pixel `resolution[0]` units wide
 * (rightwards) and `resolution[1]` units tall (downwards, so y grows up as on a map). OpenLayers
 * puts an image with no affine at origin (0, height), one unit per pixel; a GeoTIFF whose tags
 * rotate it, at the tags' translation with the lengths of the pixel's sides. The georeferencing
 * itself is a corner-based GDAL geotransform (see `geoTransform.ts`; a world file's pixel-centre
 * numbers are converted by `worldFileTransform`).
 */
export interface PixelGrid {
  origin: readonly [number, number];
  resolution: readonly [number, number];
}

/** How OpenLayers lays out a raster with no affine: pixel space, row 0 at the top (y = height). */
export function pixelSpace(height: number): PixelGrid {
  return { origin: [0, height], resolution: [1, 1] };
}

/** The pixel grid position (col, row, from the top-left corner) of a point of the grid plane. */
export function gridToPixel(grid: PixelGrid, x: number, y: number): [number, number] {
  return [(x - grid.origin[0]) / grid.resolution[0], (grid.origin[1] - y) / grid.resolution[1]];
}

/**
 * The affine from the grid plane to the raster's coordinate system, as a geotransform applied to
 * (x, y) of the grid plane: `t` after the grid's own layout.
 */
export function gridGeoTransform(t: GeoTransform, grid: PixelGrid): GeoTransform {
  const [ox, oy] = grid.origin;
  const [rx, ry] = grid.resolution;
  // col = (x − ox) / rx, row = (oy − y) / ry, then X = t0 + t1·col + t2·row (and Y alike).
  return [
    t[0] - (t[1] * ox) / rx + (t[2] * oy) / ry,
    t[1] / rx,
    -t[2] / ry,
    t[3] - (t[4] * ox) / rx + (t[5] * oy) / ry,
    t[4] / rx,
    -t[5] / ry,
  ];
}

/** The grid plane's extent [minX, minY, maxX, maxY] of a width × height raster. */
export function gridExtent(grid: PixelGrid, width: number, height: number): number[] {
  const [ox, oy] = grid.origin;
  return [ox, oy - height * grid.resolution[1], ox + width * grid.resolution[0], oy];
}

/** The grid plane ↔ the raster's coordinate system, both ways; null when the affine is degenerate. */
export interface GridPlacement {
  toModel(x: number, y: number): [number, number];
  fromModel(x: number, y: number): [number, number];
}

export function gridPlacement(t: GeoTransform, grid: PixelGrid): GridPlacement | null {
  const forward = gridGeoTransform(t, grid);
  const inverse = invertGeoTransform(forward);
  if (!inverse || !forward.every(Number.isFinite)) return null;
  return {
    toModel: (x, y) => applyGeoTransform(forward, x, y),
    fromModel: (x, y) => applyGeoTransform(inverse, x, y),
  };
}

/** Whether the georeferencing turns or shears the pixels (world file B/D, tags' rotation terms). */
export function isRotated(t: GeoTransform): boolean {
  return t[2] !== 0 || t[4] !== 0;
}
