import type { CrsDef } from './crsDef';
import { needsDatumShift } from './crsDef';
import type { DatumShift } from './datumShift';

/**
 * The proj4 definition of an old-datum system with the planner's datum transformation to CGCS2000
 * attached as `+towgs84` (PROJ's position-vector convention: a coordinate-frame set has its
 * rotations' signs reversed), for a raster or tile source that proj4 reprojects itself. Null when
 * nothing is to be attached: the system needs no transformation, the planner chose "no shift", or
 * the definition is not a PROJ string (a WKT is left as it is).
 */
export function shiftedDefinition(crs: CrsDef, shift: DatumShift | undefined): string | null {
  if (!needsDatumShift(crs) || shift?.method !== 'helmert') return null;
  const definition = crs.definition.trim();
  if (!definition.startsWith('+')) return null;
  const values = [...shift.values];
  if (shift.convention === 'coordinate_frame' && values.length === 7)
    for (const i of [3, 4, 5]) values[i] = -values[i]!;
  const base = definition.replace(/\s*\+towgs84=\S*/g, '').replace(/\s*\+no_defs\b/g, '');
  return `${base} +towgs84=${values.join(',')} +no_defs`;
}
