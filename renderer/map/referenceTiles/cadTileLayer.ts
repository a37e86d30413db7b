import type { PackedCad } from '../../../shared/formats/dxf/cadPack';
import { buildBoxIndex, type BoxIndex } from '../../../shared/geometry/spatialIndex';
import { toMercator } from './packedMercator';

/** A CAD sheet as the tile worker holds it: Mercator vertices, R-trees of part and label boxes. */
export interface CadTileLayer {
  cad: PackedCad;
  mercator: Float64Array;
  partBoxes: Float64Array;
  parts: BoxIndex;
  /** Label anchors in Mercator and a box per label wide enough for any rotation. */
  labelMercator: Float64Array;
  labels: BoxIndex;
  /** Mercator metres per ground metre at each label (1 / cos latitude). */
  labelStretch: Float32Array;
  /** Per CAD layer: drawn or not. */
  visible: boolean[];
}

/** Map-coordinate box per part, flat [minX, minY, maxX, maxY, …]. */
export function partMercatorBoxes(cad: PackedCad, mercator: Float64Array): Float64Array {
  const parts = cad.partStarts.length - 1;
  const boxes = new Float64Array(parts * 4);
  for (let p = 0; p < parts; p++) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let v = cad.partStarts[p]!; v < cad.partStarts[p + 1]!; v++) {
      const x = mercator[2 * v]!;
      const y = mercator[2 * v + 1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    boxes.set([minX, minY, maxX, maxY], 4 * p);
  }
  return boxes;
}

export function cadTileLayer(cad: PackedCad): CadTileLayer {
  const mercator = toMercator(cad.lonLat);
  const partBoxes = partMercatorBoxes(cad, mercator);
  const labelMercator = toMercator(cad.labels.lonLat);
  const count = cad.labels.text.length;
  const labelStretch = new Float32Array(count);
  const labelBoxes = new Float64Array(count * 4);
  for (let i = 0; i < count; i++) {
    const stretch = 1 / Math.cos((cad.labels.lonLat[2 * i + 1]! * Math.PI) / 180);
    labelStretch[i] = stretch;
    const reach = cad.labels.heightM[i]! * stretch * (cad.labels.text[i]!.length + 1);
    const [x, y] = [labelMercator[2 * i]!, labelMercator[2 * i + 1]!];
    labelBoxes.set([x - reach, y - reach, x + reach, y + reach], 4 * i);
  }
  return {
    cad,
    mercator,
    partBoxes,
    parts: buildBoxIndex(partBoxes),
    labelMercator,
    labels: buildBoxIndex(labelBoxes),
    labelStretch,
    visible: cad.layers.map(() => true),
  };
}
