import type { Ring, ZoneGeometry } from '../domain/geometry';
import { polygonsOf } from '../domain/geometry';
import type { Bilingual } from '../domain/labels';
import { fromJsts, toJsts } from '../geometry/jsts/convert';
import { unionAll } from '../geometry/jsts/ops';
import type { QuickFix } from './findings';

export const FIX_LABELS: Record<QuickFix['kind'], Bilingual> = {
  growOuter: { zh: '扩大外层区划以包含内层', en: 'Grow the outer zone to cover the inner one' },
  removeVertex: { zh: '删除该节点', en: 'Remove the vertex' },
};

/** "Grow the CCZ to cover the range" reads better than the generic label when it applies. */
export function fixLabel(fix: QuickFix, outerIsCcz: boolean): Bilingual {
  if (fix.kind === 'growOuter' && outerIsCcz)
    return { zh: '扩大建设控制地带以包含保护范围', en: 'Grow the CCZ to cover the range' };
  return FIX_LABELS[fix.kind];
}

function withoutVertex(ring: Ring, vertex: number): Ring {
  const open = ring.slice(0, -1);
  open.splice(vertex, 1);
  return [...open, open[0]!];
}

/**
 * The new geometries a quick fix produces, by zone id (the caller commits them as one undo step).
 * Unions are computed in the stored lon/lat plane so untouched vertices stay bit-identical.
 * Throws a RangeError when the fix no longer applies (the zone changed since the check).
 */
export function applyQuickFix(
  fix: QuickFix,
  geometryOf: (id: string) => ZoneGeometry | undefined,
): Map<string, ZoneGeometry> {
  const target = geometryOf(fix.zoneId);
  if (!target) throw new RangeError(`zone ${fix.zoneId} no longer exists`);
  if (fix.kind === 'growOuter') {
    const parts = [target, ...fix.innerZoneIds.map(geometryOf)].filter((g): g is ZoneGeometry => !!g);
    const grown = fromJsts(unionAll(parts.map((g) => toJsts(g))));
    if (!grown) throw new RangeError('the union is empty');
    return new Map([[fix.zoneId, grown]]);
  }
  const polygons = polygonsOf(target).map((rings) => rings.slice());
  const ring = polygons[fix.polygon]?.[fix.ring];
  if (!ring || fix.vertex >= ring.length - 1 || ring.length <= 4)
    throw new RangeError('the vertex no longer exists');
  polygons[fix.polygon]![fix.ring] = withoutVertex(ring, fix.vertex);
  const geometry: ZoneGeometry =
    target.type === 'Polygon'
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons };
  return new Map([[fix.zoneId, geometry]]);
}
