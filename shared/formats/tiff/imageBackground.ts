import { resolveCrs } from '../../crs/resolveCrs';
import { rasterCorners } from './geoTransform';
import type { ImageSize } from './imageSize';
import { rasterPlacement, type RasterPlacement } from './rasterPlacement';
import { RasterRefused } from './rasterRefused';
import {
  findWorldFile,
  parseWorldFile,
  worldFileNames,
  worldFileTransform,
  type WorldFile,
} from './worldFile';

/**
 * A scanned sheet or photo (JPEG/PNG) placed by its world file, as a background: decoded whole by
 * the browser, so capped in size; its CRS from the .prj beside it or, failing that, from the
 * numbers (zone prefix, X/Y), by the same resolver as imports.
 */
export const MAX_IMAGE_PIXELS = 100e6;

export interface ImagePlacement extends RasterPlacement {
  worldFile: WorldFile;
}

export function imagePlacement(
  name: string,
  size: ImageSize,
  sidecars: Record<string, string>,
): ImagePlacement {
  const mpx = (size.width * size.height) / 1e6;
  if (size.width * size.height > MAX_IMAGE_PIXELS)
    throw new RasterRefused({
      zh: `图片 ${size.width} × ${size.height}（${mpx.toFixed(0)} 百万像素）超过 ${MAX_IMAGE_PIXELS / 1e6} 百万像素，浏览器无法整张解码：请用 gdal_translate -of COG 转换为云优化 GeoTIFF`,
      en: `the image is ${size.width} × ${size.height} (${mpx.toFixed(0)} Mpx), over ${MAX_IMAGE_PIXELS / 1e6} Mpx, too large to decode whole: convert it to a Cloud-Optimized GeoTIFF with gdal_translate -of COG`,
    });
  const text = findWorldFile(name, sidecars);
  if (text === null)
    throw new RasterRefused({
      zh: `没有坐标文件（${worldFileNames(name).join('、')}），无法定位图片：请连同坐标文件一起选择`,
      en: `there is no world file (${worldFileNames(name).join(', ')}), so the image cannot be placed: pick it together with its world file`,
    });
  const worldFile = parseWorldFile(text);
  const sample = rasterCorners(worldFileTransform(worldFile), size.width, size.height);
  const prj = Object.entries(sidecars).find(([k]) => /(^|\.)prj$/i.test(k))?.[1];
  const resolution = resolveCrs(
    { axisOrder: 'en', ...(prj ? { definition: { text: prj, from: '.prj' } } : {}) },
    sample,
  );
  return { worldFile, ...rasterPlacement(resolution, sample) };
}
