/**
 * How a raster's pixels sit in its coordinate system, in GDAL's geotransform order:
 * `[x0, xPerCol, xPerRow, y0, yPerCol, yPerRow]`, where (col, row) = (0, 0) is the top-left corner
 * of the top-left pixel. One convention for GeoTIFF tags and world files alike.
 */
export type GeoTransform = readonly [number, number, number, number, number, number];

/** The model position of a pixel-grid position (col, row), both measured from the top-left corner. */
export function applyGeoTransform(t: GeoTransform, col: number, row: number): [number, number] {
  return [t[0] + col * t[1] + row * t[2], t[3] + col * t[4] + row * t[5]];
}

/** The inverse transform (model → pixel grid), or null when the transform is degenerate. */
export function invertGeoTransform(t: GeoTransform): GeoTransform | null {
  const det = t[1] * t[5] - t[2] * t[4];
  if (!Number.isFinite(det) || Math.abs(det) < 1e-300) return null;
  const a = t[5] / det;
  const b = -t[2] / det;
  const d = -t[4] / det;
  const e = t[1] / det;
  return [-(a * t[0] + b * t[3]), a, b, -(d * t[0] + e * t[3]), d, e];
}

/** The four corners (top-left, top-right, bottom-right, bottom-left) of a width × height raster. */
export function rasterCorners(t: GeoTransform, width: number, height: number): [number, number][] {
  return [
    applyGeoTransform(t, 0, 0),
    applyGeoTransform(t, width, 0),
    applyGeoTransform(t, width, height),
    applyGeoTransform(t, 0, height),
  ];
}

/** The bounding box [minX, minY, maxX, maxY] of the raster's corners. */
export function rasterBounds(t: GeoTransform, width: number, height: number): number[] {
  const c = rasterCorners(t, width, height);
  const xs = c.map((p) => p[0]);
  const ys = c.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
