import type { Coordinates } from '../layer';
import type { HandleCounter, Pair } from './dxfSkeleton';
import { XDATA_APP } from './dxfZoneGroups';

/**
 * The entities the writer puts in a drawing. A polygon part is drawn the way CAD users draw a
 * hatched area: one closed LWPOLYLINE per ring (the outline they edit) and one associative HATCH
 * whose boundary paths are those rings and which names them as its source objects, each
 * polyline naming the hatch as its reactor, so CAD programs keep them together. Readers see the
 * part whole: GDAL reads the HATCH as a Polygon with its holes, our reader the same (and it
 * folds the outlines into it); the HATCH of every part of one zone carries the zone's number in
 * extended data (application HZW), so our reader joins the parts again.
 */
export const num = (v: number) => Number(v.toFixed(6)).toString();

const same = (a: Coordinates, b: Coordinates) => a[0] === b[0] && a[1] === b[1];
/** A ring's vertices without the closing repeat. */
export const openRing = (ring: Coordinates[]) =>
  ring.length > 1 && same(ring[0]!, ring.at(-1)!) ? ring.slice(0, -1) : ring;

export function polylinePairs(
  points: Coordinates[],
  closed: boolean,
  layer: string,
  handle: string,
  owner: string,
  reactor?: string,
): Pair[] {
  return [
    [0, 'LWPOLYLINE'],
    [5, handle],
    ...(reactor
      ? ([
          [102, '{ACAD_REACTORS'],
          [330, reactor],
          [102, '}'],
        ] as Pair[])
      : []),
    [330, owner],
    [100, 'AcDbEntity'],
    [8, layer],
    [100, 'AcDbPolyline'],
    [90, points.length],
    [70, closed ? 1 : 0],
    [43, 0],
    ...points.flatMap((p): Pair[] => [
      [10, num(p[0]!)],
      [20, num(p[1]!)],
    ]),
  ];
}

/** ANSI31 (lines at 45°) with a spacing of about 1/40 of the part's extent, 0.5–20 units. */
function patternScale(rings: Coordinates[][]): number {
  const xs = rings[0]!.map((p) => p[0]!);
  const ys = rings[0]!.map((p) => p[1]!);
  const extent = Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const spacing = Math.min(20, Math.max(0.5, extent / 40));
  return Number((spacing / 3.175).toFixed(3));
}

/** One polygon part (outer ring, then holes): its HATCH, then one closed polyline per ring. */
export function polygonPartPairs(
  rings: Coordinates[][],
  layer: string,
  owner: string,
  zone: number,
  h: HandleCounter,
): Pair[] {
  const hatch = h.take();
  const outlines = rings.map(() => h.take());
  const scale = patternScale(rings);
  const offset = num(3.175 * scale * Math.SQRT1_2);
  const paths = rings.flatMap((ring, i): Pair[] => {
    const points = openRing(ring);
    return [
      [92, i === 0 ? 1 | 2 | 16 : 1 | 2], // external, polyline, outermost for the shell
      [72, 0],
      [73, 1],
      [93, points.length],
      ...points.flatMap((p): Pair[] => [
        [10, num(p[0]!)],
        [20, num(p[1]!)],
      ]),
      [97, 1],
      [330, outlines[i]!],
    ];
  });
  const hatchPairs: Pair[] = [
    [0, 'HATCH'],
    [5, hatch],
    [330, owner],
    [100, 'AcDbEntity'],
    [8, layer],
    [100, 'AcDbHatch'],
    [10, 0],
    [20, 0],
    [30, 0],
    [210, 0],
    [220, 0],
    [230, 1],
    [2, 'ANSI31'],
    [70, 0],
    [71, 1],
    [91, rings.length],
    ...paths,
    [75, 0],
    [76, 1],
    [52, 0],
    [41, scale],
    [77, 0],
    [78, 1],
    [53, 45],
    [43, 0],
    [44, 0],
    [45, `-${offset}`],
    [46, offset],
    [79, 0],
    [98, 0],
    [1001, XDATA_APP],
    [1071, zone],
  ];
  return [
    ...hatchPairs,
    ...rings.flatMap((ring, i) => polylinePairs(openRing(ring), true, layer, outlines[i]!, owner, hatch)),
  ];
}

export function textPairs(
  p: Coordinates,
  text: string,
  height: number,
  layer: string,
  handle: string,
  owner: string,
): Pair[] {
  return [
    [0, 'TEXT'],
    [5, handle],
    [330, owner],
    [100, 'AcDbEntity'],
    [8, layer],
    [100, 'AcDbText'],
    [10, num(p[0]!)],
    [20, num(p[1]!)],
    [30, 0],
    [40, height],
    [1, text],
    [100, 'AcDbText'],
  ];
}

export function pointPairs(p: Coordinates, layer: string, handle: string, owner: string): Pair[] {
  return [
    [0, 'POINT'],
    [5, handle],
    [330, owner],
    [100, 'AcDbEntity'],
    [8, layer],
    [100, 'AcDbPoint'],
    [10, num(p[0]!)],
    [20, num(p[1]!)],
    [30, 0],
  ];
}
