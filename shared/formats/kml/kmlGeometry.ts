import type { Bilingual } from '../../domain/labels';
import { decimalNumber } from '../finiteCoordinates';
import type { Coordinates, LayerGeometry } from '../layer';

/**
 * KML geometry elements (as fast-xml-parser objects) to layer geometry, lon/lat[/alt] on WGS84:
 * Point, LineString, LinearRing, Polygon, MultiGeometry and Google Earth's gx:Track/gx:MultiTrack.
 * What GDAL reads is read: empty elements are left out, extra numbers after lon,lat,alt ignored,
 * an open ring closed — each repair reported with the placemark; what cannot be read (text for a
 * number, a coordinate off the globe, a degenerate ring) is a GeometryFault naming the reason.
 */
export type XmlNode = Record<string, unknown>;
export const isNode = (v: unknown): v is XmlNode => typeof v === 'object' && v !== null && !Array.isArray(v);
export const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Text content of an element that may carry attributes. */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNode(v) && v['#text'] !== undefined) return textOf(v['#text']);
  return '';
}

export class GeometryFault extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

/** What reading one placemark's geometry repaired, left out or ignored. */
interface Context {
  notes: Bilingual[];
  /** Tuples with more than three numbers (lon,lat,alt,…): the rest ignored, as GDAL does. */
  extraValues: number;
  /** Geometry elements without coordinates. */
  empty: number;
}

function parseCoordinates(text: string, ctx: Context): Coordinates[] {
  const positions: Coordinates[] = [];
  for (const tuple of text.trim().split(/\s+/)) {
    if (!tuple) continue;
    const values = tuple.split(',').map(decimalNumber);
    if (values.length > 3) ctx.extraValues++;
    const [lon, lat, alt] = values;
    if (values.length < 2 || !values.slice(0, 3).every(Number.isFinite)) {
      throw new GeometryFault({ zh: `坐标“${tuple}”不是数字`, en: `coordinate “${tuple}” is not numeric` });
    }
    if (Math.abs(lon!) > 180 || Math.abs(lat!) > 90) {
      throw new GeometryFault({
        zh: `坐标“${tuple}”超出经纬度范围`,
        en: `coordinate “${tuple}” is out of the longitude/latitude range`,
      });
    }
    positions.push(alt === undefined ? [lon!, lat!] : [lon!, lat!, alt]);
  }
  return positions;
}

