import type { Bilingual } from '../domain/labels';
import type { Coordinates, Layer, LayerGeometry } from '../formats/layer';
import { crsDefOfEpsg, type CrsDef } from './crsDef';
import { DATUMS, GRS80, type Ellipsoid } from './datums';
import { describeDatumShift, helmertOf, type DatumShift } from './datumShift';
import { crsDefinition } from './definitions';
import { helmertLonLat } from './helmert';
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
      zh: `不支持坐标系 EPSG:${epsg}（内置 CGCS2000、西安80、北京54、新北京54 及其高斯-克吕格分带、WGS84、UTM 与 3857；其他坐标系请提供完整定义，如 .prj）`,
      en: `EPSG:${epsg} is not bundled (CGCS2000, Xian 1980, Beijing 1954, New Beijing and their Gauss-Krüger zones, WGS84, UTM, 3857); give any other system as a full definition, e.g. a .prj`,
    };
    super(reason.en);
    this.name = 'UnknownCrsError';
    this.reason = reason;
  }
}

/** Converting between these two systems changes the datum, and nobody said how. */
export class DatumShiftRequiredError extends Error {
  readonly reason: Bilingual;
  constructor(readonly from: CrsDef) {
    const d = DATUMS[from.datum];
    const error = d.noShiftError ?? { zh: '未知', en: 'unknown' };
    const reason = {
      zh: `${from.name.zh} 使用${d.label.zh}，转换到 CGCS2000 需要选择基准转换：七参数/三参数，或“不转换（粗略）”（误差约${error.zh}）`,
      en: `${from.name.en} is on ${d.label.en}; converting it to CGCS2000 needs a datum transformation: 7 or 3 parameters, or "no shift (ballpark)" (error about ${error.en})`,
    };
    super(reason.en);
    this.name = 'DatumShiftRequiredError';
    this.reason = reason;
  }
}

/** The CrsDef of a layer: its own full definition, else its bundled EPSG code. */
export function layerCrs(layer: Layer): CrsDef | null {
  if (layer.crs) return layer.crs;
  if (layer.epsg === null) return null;
  const def = crsDefOfEpsg(layer.epsg);
  if (!def) throw new UnknownCrsError(layer.epsg);
  return def;
}

