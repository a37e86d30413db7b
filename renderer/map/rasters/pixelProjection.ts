import {
  addCoordinateTransforms,
  addProjection,
  get as getProjection,
  getTransform,
  Projection,
} from 'ol/proj';
import type { GeoTransform } from '../../../shared/formats/tiff/geoTransform';
import { gridExtent, gridPlacement, type PixelGrid } from '../../../shared/formats/tiff/pixelGrid';

/**
 * A raster placed by an affine (a world file, rotated GeoTIFF tags) lives in a projection of its
 * own, `HZW:px-<background id>`: the plane OpenLayers lays its pixels out in (its pixel grid),
 * joined to every projection the raster is drawn in by the affine and then proj4. OpenLayers'
 * raster reprojection (triangulation) then warps it, rotation included, on the map and in figures.
 */

/**
 * The projections a raster may be drawn in besides the map's and its own: lon/lat (OpenLayers
 * measures a pixel's ground size through EPSG:4326, which picks the overview), CGCS2000, Web
 * Mercator and the CGCS2000 3° Gauss-Krüger zones a figure is drawn in (with and without prefix).
 */
const TARGETS = [
  'EPSG:4326',
  'EPSG:4490',
  'EPSG:3857',
  ...Array.from({ length: 42 }, (_, i) => `EPSG:${4513 + i}`),
];

const pixelProjectionCode = (backgroundId: string) => `HZW:px-${backgroundId}`;

/**
 * The pixel projection of a background (made once per background id; placed by `placePixels`),
 * with the extent of a width × height raster laid out in pixel space until it is placed.
 */
export function pixelProjection(backgroundId: string, width: number, height: number): Projection {
  const code = pixelProjectionCode(backgroundId);
  const existing = getProjection(code);
  if (existing) return existing;
  const projection = new Projection({ code, units: 'pixels', extent: [0, 0, width, height] });
  addProjection(projection);
  return projection;
}

/**
 * Join the pixel projection to the raster's coordinate system `crsCode` and to the drawing
 * projections: pixel (col, row from the top-left corner) → `t` (GDAL's corner-based
 * geotransform) in `crsCode`, with the pixels laid out as `grid` says. Returns false (nothing
 * joined) when the affine is degenerate.
 */
export function placePixels(
  projection: Projection,
  placement: { t: GeoTransform; grid: PixelGrid; width: number; height: number },
  crsCode: string,
  viewCode: string,
): boolean {
  const place = gridPlacement(placement.t, placement.grid);
  if (!place) return false;
  projection.setExtent(gridExtent(placement.grid, placement.width, placement.height));
  for (const target of new Set([viewCode, crsCode, ...TARGETS])) {
    if (!getProjection(target)) continue;
    const toTarget = getTransform(crsCode, target);
    const fromTarget = getTransform(target, crsCode);
    if (!toTarget || !fromTarget) continue;
    addCoordinateTransforms(
      projection,
      target,
      ([x, y]) => toTarget(place.toModel(x!, y!)),
      (coordinate) => {
        const [mx, my] = fromTarget(coordinate.slice(0, 2));
        return place.fromModel(mx!, my!);
      },
    );
  }
  return true;
}
