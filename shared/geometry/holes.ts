import type { PolygonGeometry, Ring, ZoneGeometry } from '../domain/geometry';
import type { Bilingual } from '../domain/labels';
import { forEachCandidatePair, onRingBoundary, pointInRing, segmentContact, segmentsOf } from './segments';

export type HoleProblem = 'not_inside_any_part' | 'crosses_boundary' | 'overlaps_hole';

export type HoleResult = { ok: true; geometry: ZoneGeometry } | { ok: false; reason: HoleProblem };

function strictlyInside(ring: Ring, shell: Ring): boolean {
  return ring.every((p) => pointInRing(p, shell) && !onRingBoundary(p, shell));
}

function crosses(a: Ring, b: Ring): boolean {
  let hit = false;
  forEachCandidatePair(segmentsOf([a, b]), (s, t) => {
    hit = s.ring !== t.ring && segmentContact(s.a, s.b, t.a, t.b) !== 'none';
    return hit;
  });
  return hit;
}

function addToPolygon(rings: Ring[], hole: Ring): Ring[] | HoleProblem {
  if (crosses(hole, rings[0]!)) return 'crosses_boundary';
  for (const existing of rings.slice(1)) {
    if (crosses(hole, existing) || strictlyInside(hole, existing) || strictlyInside(existing, hole))
      return 'overlaps_hole';
  }
  return [...rings, hole];
}

/**
 * Cut a hole into the part of a zone that contains it. The hole must lie strictly inside that
 * part's shell and must not touch or overlap its other holes.
 */
export function addHoleToGeometry(geometry: ZoneGeometry, hole: Ring): HoleResult {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const index = parts.findIndex((rings) => strictlyInside(hole, rings[0]!) || crosses(hole, rings[0]!));
  if (index < 0) return { ok: false, reason: 'not_inside_any_part' };
  const result = addToPolygon(parts[index]!, hole);
  if (typeof result === 'string') return { ok: false, reason: result };
  if (geometry.type === 'Polygon')
    return { ok: true, geometry: { type: 'Polygon', coordinates: result } satisfies PolygonGeometry };
  return {
    ok: true,
    geometry: { type: 'MultiPolygon', coordinates: parts.map((rings, i) => (i === index ? result : rings)) },
  };
}

const TEXT: Record<HoleProblem, Bilingual> = {
  not_inside_any_part: { zh: '内环不在该区划范围内', en: 'the hole is not inside the zone' },
  crosses_boundary: { zh: '内环与区划外边界相交', en: 'the hole crosses the zone’s outer boundary' },
  overlaps_hole: { zh: '内环与已有内环重叠', en: 'the hole overlaps an existing hole' },
};

export function holeProblemMessage(problem: HoleProblem): Bilingual {
  return TEXT[problem];
}