function ringArea2(ring: Coordinates[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

/** A ring's positions, closed when the file left it open (as Google Earth draws it); null when empty. */
function readRing(boundary: unknown, which: Bilingual, ctx: Context): Coordinates[] | null {
  const ring = isNode(boundary) ? listOf(boundary.LinearRing)[0] : undefined;
  const positions = parseCoordinates(isNode(ring) ? textOf(ring.coordinates) : '', ctx);
  if (positions.length === 0) return null;
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    positions.push([...first]);
    ctx.notes.push({
      zh: `${which.zh}未闭合，已补上首点闭合`,
      en: `${which.en} was not closed; closed by repeating its first point`,
    });
  }
  const distinct = new Set(positions.map((p) => `${p[0]},${p[1]}`)).size;
  if (positions.length < 4 || distinct < 3 || ringArea2(positions) === 0) {
    throw new GeometryFault({
      zh: `${which.zh}退化（少于 3 个不同的点或面积为零）`,
      en: `${which.en} is degenerate (fewer than 3 distinct points or zero area)`,
    });
  }
  return positions;
}

function readPolygon(node: XmlNode, ctx: Context): Coordinates[][] | null {
  const outer = readRing(listOf(node.outerBoundaryIs)[0], { zh: '外环', en: 'the outer ring' }, ctx);
  if (!outer) return null;
  // Empty inner rings are left out, as GDAL does.
  const holes: Coordinates[][] = [];
  listOf(node.innerBoundaryIs).forEach((b, i) => {
    for (const r of listOf(isNode(b) ? b.LinearRing : undefined)) {
      const ring = readRing({ LinearRing: r }, { zh: `内环 ${i + 1}`, en: `inner ring ${i + 1}` }, ctx);
      if (ring) holes.push(ring);
    }
  });
  return [outer, ...holes];
}

function readLine(positions: Coordinates[]): Coordinates[] {
  if (positions.length < 2)
    throw new GeometryFault({ zh: '线少于 2 个点', en: 'line has fewer than 2 points' });
  return positions;
}

/** A gx:Track: its gx:coord elements ("lon lat alt"), as a line (one position: a point). */
function readTrack(node: XmlNode, ctx: Context): Coordinates[] {
  const tuples = listOf(node.coord).map((c) => textOf(c).trim().split(/\s+/).join(','));
  return parseCoordinates(tuples.join(' '), ctx);
}

interface Parts {
  polygons: Coordinates[][][];
  lines: Coordinates[][];
  points: Coordinates[];
}

/** Collect every part, walking nested MultiGeometry with an explicit stack (no recursion). */
function collect(placemark: XmlNode, ctx: Context): Parts {
  const parts: Parts = { polygons: [], lines: [], points: [] };
  const stack: XmlNode[] = [placemark];
  const nonEmpty = <T>(value: T | null, length: number): value is T => {
    if (value !== null && length > 0) return true;
    ctx.empty++;
    return false;
  };
  while (stack.length) {
    const node = stack.pop()!;
    for (const p of listOf(node.Polygon)) {
      const polygon = isNode(p) ? readPolygon(p, ctx) : null;
      if (nonEmpty(polygon, polygon?.length ?? 0)) parts.polygons.push(polygon);
    }
    for (const l of [...listOf(node.LineString), ...listOf(node.LinearRing)]) {
      const positions = isNode(l) ? parseCoordinates(textOf(l.coordinates), ctx) : [];
      if (nonEmpty(positions, positions.length)) parts.lines.push(readLine(positions));
    }
    for (const t of listOf(node.Track)) {
      const positions = isNode(t) ? readTrack(t, ctx) : [];
      if (!nonEmpty(positions, positions.length)) continue;
      if (positions.length > 1) parts.lines.push(positions);
      else {
        // A track of one position is where the device stood: a point, not a line.
        parts.points.push(positions[0]!);
        ctx.notes.push({
          zh: '轨迹只有 1 个位置，按点读取',
          en: 'the track has one position; read as a point',
        });
      }
    }
    for (const p of listOf(node.Point)) {
      const positions = isNode(p) ? parseCoordinates(textOf(p.coordinates), ctx) : [];
      if (!nonEmpty(positions, positions.length)) continue;
      if (positions.length !== 1)
        throw new GeometryFault({ zh: '点须恰有 1 个坐标', en: 'a point needs exactly one coordinate' });
      parts.points.push(positions[0]!);
    }
    for (const m of [...listOf(node.MultiGeometry), ...listOf(node.MultiTrack)]) if (isNode(m)) stack.push(m);
  }
  return parts;
}

export interface PlacemarkGeometry {
  geometry: LayerGeometry | null;
  /** Parts of other kinds left out of a mixed MultiGeometry (polygons win, then lines). */
  dropped: number;
  /** What was repaired or left out, to be reported with the placemark. */
  notes: Bilingual[];
  /** Tuples with more than three numbers, whose extra numbers were ignored. */
  extraValues: number;
}

function shape(parts: Parts): { geometry: LayerGeometry | null; dropped: number } {
  const { polygons, lines, points } = parts;
  if (polygons.length) {
    return {
      geometry:
        polygons.length === 1
          ? { type: 'Polygon', coordinates: polygons[0]! }
          : { type: 'MultiPolygon', coordinates: polygons },
      dropped: lines.length + points.length,
    };
  }
  if (lines.length) {
    return {
      geometry:
        lines.length === 1
          ? { type: 'LineString', coordinates: lines[0]! }
          : { type: 'MultiLineString', coordinates: lines },
      dropped: points.length,
    };
  }
  if (points.length) {
    return {
      geometry:
        points.length === 1
          ? { type: 'Point', coordinates: points[0]! }
          : { type: 'MultiPoint', coordinates: points },
      dropped: 0,
    };
  }
  return { geometry: null, dropped: 0 };
}

/**
 * The geometry of a Placemark, or a GeometryFault naming what is wrong. Geometry elements without
 * coordinates are left out (GDAL reads them as empty geometries); when nothing else is left the
 * placemark has no geometry and a note says why.
 */
export function placemarkGeometry(placemark: XmlNode): PlacemarkGeometry {
  const ctx: Context = { notes: [], extraValues: 0, empty: 0 };
  const result = shape(collect(placemark, ctx));
  if (!result.geometry && ctx.empty > 0) {
    ctx.notes.push({
      zh: '几何没有坐标（为空），按无几何读取',
      en: 'the geometry has no coordinates (empty); read without geometry',
    });
  }
  return { ...result, notes: ctx.notes, extraValues: ctx.extraValues };
}
