import type { DocumentZone } from '../formats/projectDocument';
import { signedArea } from '../geometry/rings';
import { buildBoxIndex, type BoxIndex } from '../geometry/spatialIndex';
import { planarZone, type PlanarPolygon } from '../checks/planarZones';
import { preparedIntersectionArea, prepareRegion } from './overlapsArea';
import { featureOfPolygon, polygonRingsOf, type ReferenceLayerData } from './overlapsReferenceLayer';

export interface OverlapPair {
  zoneId: string;
  /** Feature index in the reference layer, and its label. */
  feature: number;
  label: string;
  /** Planar Gauss-Krüger overlap area in the project zone, m². */
  areaM2: number;
}

export interface ZoneOverlap {
  zoneId: string;
  objectId: string;
  areaM2: number;
  /** Share of the zone's own planar area inside the layer, 0…1. */
  share: number;
  features: number;
}

export interface OverlapResult {
  layerId: string;
  pairs: OverlapPair[];
  zones: ZoneOverlap[];
  totalM2: number;
  /** Feature indices that overlap any zone (for highlighting). */
  features: number[];
  elapsedMs: number;
}

export interface OverlapOptions {
  gkZone: number;
  /** Overlaps below this are dropped (touching edges, round-off), m². Default 0.01. */
  minAreaM2?: number;
  /** A prebuilt index over `layer.polygonBoxes` (analyses of many zone sets reuse it). */
  index?: BoxIndex;
}

function polygonArea(rings: PlanarPolygon): number {
  return Math.abs(signedArea(rings[0]!)) - rings.slice(1).reduce((s, h) => s + Math.abs(signedArea(h)), 0);
}

/**
 * Every zone overlapping a reference layer, with planar Gauss-Krüger overlap areas in the project
 * zone (the same measure GDAL's ST_Area(ST_Intersection(…)) gives on GK coordinates). Candidates
 * come from an R-tree over polygon boxes; each candidate's overlap area is measured by Green's
 * theorem over the clipped boundaries (overlapsArea.ts), never by building the intersection.
 */
export function overlapAnalysis(
  zones: readonly DocumentZone[],
  layer: ReferenceLayerData,
  options: OverlapOptions,
): OverlapResult {
  const started = performance.now();
  if (layer.gkZone !== options.gkZone) {
    throw new RangeError(`reference layer is packed for GK zone ${layer.gkZone}, not ${options.gkZone}`);
  }
  const minArea = options.minAreaM2 ?? 0.01;
  const index = options.index ?? buildBoxIndex(layer.polygonBoxes);
  const pairs: OverlapPair[] = [];
  const perZone: ZoneOverlap[] = [];
  const touched = new Set<number>();
  for (const zone of zones) {
    const z = planarZone(zone, options.gkZone);
    const zoneArea = z.polygons.reduce((s, p) => s + polygonArea(p), 0);
    const byFeature = new Map<number, number>();
    const [ox, oy] = z.polygons[0]?.[0]?.[0] ?? [0, 0];
    const region = prepareRegion(z.polygons, ox, oy);
    for (const p of index.search(z.box)) {
      const overlap = preparedIntersectionArea(region, prepareRegion([polygonRingsOf(layer, p)], ox, oy));
      if (overlap <= 0) continue;
      const f = featureOfPolygon(layer, p);
      byFeature.set(f, (byFeature.get(f) ?? 0) + overlap);
    }
    let total = 0;
    for (const [feature, areaM2] of byFeature) {
      if (areaM2 < minArea) continue;
      pairs.push({ zoneId: zone.id, feature, label: layer.labels[feature] ?? `#${feature + 1}`, areaM2 });
      touched.add(feature);
      total += areaM2;
    }
    if (total > 0) {
      perZone.push({
        zoneId: zone.id,
        objectId: zone.objectId,
        areaM2: total,
        share: zoneArea > 0 ? Math.min(1, total / zoneArea) : 0,
        features: [...byFeature.values()].filter((a) => a >= minArea).length,
      });
    }
  }
  return {
    layerId: layer.id,
    pairs,
    zones: perZone,
    totalM2: perZone.reduce((s, z) => s + z.areaM2, 0),
    features: [...touched].sort((a, b) => a - b),
    elapsedMs: performance.now() - started,
  };
}
