import { polygonsOf, type PolygonGeometry, type Ring, type ZoneGeometry } from '../domain/geometry';
import type { Bilingual } from '../domain/labels';
import { locateInPolygon } from './pointInPolygon';
import { closeRing, orientRing, removeDuplicateVertices } from './rings';
import { forEachCandidatePair } from './segmentIndex';
import { pointInRing, segmentContact, segmentsOf } from './segments';
import { validateGeometry } from './validatePolygon';

export type HoleProblem = 'invalid_ring' | 'outside_shell' | 'crosses_boundary' | 'overlaps_hole';

export type HoleResult<G extends ZoneGeometry> =
  { ok: true; geometry: G } | { ok: false; reason: HoleProblem };

/** Whether two rings share any point at all (crossing, touching or running along each other). */
function meet(a: Ring, b: Ring): boolean {
  let hit = false;
  forEachCandidatePair(segmentsOf([a, b]), (s, t) => {
    hit = s.ring !== t.ring && segmentContact(s.a, s.b, t.a, t.b).kind !== 'none';
    return hit;
  });
  return hit;
}

/** With the rings not meeting, one vertex tells whether `inner` lies inside `outer`. */
const inside = (inner: Ring, outer: Ring) => pointInRing(inner[0]!, outer);

/** Close the drawn ring, drop repeated vertices, and check it is a simple ring on its own. */
function prepare(ring: Ring): Ring | null {
  const hole = removeDuplicateVertices(closeRing(ring));
  return validateGeometry({ type: 'Polygon', coordinates: [hole] }).errors.length === 0 ? hole : null;
}

function cut(rings: Ring[], hole: Ring): Ring[] | HoleProblem {
  const [shell, ...holes] = rings;
  if (meet(hole, shell!)) return 'crosses_boundary';
  if (!inside(hole, shell!)) return 'outside_shell';
  for (const existing of holes) {
    if (meet(hole, existing) || inside(hole, existing) || inside(existing, hole)) return 'overlaps_hole';
  }
  // RFC 7946: holes turn clockwise.
  return [...rings, orientRing(hole, false)];
}

/**
 * Cut a hole into a polygon. The hole must be a simple ring lying strictly inside the shell
 * (not even touching it) and must neither touch, overlap, lie in nor enclose an existing hole.
 * The ring is closed and stored clockwise whatever way it was drawn.
 */
export function addHole(polygon: PolygonGeometry, ring: Ring): HoleResult<PolygonGeometry> {
  const hole = prepare(ring);
  if (!hole) return { ok: false, reason: 'invalid_ring' };
  const result = cut(polygon.coordinates, hole);
  return typeof result === 'string'
    ? { ok: false, reason: result }
    : { ok: true, geometry: { type: 'Polygon', coordinates: result } };
}

/**
 * Cut a hole into whichever part of a zone holds it: the part whose interior (outside its own
 * holes) contains one of the hole's vertices, else a part whose shell the hole meets.
 */
export function addHoleToGeometry(geometry: ZoneGeometry, ring: Ring): HoleResult<ZoneGeometry> {
  const hole = prepare(ring);
  if (!hole) return { ok: false, reason: 'invalid_ring' };
  const parts = polygonsOf(geometry);
  let index = parts.findIndex((rings) => hole.some((p) => locateInPolygon(p, rings) === 'inside'));
  if (index < 0) index = parts.findIndex((rings) => meet(hole, rings[0]!));
  if (index < 0) return { ok: false, reason: 'outside_shell' };
  const result = cut(parts[index]!, hole);
  if (typeof result === 'string') return { ok: false, reason: result };
  if (geometry.type === 'Polygon') return { ok: true, geometry: { type: 'Polygon', coordinates: result } };
  const coordinates = parts.map((rings, i) => (i === index ? result : rings));
  return { ok: true, geometry: { type: 'MultiPolygon', coordinates } };
}

const TEXT: Record<HoleProblem, Bilingual> = {
  invalid_ring: { zh: '内环本身无效（点数不足或自相交）', en: 'the hole is not a simple ring' },
  outside_shell: { zh: '内环不在该区划范围内', en: 'the hole is not inside the zone' },
  crosses_boundary: {
    zh: '内环与区划外边界相交或接触',
    en: 'the hole crosses or touches the zone’s outer boundary',
  },
  overlaps_hole: {
    zh: '内环与已有内环重叠、接触或相互包含',
    en: 'the hole overlaps, touches or encloses an existing hole',
  },
};

export function holeProblemMessage(problem: HoleProblem): Bilingual {
  return TEXT[problem];
}
