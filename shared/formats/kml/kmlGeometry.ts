import type { Bilingual } from '../../domain/labels';
import type { Coordinates, LayerGeometry } from '../layer';

/**
 * KML geometry elements (as fast-xml-parser objects) to layer geometry, lon/lat[/alt] on WGS84.
 * Every fault is reported with its reason instead of being repaired silently.
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

function parseCoordinates(text: string): Coordinates[] {
  const positions: Coordinates[] = [];
  for (const tuple of text.trim().split(/\s+/)) {
    if (!tuple) continue;
    const values = tuple.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
    const [lon, lat, alt] = values;
    if (values.length < 2 || values.length > 3 || !values.every(Number.isFinite)) {
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

function readRing(boundary: unknown, which: Bilingual): Coordinates[] {
  const ring = isNode(boundary) ? listOf(boundary.LinearRing)[0] : undefined;
  const positions = parseCoordinates(isNode(ring) ? textOf(ring.coordinates) : '');
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
    throw new GeometryFault({
      zh: `${which.zh}未闭合（首末点不同）`,
      en: `${which.en} is not closed (first and last points differ)`,
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

function readPolygon(node: XmlNode): Coordinates[][] {
  const outer = readRing(listOf(node.outerBoundaryIs)[0], { zh: '外环', en: 'the outer ring' });
  const holes = listOf(node.innerBoundaryIs).flatMap((b, i) =>
    listOf(isNode(b) ? b.LinearRing : undefined).map((r) =>
      readRing({ LinearRing: r }, { zh: `内环 ${i + 1}`, en: `inner ring ${i + 1}` }),
    ),
  );
  return [outer, ...holes];
}

function readLine(node: XmlNode): Coordinates[] {
  const positions = parseCoordinates(textOf(node.coordinates));
  if (positions.length < 2)
    throw new GeometryFault({ zh: '线少于 2 个点', en: 'line has fewer than 2 points' });
  return positions;
}

interface Parts {
  polygons: Coordinates[][][];
  lines: Coordinates[][];
  points: Coordinates[];
}

/** Collect every part, walking nested MultiGeometry with an explicit stack (no recursion). */
function collect(placemark: XmlNode): Parts {
  const parts: Parts = { polygons: [], lines: [], points: [] };
  const stack: XmlNode[] = [placemark];
  while (stack.length) {
    const node = stack.pop()!;
    for (const p of listOf(node.Polygon)) if (isNode(p)) parts.polygons.push(readPolygon(p));
    for (const l of listOf(node.LineString)) if (isNode(l)) parts.lines.push(readLine(l));
    for (const r of listOf(node.LinearRing)) if (isNode(r)) parts.lines.push(readLine(r));
    for (const p of listOf(node.Point)) {
      const positions = isNode(p) ? parseCoordinates(textOf(p.coordinates)) : [];
      if (positions.length !== 1)
        throw new GeometryFault({ zh: '点须恰有 1 个坐标', en: 'a point needs exactly one coordinate' });
      parts.points.push(positions[0]!);
    }
    for (const m of listOf(node.MultiGeometry)) if (isNode(m)) stack.push(m);
  }
  return parts;
}

export interface PlacemarkGeometry {
  geometry: LayerGeometry | null;
  /** Parts of other kinds left out of a mixed MultiGeometry (polygons win, then lines). */
  dropped: number;
}

/** The geometry of a Placemark, or a GeometryFault naming what is wrong. */
export function placemarkGeometry(placemark: XmlNode): PlacemarkGeometry {
  const { polygons, lines, points } = collect(placemark);
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
