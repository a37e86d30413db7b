import { polygonsOf, type Position, type Ring, type ZoneGeometry } from '../domain/geometry';
import type { Bilingual } from '../domain/labels';
import {
  forEachCandidatePair,
  onRingBoundary,
  orient,
  pointInRing,
  segmentContact,
  segmentsOf,
} from './segments';

export const POLYGON_ERRORS = [
  'non_finite',
  'out_of_range',
  'too_few_points',
  'ring_not_closed',
  'degenerate_ring',
  'self_intersection',
  'rings_cross',
  'hole_outside_shell',
  'nested_holes',
  'polygons_overlap',
] as const;
export const POLYGON_WARNINGS = ['duplicate_vertex'] as const;
export type PolygonProblemCode = (typeof POLYGON_ERRORS)[number] | (typeof POLYGON_WARNINGS)[number];

export interface PolygonProblem {
  code: PolygonProblemCode;
  /** 0-based part (polygon of a MultiPolygon), ring (0 = outer) and vertex, where they apply. */
  polygon: number;
  ring: number;
  vertex?: number;
  at?: Position;
}

export interface Validation {
  /** Problems that make the geometry unusable: it cannot be stored or exported. */
  errors: PolygonProblem[];
  /** Problems worth reporting that do not make it invalid. */
  warnings: PolygonProblem[];
}

function ringShape(ring: Ring, polygon: number, r: number, out: Validation): boolean {
  for (let v = 0; v < ring.length; v++) {
    const [x, y] = ring[v]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      out.errors.push({ code: 'non_finite', polygon, ring: r, vertex: v });
      return false;
    }
    if (x < -180 || x > 180 || y < -90 || y > 90) {
      out.errors.push({ code: 'out_of_range', polygon, ring: r, vertex: v, at: [x, y] });
      return false;
    }
  }
  const first = ring[0];
  const last = ring.at(-1);
  if (ring.length < 4) out.errors.push({ code: 'too_few_points', polygon, ring: r });
  else if (!first || !last || first[0] !== last[0] || first[1] !== last[1])
    out.errors.push({ code: 'ring_not_closed', polygon, ring: r, at: first });
  else {
    for (let v = 1; v < ring.length; v++) {
      if (ring[v]![0] === ring[v - 1]![0] && ring[v]![1] === ring[v - 1]![1]) {
        out.warnings.push({ code: 'duplicate_vertex', polygon, ring: r, vertex: v, at: ring[v] });
      }
    }
    return true;
  }
  return false;
}

/** Segment crossings within one polygon: a ring touching itself, or two rings crossing. */
function crossings(rings: Ring[], polygon: number, out: Validation): void {
  const segments = segmentsOf(rings);
  const counts = rings.map((_, r) => segments.filter((s) => s.ring === r).length);
  forEachCandidatePair(segments, (s, t) => {
    const contact = segmentContact(s.a, s.b, t.a, t.b);
    if (contact === 'none') return false;
    if (s.ring === t.ring) {
      const n = counts[s.ring]!;
      const gap = Math.abs(s.seq - t.seq);
      const adjacent = gap === 1 || gap === n - 1;
      if (adjacent && contact === 'touch') return false;
      out.errors.push({
        code: 'self_intersection',
        polygon,
        ring: s.ring,
        vertex: Math.max(s.index, t.index),
        at: t.a,
      });
    } else if (contact !== 'touch') {
      out.errors.push({
        code: 'rings_cross',
        polygon,
        ring: Math.max(s.ring, t.ring),
        vertex: t.index,
        at: t.a,
      });
    }
    return out.errors.length >= 20;
  });
}

function collinear(ring: Ring): boolean {
  const a = ring[0]!;
  const b = ring.find((q) => q[0] !== a[0] || q[1] !== a[1]);
  return !b || ring.every((q) => orient(a, b, q) === 0);
}

function someVertexInside(inner: Ring, outer: Ring): boolean | null {
  for (const p of inner) if (!onRingBoundary(p, outer)) return pointInRing(p, outer);
  return null;
}

function holePlacement(rings: Ring[], polygon: number, out: Validation): void {
  const shell = rings[0]!;
  rings.slice(1).forEach((hole, h) => {
    if (someVertexInside(hole, shell) === false)
      out.errors.push({ code: 'hole_outside_shell', polygon, ring: h + 1, at: hole[0] });
    rings.slice(1).forEach((other, o) => {
      if (o !== h && someVertexInside(hole, other) === true)
        out.errors.push({ code: 'nested_holes', polygon, ring: h + 1, at: hole[0] });
    });
  });
}

