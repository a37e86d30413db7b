import { polygonsOf, type Ring, type ZoneGeometry } from '../domain/geometry';
import type { Bilingual } from '../domain/labels';
import { geometryFingerprint } from './fingerprint';
import { orient } from './segments';
import { checkTopology, type CheckedPolygon } from './polygonTopology';
import { ProblemLog, type PolygonProblem, type PolygonProblemCode, type Validation } from './polygonProblems';

/**
 * A ring whose vertices all lie within 1e-10 of its length from one line has no inside. Exact
 * zero would miss rings that are collinear up to the rounding of decimal degrees.
 */
const FLATNESS = 1e-10;

function isFlat(ring: Ring): boolean {
  const a = ring[0]!;
  let far = a;
  let farthest = 0;
  for (const p of ring) {
    const d = Math.hypot(p[0] - a[0], p[1] - a[1]);
    if (d > farthest) [far, farthest] = [p, d];
  }
  if (farthest === 0) return true;
  // |orient| = length · distance from the line a–far.
  return ring.every((p) => Math.abs(orient(a, far, p)) <= FLATNESS * farthest * farthest);
}

/** Per-ring checks; false when the ring is too broken for topology checks to mean anything. */
function checkRing(ring: Ring, polygon: number, r: number, log: ProblemLog): boolean {
  for (let v = 0; v < ring.length; v++) {
    const [x, y] = ring[v]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      log.add({ code: 'non_finite', polygon, ring: r, vertex: v });
      return false;
    }
    if (x < -180 || x > 180 || y < -90 || y > 90) {
      log.add({ code: 'out_of_range', polygon, ring: r, vertex: v, at: [x, y] });
      return false;
    }
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length < 4 || !first || !last) {
    log.add({ code: 'too_few_points', polygon, ring: r, ...(first ? { at: first } : {}) });
    return false;
  }
  if (first[0] !== last[0] || first[1] !== last[1]) {
    log.add({ code: 'ring_not_closed', polygon, ring: r, vertex: ring.length - 1, at: last });
    return false;
  }
  for (let v = 1; v < ring.length; v++) {
    if (ring[v]![0] === ring[v - 1]![0] && ring[v]![1] === ring[v - 1]![1])
      log.add({ code: 'duplicate_vertex', polygon, ring: r, vertex: v, at: ring[v] });
  }
  if (isFlat(ring)) {
    log.add({ code: 'degenerate_ring', polygon, ring: r, at: first });
    return false;
  }
  return true;
}

/**
 * Validate a zone geometry the way GIS databases will (OGC simple-feature validity): closed,
 * finite, non-degenerate rings; no ring crossing or touching itself; holes inside their shell,
 * not crossing it, each other or nested; rings meeting only at single points that do not cut the
 * interior apart; MultiPolygon parts neither crossing, sharing an edge nor containing one another.
 * Edges are straight in the lon/lat plane. Linear in the vertex count for real zones: edge
 * contacts come from a uniform grid index (segmentIndex.ts).
 */
export function validateGeometry(geometry: ZoneGeometry): Validation {
  const fingerprint = geometryFingerprint(geometry);
  const known = checked.get(geometry);
  if (known?.fingerprint === fingerprint) return copyOf(known.result);
  const result = validateAnew(geometry);
  checked.set(geometry, { fingerprint, result: copyOf(result) });
  return result;
}

/**
 * Geometries this thread has validated, with their fingerprint then. An import's reader and the
 * write door see the same geometry object (ZoneGeometrySchema passes an exact geometry through):
 * the door gets the reader's answer for one pass over the coordinates, and a geometry changed in
 * between no longer matches its fingerprint and is validated again. Other threads and copies are
 * other objects, so nothing can present a geometry as checked that was not.
 */
const checked = new WeakMap<object, { fingerprint: number; result: Validation }>();

const copyOf = (v: Validation): Validation => ({ errors: [...v.errors], warnings: [...v.warnings] });

function validateAnew(geometry: ZoneGeometry): Validation {
  const log = new ProblemLog();
  const checked: CheckedPolygon[] = [];
  const polygons = polygonsOf(geometry);
  if (polygons.length === 0) log.add({ code: 'too_few_points', polygon: 0, ring: 0 });
  polygons.forEach((rings, index) => {
    if (rings.length === 0) log.add({ code: 'too_few_points', polygon: index, ring: 0 });
    const usable = rings.map((ring, r) => checkRing(ring, index, r, log));
    if (rings.length > 0 && usable.every(Boolean)) checked.push({ index, rings });
  });
  checkTopology(checked, log);
  return log.result();
}

export const POLYGON_PROBLEM_TEXT: Record<PolygonProblemCode, Bilingual> = {
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
  degenerate_ring: { zh: '环面积为零（各点共线）', en: 'the ring has zero area (all points on one line)' },
  self_intersection: { zh: '自相交', en: 'self-intersection' },
  rings_cross: {
    zh: '内环与外环或其他内环相交或共边',
    en: 'a hole crosses or runs along the shell or another hole',
  },
  hole_outside_shell: { zh: '内环位于外环之外', en: 'a hole lies outside its shell' },
  nested_holes: { zh: '内环嵌套在另一内环中', en: 'a hole lies inside another hole' },
  interior_disconnected: {
    zh: '内环相互或与外环多处接触，将面分割成不连通的部分',
    en: 'rings touch in more than one place and cut the polygon apart',
  },
  polygons_overlap: {
    zh: '多部件面的各部分相互重叠或共边',
    en: 'parts of the multipolygon overlap or share an edge',
  },
  duplicate_vertex: { zh: '相邻重复点', en: 'repeated consecutive vertex' },
};

/**
 * "第1环第5点附近自相交" / "self-intersection near vertex 5 of ring 1"; parts, rings and vertices
 * are numbered from 1 for people (ring 1 is the outer ring).
 */
export function polygonProblemMessage(problem: PolygonProblem): Bilingual {
  const text = POLYGON_PROBLEM_TEXT[problem.code];
  const part =
    problem.polygon > 0
      ? { zh: `第${problem.polygon + 1}部分`, en: ` of part ${problem.polygon + 1}` }
      : { zh: '', en: '' };
  const ring = problem.ring + 1;
  if (problem.vertex !== undefined) {
    const v = problem.vertex + 1;
    return {
      zh: `${part.zh}第${ring}环第${v}点附近${text.zh}`,
      en: `${text.en} near vertex ${v} of ring ${ring}${part.en}`,
    };
  }
  return { zh: `${part.zh}第${ring}环：${text.zh}`, en: `ring ${ring}${part.en}: ${text.en}` };
}
