import { addZonePrefix, gkEpsg } from '../../../shared/crs/gaussKruger';

/** The projection of a figure's offscreen map, and what its eastings add to the plan's (GK, unprefixed). */
export interface FigureProjection {
  code: string;
  eastOffset: number;
}

/**
 * The figure's offscreen map draws the frame's Gauss-Krüger zone under the code its backgrounds
 * use. The zone with the prefix (EPSG:4516, eastings + 28 000 000 m) is the same projection
 * shifted, but OpenLayers reprojects every tile of a source whose code differs from the view's:
 * for a county DOM delivered in EPSG:4516, minutes of per-tile WebGL reprojection at A1 where
 * drawing its tiles as they are takes seconds. So the prefixed code is used when more of the
 * backgrounds' sources are in it than in the unprefixed one; otherwise (tile services in Web
 * Mercator, CAD, mixed) the unprefixed code, as the figure plans are.
 */
export function figureProjection(sourceCodes: readonly (string | null)[], gkZone: number): FigureProjection {
  const prefixed = `EPSG:${gkEpsg(gkZone, { prefixed: true })}`;
  const plain = `EPSG:${gkEpsg(gkZone, { prefixed: false })}`;
  const count = (code: string) => sourceCodes.filter((c) => c === code).length;
  return count(prefixed) > count(plain)
    ? { code: prefixed, eastOffset: addZonePrefix(0, gkZone) }
    : { code: plain, eastOffset: 0 };
}
