import type { CrsInfo, Layer, LayerGeometry } from '../formats/layer';
import type { CrsEvidence } from './evidence';
import { resolveCrs, type CrsChoice, type CrsResolution } from './resolveCrs';
import { swapLayerAxes } from './transformLayer';

/** Every position of a geometry, in order (rings, parts). */
export function* positionsOf(geometry: LayerGeometry | null): Generator<number[]> {
  if (!geometry) return;
  switch (geometry.type) {
    case 'Point':
      yield geometry.coordinates;
      return;
    case 'MultiPoint':
    case 'LineString':
      yield* geometry.coordinates;
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const part of geometry.coordinates) yield* part;
      return;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) yield* ring;
  }
}

/** The parts of a geometry as position lists: each point its own part, each line and ring one. */
export function partsOf(geometry: LayerGeometry | null): number[][][] {
  if (!geometry) return [];
  switch (geometry.type) {
    case 'Point':
      return [[geometry.coordinates]];
    case 'MultiPoint':
      return geometry.coordinates.map((p) => [p]);
    case 'LineString':
      return [geometry.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
  }
}

export function* layerPositions(layer: Layer): Generator<number[]> {
  for (const f of layer.features) yield* positionsOf(f.geometry);
}

/** The evidence of a layer, with a code or definition it already carries counted as declared. */
function evidenceOf(layer: Layer): CrsEvidence {
  const evidence: CrsEvidence = { ...(layer.evidence ?? {}) };
  if (layer.epsg !== null && evidence.epsg === undefined) evidence.epsg = layer.epsg;
  if (layer.crs && !evidence.definition)
    evidence.definition = { text: layer.crs.definition, from: layer.name };
  return evidence;
}

/**
 * Decide a layer's CRS and axis order (resolveCrs) and place it: positions in GIS order
 * (easting/longitude first), `epsg` — or `crs` for a system without a code — set. A layer whose
 * system cannot be decided comes back unchanged with `epsg: null`; `resolution.refusal` says why.
 */
export function resolveLayer(
  layer: Layer,
  choice: CrsChoice = {},
): { layer: Layer; resolution: CrsResolution } {
  const resolution = resolveCrs(evidenceOf(layer), layerPositions(layer), choice);
  const crs = resolution.crs;
  if (!crs) return { layer: { ...layer, epsg: null }, resolution };
  const ordered = resolution.axisOrder === 'ne' ? swapLayerAxes(layer) : layer;
  const { crs: _previous, evidence: _evidence, ...rest } = ordered;
  const placed: Layer = { ...rest, epsg: crs.epsg, ...(crs.epsg === null ? { crs } : {}) };
  return { layer: placed, resolution };
}

/** A resolution as the preview and `hzw info` show it. */
export function crsInfoOf(resolution: CrsResolution): CrsInfo {
  const crs = resolution.crs;
  const join = (lang: 'zh' | 'en') =>
    resolution.reasons.map((r) => r[lang]).join(lang === 'zh' ? '；' : '; ');
  return {
    epsg: crs?.epsg ?? null,
    source: resolution.source,
    note: resolution.refusal ?? { zh: join('zh'), en: join('en') },
    ...(crs ? { name: crs.name, datum: crs.datum, datumKey: crs.datumKey } : {}),
    reasons: resolution.reasons,
    axisOrder: resolution.axisOrder,
    candidates: resolution.candidates,
    needsDatumShift: resolution.needsDatumShift,
  };
}
