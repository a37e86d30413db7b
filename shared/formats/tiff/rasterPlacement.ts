import { crsDefOfEpsg, describeCrs } from '../../crs/crsDef';
import type { CrsResolution } from '../../crs/resolveCrs';
import type { BackgroundCrs } from '../../domain/backgrounds';
import type { Bilingual } from '../../domain/labels';

/**
 * Where a raster background goes: its coordinate system as the resolver decided it, or the
 * candidates to ask the planner about (the same resolver and choices as imports).
 */
export interface RasterPlacement {
  crs?: BackgroundCrs;
  crsCandidates?: { epsg: number; label: string }[];
  /** The four corners in the file's units (for the panel's prefix and X/Y checks). */
  sample: number[][];
  /** What the resolver reported, for the panel. */
  warnings: Bilingual[];
}

/** The placement a resolver's answer gives for a raster whose corners are `sample`. */
export function rasterPlacement(resolution: CrsResolution, sample: number[][]): RasterPlacement {
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
  const warnings = resolution.refusal ? [resolution.refusal, ...resolution.warnings] : resolution.warnings;
  return { crsCandidates, sample, warnings };
}
