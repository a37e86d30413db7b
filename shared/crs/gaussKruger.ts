import proj4 from 'proj4';
import type { Position } from '../domain/geometry';
import { crsDefinition } from './definitions';

/** Projected coordinates in metres: [easting, northing] (GIS order). */
export type Projected = [number, number];

export interface ZoneOptions {
  /** Whether the easting carries the zone number (28 553 915 m) or not (553 915 m). */
  prefixed: boolean;
}

/** The 3° zone whose central meridian is nearest: zone n covers 3n ± 1.5 °E. */
export function gkZoneOfLongitude(lon: number): number {
  return Math.round(lon / 3);
}

/** EPSG code of a CGCS2000 3° Gauss-Krüger zone (25–45). */
export function gkEpsg(zone: number, { prefixed }: ZoneOptions): number {
  if (!Number.isInteger(zone) || zone < 25 || zone > 45)
    throw new RangeError(`3° zone ${zone} is outside 25–45`);
  return prefixed ? 4488 + zone : 4509 + zone;
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

export function toGaussKruger(position: Position, zone: number, options: ZoneOptions): Projected {
  const [e, n] = converter(gkEpsg(zone, options)).forward([position[0], position[1]]);
  return [e!, n!];
}

export function fromGaussKruger(projected: Projected, zone: number, options: ZoneOptions): Position {
  const [lon, lat] = converter(gkEpsg(zone, options)).inverse([projected[0], projected[1]]);
  return [lon!, lat!];
}

/**
 * Survey-table convention: X is the NORTHING and Y the EASTING (the reverse of GIS x/y), Y often
 * with the zone number in front.
 */
export function toSurveyXY(position: Position, zone: number, options: ZoneOptions): { x: number; y: number } {
  const [e, n] = toGaussKruger(position, zone, options);
  return { x: n, y: e };
}

/** The zone number carried by a prefixed 3° easting (8 digits before the point), or null. */
export function zoneOfPrefixedEasting(easting: number): number | null {
  const zone = Math.floor(easting / 1_000_000);
  return zone >= 25 && zone <= 45 && easting - zone * 1_000_000 > 0 && easting - zone * 1_000_000 < 1_000_000
    ? zone
    : null;
}
