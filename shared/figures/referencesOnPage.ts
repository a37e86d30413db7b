import type { ReferenceKind, ReferenceLayerData } from '../analysis/overlapsReferenceLayer';
import { toGaussKruger, type Projected } from '../crs/gaussKruger';
import type { GroundFrame } from './frame';
import type { GkPolygons } from './zonesOnPage';

/** A reference layer (control line) as a figure draws it: the polygons that reach the map frame. */
export interface FigureReference {
  name: string;
  kind: ReferenceKind;
  /** In the frame's Gauss-Krüger zone, unprefixed metres, thinned to what the paper can show. */
  polygons: GkPolygons;
}

/** Vertices closer than this on paper are one point in print (the tile worker skips sub-pixel steps alike). */
const MIN_STEP_MM = 0.1;

/**
 * The polygons of the shown reference layers that reach a figure's ground frame, in order (the
 * first is drawn lowest). A county's farmland layer holds 100 000 polygons: each polygon's stored
 * box rules it out without touching its vertices when the layer is in the figure's zone, and
 * vertices closer than 0.1 mm on paper are dropped, so a 1:50 000 page stays a page.
 */
export function referencesInFrame(
  layers: readonly ReferenceLayerData[],
  gkZone: number,
  ground: GroundFrame,
): FigureReference[] {
  const step = (ground.scale * MIN_STEP_MM) / 1000;
  const out: FigureReference[] = [];
  for (const layer of layers) {
    const sameZone = layer.gkZone === gkZone;
    const vertex = (v: number): Projected =>
      sameZone
        ? [layer.gk[2 * v]!, layer.gk[2 * v + 1]!]
        : toGaussKruger([layer.lonLat[2 * v]!, layer.lonLat[2 * v + 1]!], gkZone, { prefixed: false });
    const polygons: GkPolygons = [];
    const count = layer.polygonRings.length - 1;
    for (let p = 0; p < count; p++) {
      if (sameZone && !boxMeets(layer.polygonBoxes.subarray(4 * p, 4 * p + 4), ground)) continue;
      const rings: Projected[][] = [];
      for (let r = layer.polygonRings[p]!; r < layer.polygonRings[p + 1]!; r++) {
        const ring = thinned(layer.ringStarts[r]!, layer.ringStarts[r + 1]!, vertex, step);
        if (ring.length >= 4) rings.push(ring);
        else if (rings.length === 0) break; // the outer ring is below a point on paper
      }
      if (rings.length === 0 || (!sameZone && !boxMeets(ringBox(rings[0]!), ground))) continue;
      polygons.push(rings);
    }
    if (polygons.length > 0) out.push({ name: layer.name, kind: layer.kind, polygons });
  }
  return out;
}

/** Ring vertices v0 … v1 − 1, skipping any within `step` of the last one kept (the closing point stays). */
function thinned(v0: number, v1: number, vertex: (v: number) => Projected, step: number): Projected[] {
  const ring: Projected[] = [];
  let last: Projected | null = null;
  for (let v = v0; v < v1; v++) {
    const p = vertex(v);
    if (last && v < v1 - 1 && Math.abs(p[0] - last[0]) < step && Math.abs(p[1] - last[1]) < step) continue;
    ring.push(p);
    last = p;
  }
  return ring;
}

function ringBox(ring: readonly Projected[]): number[] {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [e, n] of ring) {
    box[0] = Math.min(box[0]!, e);
    box[1] = Math.min(box[1]!, n);
    box[2] = Math.max(box[2]!, e);
    box[3] = Math.max(box[3]!, n);
  }
  return box;
}

function boxMeets(box: ArrayLike<number>, g: GroundFrame): boolean {
  return box[0]! <= g.maxE && box[2]! >= g.minE && box[1]! <= g.maxN && box[3]! >= g.minN;
}
