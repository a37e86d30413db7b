import { rasterPlacement, type RasterPlacement } from './rasterPlacement';
import type { Bilingual } from '../../domain/labels';
import { resolveTiffCrs, tiffCrsEvidence } from './geoKeysEvidence';
import type { TiffHeader } from './tiffHeader';

/** A GeoTIFF as a background: where the map can place it (see `rasterPlacement`). */
export type TiffPlacement = RasterPlacement;

export const NO_GEOREFERENCING: Bilingual = {
  zh: '没有地理参考（既无 GeoTIFF 坐标标签也无法使用 .tfw）：请先用 GIS 软件配准，或用 gdal_translate -a_srs EPSG:<代码> 写入坐标系后再添加',
  en: 'it has no georeferencing (no GeoTIFF tags, and a .tfw cannot be used for a TIFF): georeference it in a GIS first, or write its CRS with gdal_translate -a_srs EPSG:<code>',
};
export const ROTATED: Bilingual = {
  zh: '图像带旋转参数，请先用 gdalwarp 纠正为正北朝上',
  en: 'the image is rotated; warp it north-up with gdalwarp first',
};

/** Why the map cannot place this GeoTIFF, or null when it can. */
export function tiffPlacementProblem(header: TiffHeader): Bilingual | null {
  const t = header.geoTransform;
  if (!t) return NO_GEOREFERENCING;
  if (t[2] !== 0 || t[4] !== 0) return ROTATED;
  return null;
}

export function tiffPlacement(header: TiffHeader): TiffPlacement {
  return rasterPlacement(resolveTiffCrs(header), tiffCrsEvidence(header).sample);
}