function crsOf(value: number | CrsDef): CrsDef {
  if (typeof value !== 'number') return value;
  const def = crsDefOfEpsg(value);
  if (!def) throw new UnknownCrsError(value);
  return def;
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

const geographicOf = (e: Ellipsoid) =>
  `+proj=longlat +a=${e.a} ${Number.isFinite(e.rf) ? `+rf=${e.rf}` : `+b=${e.a}`} +no_defs`;

/** Both systems share a frame: no datum transformation between them. */
function sameFrame(a: CrsDef, b: CrsDef): boolean {
  if (DATUMS[a.datum].compatible && DATUMS[b.datum].compatible) return true;
  return a.datumKey === b.datumKey && a.ellipsoid.a === b.ellipsoid.a && a.ellipsoid.rf === b.ellipsoid.rf;
}

/** A position transform, non-finite input passed through so validation reports it. */
function guarded(f: (x: number, y: number) => number[]): Transform {
  return (p) => {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return [...p];
    const [x, y] = f(p[0]!, p[1]!);
    return p.length > 2 ? [x!, y!, ...p.slice(2)] : [x!, y!];
  };
}

/**
 * A transform between two systems (bundled codes or full definitions); positions keep any third
 * value (height). Between a datum that is CGCS2000-compatible and one that is not, `shift` says
 * how (or the definition's own TOWGS84); without either it throws DatumShiftRequiredError.
 */
export function positionTransform(
  fromValue: number | CrsDef,
  toValue: number | CrsDef,
  shift?: DatumShift,
): Transform {
  const from = crsOf(fromValue);
  const to = crsOf(toValue);
  const proj4 = proj4WithBundledDefinitions();
  if (from.epsg !== null && from.epsg === to.epsg) return (p) => p;
  if (isLonLat(from.epsg) && isLonLat(to.epsg)) return (p) => p;
  if (sameFrame(from, to)) {
    const converter = proj4(from.definition, to.definition);
    return guarded((x, y) => converter.forward([x, y]));
  }
  const forward = !DATUMS[from.datum].compatible;
  const old = forward ? from : to;
  if (!forward && !DATUMS[from.datum].compatible) throw new DatumShiftRequiredError(from);
  const chosen: DatumShift | undefined =
    shift ??
    (old.towgs84 ? { method: 'helmert', values: old.towgs84, convention: 'position_vector' } : undefined);
  if (!chosen) throw new DatumShiftRequiredError(old);
  const oldGeographic = geographicOf(old.ellipsoid);
  const cgcs = crsDefinition(4490)!;
  const helmert = chosen.method === 'helmert' ? helmertOf(chosen) : null;
  if (forward) {
    const unproject = proj4(from.definition, oldGeographic);
    const shiftLonLat = helmert ? helmertLonLat(helmert, old.ellipsoid, GRS80) : null;
    const project = proj4(cgcs, to.definition);
    return guarded((x, y) => {
      const [lon, lat] = unproject.forward([x, y]) as [number, number];
      return project.forward(shiftLonLat ? shiftLonLat(lon, lat) : [lon, lat]);
    });
  }
  const unproject = proj4(from.definition, cgcs);
  const shiftLonLat = helmert ? helmertLonLat(helmert, GRS80, old.ellipsoid, true) : null;
  const project = proj4(oldGeographic, to.definition);
  return guarded((x, y) => {
    const [lon, lat] = unproject.forward([x, y]) as [number, number];
    return project.forward(shiftLonLat ? shiftLonLat(lon, lat) : [lon, lat]);
  });
}

/** What a datum transformation did, for warnings and reports; null when none was needed. */
export function datumShiftNote(from: CrsDef, to: CrsDef, shift?: DatumShift): Bilingual | null {
  if (sameFrame(from, to)) return null;
  const old = DATUMS[from.datum].compatible ? to : from;
  const used =
    shift ??
    (old.towgs84
      ? { method: 'helmert' as const, values: old.towgs84, convention: 'position_vector' as const }
      : null);
  if (!used) return null;
  const d = describeDatumShift(used);
  const label = DATUMS[old.datum].label;
  if (used.method === 'none') {
    const error = DATUMS[old.datum].noShiftError ?? { zh: '未知', en: 'unknown' };
    return {
      zh: `${label.zh} → CGCS2000：${d.zh}，位置误差约${error.zh}`,
      en: `${label.en} → CGCS2000: ${d.en}; positions are off by about ${error.en}`,
    };
  }
  return { zh: `${label.zh} → CGCS2000：${d.zh}`, en: `${label.en} → CGCS2000: ${d.en}` };
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
 * Reproject a layer to another system (a bundled EPSG code or a full definition) with proj4 — the
 * same definitions the map and every export use. A layer without a CRS cannot be reprojected: the
 * caller must resolve one first (shared/crs/resolveCrs.ts). A change of datum needs `datumShift`.
 */
export function transformLayer(
  layer: Layer,
  toValue: number | CrsDef,
  options: { datumShift?: DatumShift; progress?: (f: number) => void } = {},
): Layer {
  const from = layerCrs(layer);
  if (!from) throw new UnknownCrsError(0);
  const to = crsOf(toValue);
  const f = positionTransform(from, to, options.datumShift);
  const progress = options.progress ?? (() => {});
  const n = layer.features.length;
  const features = layer.features.map((feature, i) => {
    if (i % 500 === 0) progress(i / Math.max(1, n));
    return { ...feature, geometry: feature.geometry && mapGeometry(feature.geometry, f) };
  });
  progress(1);
  const { crs: _dropped, ...rest } = layer;
  return { ...rest, epsg: to.epsg, ...(to.epsg === null ? { crs: to } : {}), features };
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
