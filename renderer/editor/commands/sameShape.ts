import type { ZoneGeometry } from '../../../shared/domain/geometry';

/**
 * Within this many degrees a position counts as the same (≈ 1 cm): exports round lon/lat to 7
 * decimals (RFC 7946) and projected files to 0.1 mm, so a zone exported and read back is the
 * same zone, while any vertex a planner moves is a change.
 */
export const SAME_POSITION_DEGREES = 1e-7;

type Ring = readonly (readonly number[])[];

function sameRing(a: Ring, b: Ring, reversed: boolean): boolean {
  if (a.length !== b.length) return false;
  const n = a.length;
  for (let i = 0; i < n; i++) {
    const p = a[i]!;
    // A closed ring read backwards keeps its first (= last) position.
    const q = b[reversed ? (n - 1 - i) % n : i]!;
    if (Math.abs(p[0]! - q[0]!) > SAME_POSITION_DEGREES || Math.abs(p[1]! - q[1]!) > SAME_POSITION_DEGREES)
      return false;
  }
  return true;
}

const polygonsOf = (g: ZoneGeometry): Ring[][] =>
  g.type === 'Polygon' ? [g.coordinates as Ring[]] : (g.coordinates as Ring[][]);

/**
 * The same zone outline: the same polygons, rings and positions within SAME_POSITION_DEGREES,
 * each ring in either direction (exports turn shells counter-clockwise).
 */
export function sameShape(a: ZoneGeometry, b: ZoneGeometry): boolean {
  const pa = polygonsOf(a);
  const pb = polygonsOf(b);
  if (pa.length !== pb.length) return false;
  return pa.every((rings, i) => {
    const other = pb[i]!;
    return (
      rings.length === other.length &&
      rings.every((ring, k) => sameRing(ring, other[k]!, false) || sameRing(ring, other[k]!, true))
    );
  });
}
