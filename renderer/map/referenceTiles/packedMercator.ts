import type { ReferenceLayerData } from '../../../shared/analysis/overlapsReferenceLayer';
import type { Box } from '../../../shared/geometry/spatialIndex';

import { fromEPSG4326 } from 'ol/proj/epsg3857';

/** The part of a packed reference layer that drawing and picking need (no GK copy, no labels). */
export type PackedShapes = Pick<
  ReferenceLayerData,
  'featureCount' | 'lonLat' | 'ringStarts' | 'polygonRings' | 'featurePolygons'
>;

/** OpenLayers' lon/lat → Web Mercator over flat typed arrays (its types say number[]; it indexes). */
const project = (input: Float64Array, output: Float64Array): void =>
  void fromEPSG4326(input as unknown as number[], output as unknown as number[], 2);

/**
 * Web Mercator (the map's projection) straight from packed lon/lat, without per-vertex arrays:
 * OpenLayers' own transform, so reference layers and zones land on the same bits.
 */
export function toMercator(lonLat: Float64Array): Float64Array {
  const out = new Float64Array(lonLat.length);
  project(lonLat, out);
  return out;
}

/** First and one-past-last vertex of feature `f`. */
export function featureVertices(shapes: PackedShapes, f: number): [number, number] {
  const { featurePolygons, polygonRings, ringStarts } = shapes;
  return [
    ringStarts[polygonRings[featurePolygons[f]!]!]!,
    ringStarts[polygonRings[featurePolygons[f + 1]!]!]!,
  ];
}

/**
 * Map-coordinate box per feature, flat [minX, minY, maxX, maxY, …]. Mercator is monotonic in each
 * axis, so the lon/lat box's corners give the Mercator box without projecting every vertex.
 */
export function featureMercatorBoxes(shapes: PackedShapes): Float64Array {
  const boxes = new Float64Array(shapes.featureCount * 4);
  const ll = shapes.lonLat;
  const corners = new Float64Array(4);
  for (let f = 0; f < shapes.featureCount; f++) {
    const [v0, v1] = featureVertices(shapes, f);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let v = v0; v < v1; v++) {
      const x = ll[2 * v]!;
      const y = ll[2 * v + 1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    corners.set([minX, minY, maxX, maxY]);
    project(corners, boxes.subarray(4 * f, 4 * f + 4));
  }
  return boxes;
}

/** The box holding every box of a flat [minX, minY, maxX, maxY, …] list; null when there are none. */
export function unionOfBoxes(boxes: Float64Array): Box | null {
  if (boxes.length === 0) return null;
  const e: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < boxes.length; i += 4) {
    e[0] = Math.min(e[0], boxes[i]!);
    e[1] = Math.min(e[1], boxes[i + 1]!);
    e[2] = Math.max(e[2], boxes[i + 2]!);
    e[3] = Math.max(e[3], boxes[i + 3]!);
  }
  return e;
}
