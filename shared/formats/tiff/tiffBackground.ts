import { crsDefOfEpsg, describeCrs } from '../../crs/crsDef';
import type { BackgroundCrs } from '../../domain/backgrounds';
import type { Bilingual } from '../../domain/labels';
import { resolveTiffCrs, tiffCrsEvidence } from './geoKeysEvidence';
import type { TiffHeader } from './tiffHeader';

/**
 * A GeoTIFF as a background: whether the map can place it, and its coordinate system as the
 * resolver decided it, or the candidates to ask the planner about (the same resolver and
 * choices as imports).
 */
export interface TiffPlacement {
  crs?: BackgroundCrs;
  crsCandidates?: { epsg: number; label: string }[];
  /** The four corners in the file's units (for the panel's prefix and X/Y checks). */
  sample: number[][];
  /** What the resolver reported, for the panel. */
  warnings: Bilingual[];
}

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
  const resolution = resolveTiffCrs(header);
  const { sample } = tiffCrsEvidence(header);
  const crs = resolution.crs;
  if (crs)
    return {
      crs: crs.epsg !== null ? { epsg: crs.epsg } : { definition: crs.definition },
      sample,
      warnings: resolution.warnings,
    };
  const crsCandidates = resolution.candidates.map((epsg) => {
    const def = crsDefOfEpsg(epsg);
    return { epsg, label: def ? describeCrs(def).zh : `EPSG:${epsg}` };
  });
  return {
    crsCandidates,
    sample,
    warnings: resolution.refusal ? [resolution.refusal, ...resolution.warnings] : resolution.warnings,
  };
}
