import { resolveCrs } from '../../crs/resolveCrs';
import type { Bilingual } from '../../domain/labels';
import { rasterCorners, type GeoTransform } from './geoTransform';
import { tiffCrsEvidence } from './geoKeysEvidence';
import { isRotated } from './pixelGrid';
import { rasterPlacement, type RasterPlacement } from './rasterPlacement';
import { RasterRefused } from './rasterRefused';
import type { TiffHeader } from './tiffHeader';
import { findWorldFile, parseWorldFile, worldFileOf, worldFileTransform, type WorldFile } from './worldFile';

/**
 * A GeoTIFF, or a plain TIFF with its world file (a scanned survey sheet: .tif + .tfw + .prj), as
 * a background: where its pixels go and in which coordinate system.
 *
 * The placement follows GDAL's order (GTiff `GEOREF_SOURCES`, default PAM,INTERNAL,TABFILE,
 * WORLDFILE): the file's own tags first, so a .tfw beside a GeoTIFF that has them is left aside,
 * as GDAL leaves it; the world file only when the tags place nothing. The coordinate system comes
 * from the GeoKeys, else from the .prj beside the file, else from the numbers (the resolver, as
 * for imports).
 */
export interface TiffPlacement extends RasterPlacement {
  /**
   * Set when the map cannot place the TIFF by OpenLayers' own reading of its tags (a world file,
   * rotated tags, PixelIsPoint tags): the affine as a world file's six numbers, the map then
   * placing the pixels through their own plane (`pixelGrid.ts`).
   */
  worldFile?: WorldFile;
}

export const NO_GEOREFERENCING: Bilingual = {
  zh: '没有地理参考（既无 GeoTIFF 坐标标签，也没有同名的 .tfw 坐标文件）：请连同其 .tfw（以及 .prj）一起从文件选择，或先用 GIS 软件配准',
  en: 'it has no georeferencing (no GeoTIFF tags and no .tfw world file of the same name): pick it from file together with its .tfw (and .prj), or georeference it in a GIS first',
};
export const DEGENERATE: Bilingual = {
  zh: '地理参考无效（像元大小为零或不是数值），无法定位图像',
  en: 'the georeferencing is unusable (a pixel size of zero, or not a number), so the image cannot be placed',
};

/**
 * Whether OpenLayers' own reading of the tags (geotiff.js: the tiepoint is the top-left corner, no
 * rotation) would place the pixels elsewhere than GDAL: rotated tags, and PixelIsPoint tags, whose
 * tiepoint GDAL takes as the centre of its pixel (`header.geoTransform` is already shifted).
 */
function ownPlacementDiffers(header: TiffHeader): boolean {
  return header.geoTransform !== null && (isRotated(header.geoTransform) || header.pixelIsPoint);
}

/** Where the pixels go, by GDAL's order: the tags, else the world file; refused without either. */
export function tiffGeoreferencing(
  name: string,
  header: TiffHeader,
  sidecars: Record<string, string>,
): { transform: GeoTransform; worldFile?: WorldFile } {
  const tags = header.geoTransform;
  if (tags) {
    if (Math.abs(tags[1] * tags[5] - tags[2] * tags[4]) < 1e-300) throw new RasterRefused(DEGENERATE);
    return ownPlacementDiffers(header)
      ? { transform: tags, worldFile: worldFileOf(tags) }
      : { transform: tags };
  }
  const text = findWorldFile(name, sidecars);
  if (text === null) throw new RasterRefused(NO_GEOREFERENCING);
  const worldFile = parseWorldFile(text);
  return { transform: worldFileTransform(worldFile), worldFile };
}

const prjOf = (sidecars: Record<string, string>) =>
  Object.entries(sidecars).find(([k]) => /(^|\.)prj$/i.test(k))?.[1];

/** The placement of a picked TIFF (its sidecars by name or extension), or RasterRefused with the reason. */
export function tiffPlacement(
  name: string,
  header: TiffHeader,
  sidecars: Record<string, string> = {},
): TiffPlacement {
  const { transform, worldFile } = tiffGeoreferencing(name, header, sidecars);
  const sample = rasterCorners(transform, header.width, header.height);
  const { evidence } = tiffCrsEvidence(header);
  const prj = prjOf(sidecars);
  if (evidence.epsg === undefined && !evidence.definition && prj)
    evidence.definition = { text: prj, from: '.prj' };
  const placement = rasterPlacement(resolveCrs(evidence, sample), sample);
  return worldFile ? { ...placement, worldFile } : placement;
}
