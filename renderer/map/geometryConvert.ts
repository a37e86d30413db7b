import MultiLineString from 'ol/geom/MultiLineString';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Polygon from 'ol/geom/Polygon';
import type Geometry from 'ol/geom/Geometry';
import type SimpleGeometry from 'ol/geom/SimpleGeometry';
import { fromLonLat, toLonLat } from 'ol/proj';
import { fromEPSG4326 } from 'ol/proj/epsg3857';
import type { Position, Ring, ZoneGeometry } from '../../shared/domain/geometry';
import { packedGeometryOf } from '../../shared/domain/packedGeometry';
import { lazyMapGeometry } from './lazyGeometry';

/**
 * Stored geometry is lon/lat (CGCS2000); the map works in Web Mercator. Coordinates coming back
 * from the map are rounded to 1e-9° (about 0.1 mm), so vertices a tool did not touch come back
 * bit-identical instead of carrying projection round-off.
 */
const SCALE = 1e9;
const round = (v: number) => Math.round(v * SCALE) / SCALE;

function ringToLonLat(ring: number[][]): Ring {
  return ring.map((c): Position => {
    const [lon, lat] = toLonLat(c);
    return [round(lon!), round(lat!)];
  });
}

export function toZoneGeometry(geometry: Geometry): ZoneGeometry | null {
  if (geometry instanceof Polygon) {
    return { type: 'Polygon', coordinates: geometry.getCoordinates().map(ringToLonLat) };
  }
  if (geometry instanceof MultiPolygon) {
    return { type: 'MultiPolygon', coordinates: geometry.getCoordinates().map((p) => p.map(ringToLonLat)) };
  }
  return null;
}

/** Append a polygon's rings to `flat` as lon/lat pairs; returns the ring ends (OpenLayers' `ends`). */
function flattenRings(rings: readonly Ring[], flat: number[]): number[] {
  const ends: number[] = [];
  for (const ring of rings) {
    for (const [lon, lat] of ring) flat.push(lon, lat);
    ends.push(flat.length);
  }
  return ends;
}

/**
 * The map geometry of a stored zone, built flat: one array of Web Mercator values converted in
 * place by OpenLayers' own EPSG:4326 → 3857 function (what `fromLonLat` calls per point), without
 * an array per vertex — 1.6 M vertices open in a fraction of the time.
 */
export function toMapGeometry(geometry: ZoneGeometry): Polygon | MultiPolygon {
  const flat: number[] = [];
  if (geometry.type === 'Polygon') {
    const ends = flattenRings(geometry.coordinates, flat);
    return new Polygon(fromEPSG4326(flat, flat), 'XY', ends);
  }
  const endss = geometry.coordinates.map((polygon) => flattenRings(polygon, flat));
  return new MultiPolygon(fromEPSG4326(flat, flat), 'XY', endss);
}

/**
 * Where each ring (or line) of a map geometry ends in its flat coordinates, every polygon's rings
 * in turn; a line string or a point is one run.
 */
export function ringEnds(geometry: SimpleGeometry): number[] {
  if (geometry instanceof MultiPolygon) return geometry.getEndss().flat();
  if (geometry instanceof Polygon || geometry instanceof MultiLineString) return geometry.getEnds();
  return [geometry.getFlatCoordinates().length];
}

export function toMapCoordinate(position: Position): number[] {
  return fromLonLat(position);
}

export function toLonLatPosition(coordinate: number[]): Position {
  const [lon, lat] = toLonLat(coordinate);
  return [round(lon!), round(lat!)];
}

/**
 * The map geometry of a stored zone: from its packed form, converted only when read
 * (lazyGeometry.ts), when the record keeps one — as the open project's zones do.
 */
export function zoneToMapGeometry(zone: { geometry: ZoneGeometry }): Polygon | MultiPolygon {
  const packed = packedGeometryOf(zone);
  return packed ? lazyMapGeometry(packed) : toMapGeometry(zone.geometry);
}

/**
 * Whether a map geometry converts to exactly this stored zone's geometry (same polygons and rings,
 * every vertex equal after the 1e-9° rounding). A committed drag comes back from the store as the
 * outline the map already shows: the map then keeps its feature's geometry instead of replacing
 * it, which made the drawing, Modify and Snap index all 6 000 vertices again. Exact, so keeping it
 * loses nothing: the next edit writes back the same numbers for the vertices it does not touch.
 */
export function showsGeometry(shown: Geometry | undefined, zone: { geometry: ZoneGeometry }): boolean {
  const stored = packedGeometryOf(zone);
  if (!stored || !(shown instanceof Polygon || shown instanceof MultiPolygon)) return false;
  if ((shown instanceof Polygon ? 'Polygon' : 'MultiPolygon') !== stored.type) return false;
  const polygonEnds = shown instanceof Polygon ? [shown.getEnds().length] : shownPolygonEnds(shown);
  const ends = ringEnds(shown);
  const flat = shown.getFlatCoordinates();
  const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
    a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => v === b[i]);
  if (
    flat.length !== stored.flat.length ||
    !same(ends, stored.ends) ||
    !same(polygonEnds, stored.polygonEnds)
  )
    return false;
  const point = [0, 0];
  for (let i = 0; i < flat.length; i += 2) {
    point[0] = flat[i]!;
    point[1] = flat[i + 1]!;
    const [lon, lat] = toLonLat(point);
    if (round(lon!) !== stored.flat[i] || round(lat!) !== stored.flat[i + 1]) return false;
  }
  return true;
}

function shownPolygonEnds(geometry: MultiPolygon): number[] {
  let rings = 0;
  return geometry.getEndss().map((ends) => (rings += ends.length));
}
