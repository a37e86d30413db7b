import Feature from 'ol/Feature';
import LineString from 'ol/geom/LineString';
import Point from 'ol/geom/Point';
import type { PackedCad } from '../../../shared/formats/dxf/cadPack';
import type { Box, BoxIndex } from '../../../shared/geometry/spatialIndex';
import { toLonLat } from 'ol/proj';
import { toMercator } from '../referenceTiles/packedMercator';

/** Most CAD parts handed to snapping and tracing at once: the ones whose boxes are nearest. */
export const MAX_SNAP_PARTS = 300;

/**
 * The parts of a sheet whose boxes touch `box` (map coordinates), on visible CAD layers, at
 * most MAX_SNAP_PARTS (those with a vertex nearest the box's centre).
 */
export function nearParts(cad: PackedCad, index: BoxIndex, box: Box, visible: readonly boolean[]): number[] {
  const [cx, cy] = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
  const found = index.search(box).filter((p) => visible[cad.partLayer[p]!] !== false);
  if (found.length > MAX_SNAP_PARTS) {
    // Keep the parts with a vertex nearest the box's centre, measured in lon/lat scaled by the
    // latitude (no projection, no allocation: the pointer may move over thousands of parts).
    const [lon, lat] = toLonLat([cx, cy]) as [number, number];
    const k = Math.cos((lat * Math.PI) / 180);
    const ll = cad.lonLat;
    const distance = new Map<number, number>();
    for (const p of found) {
      let best = Infinity;
      for (let v = cad.partStarts[p]!; v < cad.partStarts[p + 1]!; v++)
        best = Math.min(best, ((ll[2 * v]! - lon) * k) ** 2 + (ll[2 * v + 1]! - lat) ** 2);
      distance.set(p, best);
    }
    found.sort((a, b) => distance.get(a)! - distance.get(b)!);
    found.length = MAX_SNAP_PARTS;
  }
  return found;
}

/**
 * Part `p` as an OpenLayers feature in map coordinates: a line or ring as a LineString (a ring
 * closed by its first vertex), a lone point as a Point; id `<idPrefix>:<p>`.
 */
export function partFeature(cad: PackedCad, p: number, idPrefix: string): Feature<LineString | Point> {
  const flat = toMercator(cad.lonLat.subarray(2 * cad.partStarts[p]!, 2 * cad.partStarts[p + 1]!));
  const coords: number[][] = [];
  for (let i = 0; i < flat.length; i += 2) coords.push([flat[i]!, flat[i + 1]!]);
  if (cad.closed[p] && coords.length > 2) {
    const [first, last] = [coords[0]!, coords.at(-1)!];
    if (first[0] !== last[0] || first[1] !== last[1]) coords.push([...first]);
  }
  const feature = new Feature<LineString | Point>(
    coords.length === 1 ? new Point(coords[0]!) : new LineString(coords),
  );
  feature.setId(`${idPrefix}:${p}`);
  return feature;
}
