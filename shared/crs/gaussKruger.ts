import proj4 from 'proj4';
import type { Position } from '../domain/geometry';
import { ZONE_RANGE, crsDefinition, gaussKrugerEpsg, type ZoneWidth } from './definitions';

/** Projected coordinates in metres: [easting, northing] (GIS order). */
export type Projected = [number, number];

/** Survey-table order: X is the NORTHING, Y the EASTING (the reverse of GIS x/y). */
export interface SurveyXY {
  x: number;
  y: number;
}

export interface ZoneOptions {
  /** Whether the easting carries the zone number (28 553 915 m) or not (553 915 m). */
  prefixed: boolean;
  /** Zone width in degrees; plan data use 3° zones (the default). */
  width?: ZoneWidth;
}

/**
 * The zone whose central meridian is nearest. A 3° zone n covers 3n ± 1.5 °E, a 6° zone n covers
 * 6n − 6 … 6n °E. A longitude exactly on a boundary goes to the eastern zone.
 */
export function gkZoneOfLongitude(lon: number, width: ZoneWidth = 3): number {
  return width === 3 ? Math.floor(lon / 3 + 0.5) : Math.floor(lon / 6) + 1;
}

/** EPSG code of a CGCS2000 Gauss-Krüger zone; throws for zones outside China (3°: 25–45, 6°: 13–23). */
export function gkEpsg(zone: number, { prefixed, width = 3 }: ZoneOptions): number {
  const epsg = gaussKrugerEpsg(zone, width, prefixed);
  if (epsg === null) {
    const { min, max } = ZONE_RANGE[width];
    throw new RangeError(`${width}° zone ${zone} is outside ${min}–${max}`);
  }
  return epsg;
}

const converters = new Map<number, proj4.Converter>();
function converter(epsg: number): proj4.Converter {
  let c = converters.get(epsg);
  if (!c) {
    c = proj4(crsDefinition(4490)!, crsDefinition(epsg)!);
    converters.set(epsg, c);
  }
  return c;
}

/** CGCS2000 lon/lat → Gauss-Krüger [easting, northing] in the given zone (any longitude). */
export function toGaussKruger(position: Position, zone: number, options: ZoneOptions): Projected {
  const [e, n] = converter(gkEpsg(zone, options)).forward([position[0], position[1]]);
  return [e!, n!];
}

/** Gauss-Krüger [easting, northing] in the given zone → CGCS2000 lon/lat. */
export function fromGaussKruger(projected: Projected, zone: number, options: ZoneOptions): Position {
  const [lon, lat] = converter(gkEpsg(zone, options)).inverse([projected[0], projected[1]]);
  return [lon!, lat!];
}

/** Survey-table convention: `{ x: northing, y: easting }`, Y with the zone prefix if asked. */
export function toSurveyXY(position: Position, zone: number, options: ZoneOptions): SurveyXY {
  const [e, n] = toGaussKruger(position, zone, options);
  return { x: n, y: e };
}

export function fromSurveyXY(point: SurveyXY, zone: number, options: ZoneOptions): Position {
  return fromGaussKruger([point.y, point.x], zone, options);
}

/** Unprefixed eastings stay within this band: China reaches < 340 km from a 6° zone's meridian. */
const EASTING_MIN = 100_000;
const EASTING_MAX = 900_000;

/**
 * The zone carried by a prefixed easting (8 digits before the point, e.g. 28 553 915 → 3° zone 28,
 * 20 392 000 → 6° zone 20), or null for an unprefixed easting or a northing. The two families'
 * zone numbers do not overlap in China (6°: 13–23, 3°: 25–45), so the prefix alone tells the width.
 */
export function zoneOfPrefixedEasting(easting: number): { zone: number; width: ZoneWidth } | null {
  if (!Number.isFinite(easting)) return null;
  const zone = Math.floor(easting / 1_000_000);
  const rest = easting - zone * 1_000_000;
  if (rest < EASTING_MIN || rest > EASTING_MAX) return null;
  for (const width of [3, 6] as const) {
    if (zone >= ZONE_RANGE[width].min && zone <= ZONE_RANGE[width].max) return { zone, width };
  }
  return null;
}

/** 553 915 in zone 28 → 28 553 915. */
export function addZonePrefix(easting: number, zone: number): number {
  return zone * 1_000_000 + easting;
}

/** 28 553 915 → 553 915; an easting without a recognisable prefix is returned unchanged. */
export function removeZonePrefix(easting: number): number {
  const prefix = zoneOfPrefixedEasting(easting);
  return prefix ? easting - prefix.zone * 1_000_000 : easting;
}
