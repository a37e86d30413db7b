import { polygonsOf, type Position, type Ring, type ZoneGeometry } from '../../domain/geometry';
import { gkProjection } from '../jsts/projection';
import { planarPolygon, type Planar } from '../jsts/convert';
import { simplify, unionAll } from '../jsts/ops';
import { OpError } from './opError';
import { planar, stored, type OpOptions } from './planar';

/** Douglas-Peucker within `toleranceM` metres, keeping topology: rings never cross or vanish. */
export function simplifyZone(geometry: ZoneGeometry, toleranceM: number, options: OpOptions): ZoneGeometry {
  if (!(toleranceM > 0) || toleranceM > 1000) {
    throw new OpError('simplify', {
      zh: '容差须在0至1000米之间',
      en: 'the tolerance must be between 0 and 1000 m',
    });
  }
  return stored(simplify(planar(geometry, options), toleranceM), 'simplify', options);
}

/** The angle at b between b→a and b→c, in degrees (0…180). */
function angleAt(a: Planar, b: Planar, c: Planar): number {
  const ux = a[0] - b[0];
  const uy = a[1] - b[1];
  const vx = c[0] - b[0];
  const vy = c[1] - b[1];
  return (Math.abs(Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)) * 180) / Math.PI;
}

/** Remove vertices whose angle is below `minDeg`, re-checking the neighbours, until none is left. */
export function removeRingSpikes(ring: Planar[], minDeg: number): { ring: Planar[]; removed: number } {
  const pts = ring.slice(0, -1);
  let removed = 0;
  let changed = true;
  while (changed && pts.length > 3) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length > 3; i++) {
      const a = pts[(i - 1 + pts.length) % pts.length]!;
      const c = pts[(i + 1) % pts.length]!;
      if (angleAt(a, pts[i]!, c) < minDeg) {
        pts.splice(i, 1);
        removed++;
        changed = true;
        i--;
      }
    }
  }
  return { ring: [...pts, pts[0]!], removed };
}

/**
 * Remove spikes: vertices where the boundary turns back on itself at an angle below `minDeg`
 * (default 10°), typical of digitising slips. Returns the new geometry and how many were removed.
 */
export function removeSpikes(
  geometry: ZoneGeometry,
  options: OpOptions,
  minDeg = 10,
): { geometry: ZoneGeometry; removed: number } {
  const { project } = gkProjection(options.gkZone);
  let removed = 0;
  const polygons = polygonsOf(geometry).map((rings: Ring[]) =>
    planarPolygon(
      rings.map((r) => {
        const result = removeRingSpikes(
          r.map((p: Position) => project(p)),
          minDeg,
        );
        removed += result.removed;
        return result.ring;
      }),
    ),
  );
  if (removed === 0) throw new OpError('spikes', { zh: '未发现尖刺', en: 'no spikes found' });
  const result = polygons.length === 1 ? polygons[0]! : unionAll(polygons);
  return { geometry: stored(result, 'spikes', options), removed };
}
