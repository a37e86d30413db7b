import proj4 from 'proj4';
import type { CrsDef } from './crsDef';
import { crsDefinition } from './definitions';
import type { AxisOrder } from './evidence';
import { gkSystem } from './gkFamilies';

/**
 * Whether numbers can be positions in a system — the test the resolver uses to tell survey order
 * from GIS order and a zone prefix from a plain easting. In China a northing lies between about
 * 1.9 and 6.2 million metres; a Gauss-Krüger easting within a zone between 50 000 and 950 000 m,
 * with the zone number before it when prefixed (28 553 915 → zone 28).
 */
export interface Median {
  x: number;
  y: number;
}

export const isNorthing = (v: number) => v >= 1_900_000 && v <= 6_200_000;
export const isPlainEasting = (v: number) => v >= 50_000 && v <= 950_000;

/** The zone number an easting carries (13–23 for 6° zones, 25–45 for 3°), or null. */
export function prefixedZone(v: number): number | null {
  const zone = Math.floor(v / 1_000_000);
  const rest = v - zone * 1_000_000;
  return ((zone >= 13 && zone <= 23) || (zone >= 25 && zone <= 45)) && isPlainEasting(rest) ? zone : null;
}

/**
 * Whether the median position, read in `order`, fits the system: true, false, or null when it
 * cannot be told (a definition proj4 cannot invert there).
 */
export function fitsCrs(crs: CrsDef, m: Median, order: AxisOrder): boolean | null {
  const [x, y] = order === 'en' ? [m.x, m.y] : [m.y, m.x];
  if (crs.geographic) return Math.abs(x) <= 180 && Math.abs(y) <= 90;
  const gk = crs.epsg === null ? null : gkSystem(crs.epsg);
  if (gk) {
    const easting = gk.prefixed ? x - gk.zone * 1_000_000 : x;
    return isPlainEasting(easting) && isNorthing(y);
  }
  const utm = crs.epsg !== null && (Math.floor(crs.epsg / 100) === 326 || Math.floor(crs.epsg / 100) === 327);
  if (utm) return x >= 100_000 && x <= 900_000 && y >= 0 && y <= 10_000_000;
  try {
    const converter = proj4(crs.definition, crsDefinition(4326)!);
    const [lon, lat] = converter.forward([x, y]) as [number, number];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
      return false;
    const [bx, by] = converter.inverse([lon, lat]) as [number, number];
    return Math.hypot(bx - x, by - y) < 1;
  } catch {
    return null;
  }
}