function partsOverlap(polygons: Ring[][], out: Validation): void {
  const shells = polygons.map((rings) => rings[0]!);
  for (let i = 0; i < shells.length; i++) {
    for (let j = i + 1; j < shells.length; j++) {
      let crossing = false;
      forEachCandidatePair(segmentsOf([shells[i]!, shells[j]!]), (s, t) => {
        crossing = s.ring !== t.ring && ['cross', 'overlap'].includes(segmentContact(s.a, s.b, t.a, t.b));
        return crossing;
      });
      const inside =
        someVertexInside(shells[j]!, shells[i]!) === true ||
        someVertexInside(shells[i]!, shells[j]!) === true;
      if (crossing || inside)
        out.errors.push({ code: 'polygons_overlap', polygon: j, ring: 0, at: shells[j]![0] });
    }
  }
}

/**
 * Validate a zone geometry the way GIS databases will: OGC simple-feature validity (closed rings,
 * no self-intersection, holes inside their shell, parts not overlapping). Touching at single points
 * between rings is allowed, as in OGC.
 */
export function validateGeometry(geometry: ZoneGeometry): Validation {
  const out: Validation = { errors: [], warnings: [] };
  const polygons = polygonsOf(geometry);
  let wellFormed = true;
  polygons.forEach((rings, p) => {
    const shapes = rings.map((ring, r) => ringShape(ring, p, r, out));
    if (shapes.includes(false)) {
      wellFormed = false;
      return;
    }
    // A ring whose points all lie on one line has no inside at all: say that, not "crossing".
    const flat = rings.map(
      (ring, r) =>
        collinear(ring) && out.errors.push({ code: 'degenerate_ring', polygon: p, ring: r, at: ring[0] }),
    );
    if (flat.some(Boolean)) return;
    crossings(rings, p, out);
    if (rings.length > 1 && out.errors.length === 0) holePlacement(rings, p, out);
  });
  if (wellFormed && out.errors.length === 0 && polygons.length > 1) partsOverlap(polygons, out);
  return out;
}

const TEXT: Record<PolygonProblemCode, Bilingual> = {
  non_finite: { zh: '坐标不是有限数值', en: 'a coordinate is not a finite number' },
  out_of_range: { zh: '经纬度超出范围', en: 'longitude or latitude out of range' },
  too_few_points: {
    zh: '环少于4个点（3个角点加闭合点）',
    en: 'fewer than 4 positions (3 corners and the closing one)',
  },
  ring_not_closed: {
    zh: '环未闭合（首末点不同）',
    en: 'the ring is not closed (first and last positions differ)',
  },
  degenerate_ring: { zh: '环面积为零（退化）', en: 'the ring has zero area (degenerate)' },
  self_intersection: { zh: '自相交', en: 'self-intersection' },
  rings_cross: { zh: '内环与外环或其他内环相交', en: 'a hole crosses the shell or another hole' },
  hole_outside_shell: { zh: '内环位于外环之外', en: 'a hole lies outside its shell' },
  nested_holes: { zh: '内环嵌套在另一内环中', en: 'a hole lies inside another hole' },
  polygons_overlap: { zh: '多部件面的各部分相互重叠', en: 'parts of the multipolygon overlap' },
  duplicate_vertex: { zh: '相邻重复点', en: 'repeated consecutive vertex' },
};

/** "self-intersection near vertex 5 of ring 1" — numbers are 1-based for people. */
export function polygonProblemMessage(problem: PolygonProblem): Bilingual {
  const part =
    problem.polygon > 0
      ? { zh: `第${problem.polygon + 1}部分`, en: ` of part ${problem.polygon + 1}` }
      : { zh: '', en: '' };
  const ring = problem.ring + 1;
  if (problem.vertex !== undefined) {
    const v = problem.vertex + 1;
    return {
      zh: `${part.zh}第${ring}环第${v}点附近${TEXT[problem.code].zh}`,
      en: `${TEXT[problem.code].en} near vertex ${v} of ring ${ring}${part.en}`,
    };
  }
  return {
    zh: `${part.zh}第${ring}环：${TEXT[problem.code].zh}`,
    en: `ring ${ring}${part.en}: ${TEXT[problem.code].en}`,
  };
}
