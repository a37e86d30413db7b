import type { Bilingual } from '../domain/labels';
import type { Coordinates, Layer, LayerGeometry } from '../formats/layer';
import { crsDefinition } from './definitions';
import { proj4WithBundledDefinitions } from './proj4Registry';

/** Geographic codes treated as the same lon/lat (CGCS2000 ≡ WGS84 at plan accuracy). */
const LON_LAT = new Set([4490, 4326]);

export const isLonLat = (epsg: number | null): boolean => epsg !== null && LON_LAT.has(epsg);

/** "EPSG:4516", "epsg:4516" or 4516 → 4516; null for anything else. */
export function parseEpsg(value: number | string | null | undefined): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^\s*(?:EPSG:{1,2})?(\d{4,5})\s*$/i.exec(value);
  return match ? Number(match[1]) : null;
}

export class UnknownCrsError extends Error {
  readonly reason: Bilingual;
  constructor(readonly epsg: number) {
    const reason = {
      zh: `不支持坐标系 EPSG:${epsg}（仅内置 CGCS2000、其高斯-克吕格分带、WGS84、UTM 与 3857）`,
      en: `EPSG:${epsg} is not supported (bundled: CGCS2000, its Gauss-Krüger zones, WGS84, UTM, 3857)`,
    };
    super(reason.en);
    this.name = 'UnknownCrsError';
    this.reason = reason;
  }
}

type Transform = (position: Coordinates) => Coordinates;

function mapGeometry(geometry: LayerGeometry, f: Transform): LayerGeometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map(f) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map((line) => line.map(f)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(f))) };
  }
}

/** A transform between two bundled systems; positions keep any third value (height). */
export function positionTransform(from: number, to: number): Transform {
  if (from === to || (isLonLat(from) && isLonLat(to))) return (p) => p;
  for (const code of [from, to]) if (!crsDefinition(code)) throw new UnknownCrsError(code);
  const converter = proj4WithBundledDefinitions()(`EPSG:${from}`, `EPSG:${to}`);
  return (p) => {
    // Non-finite input stays non-finite so validation reports it instead of proj4 inventing values.
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return [...p];
    const [x, y] = converter.forward([p[0]!, p[1]!]);
    return p.length > 2 ? [x!, y!, ...p.slice(2)] : [x!, y!];
  };
}

/** Swap the first two values of every position (survey X = north first → easting first). */
export function swapLayerAxes(layer: Layer): Layer {
  const swap: Transform = (p) => [p[1]!, p[0]!, ...p.slice(2)];
  return {
    ...layer,
    features: layer.features.map((f) => ({ ...f, geometry: f.geometry && mapGeometry(f.geometry, swap) })),
  };
}

/**
 * Reproject a layer to another bundled EPSG system with proj4 (the same definitions the map and
 * every export use). A layer without a CRS cannot be reprojected: the caller must set one first.
 */
export function transformLayer(layer: Layer, to: number, progress: (f: number) => void = () => {}): Layer {
  if (layer.epsg === null) throw new UnknownCrsError(0);
  const f = positionTransform(layer.epsg, to);
  const n = layer.features.length;
  const features = layer.features.map((feature, i) => {
    if (i % 500 === 0) progress(i / Math.max(1, n));
    return { ...feature, geometry: feature.geometry && mapGeometry(feature.geometry, f) };
  });
  progress(1);
  return { ...layer, epsg: to, features };
}

/** Round every coordinate to `decimals` places, dropping consecutive repeats that rounding creates. */
export function roundLayer(layer: Layer, decimals: number): Layer {
  const factor = 10 ** decimals;
  const round: Transform = (p) => p.map((v) => Math.round(v * factor) / factor);
  const ring = (positions: Coordinates[]) => {
    const out: Coordinates[] = [];
    for (const p of positions.map(round)) {
      const prev = out.at(-1);
      if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
    }
    const first = out[0];
    const last = out.at(-1);
    if (
      positions.length > 1 &&
      first &&
      last &&
      out.length > 1 &&
      (first[0] !== last[0] || first[1] !== last[1])
    )
      out.push([...first]);
    return out;
  };
  const geometry = (g: LayerGeometry): LayerGeometry => {
    switch (g.type) {
      case 'Polygon':
        return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
      case 'MultiPolygon':
        return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
      default:
        return mapGeometry(g, round);
    }
  };
  return {
    ...layer,
    features: layer.features.map((f) => ({ ...f, geometry: f.geometry && geometry(f.geometry) })),
  };
}
