/** Screen distances at which a comment click lands on a zone's vertex or edge (CSS pixels). */
export const VERTEX_HIT_PX = 8;
export const EDGE_HIT_PX = 6;

/** Where on one zone's outline a click landed: parts, rings and vertex indices as stored. */
export type OutlineHit =
  | { kind: 'vertex'; part: number; ring: number; index: number }
  | { kind: 'edge'; part: number; ring: number; index: number; t: number };

type Pixel = readonly [number, number];

/**
 * The vertex within 8 px of the click (nearest first), else the edge within 6 px (`index` its first
 * vertex, `t` ∈ (0,1) along it), else null (the click is on the zone's area or off it). `parts` is
 * the zone's outline in screen pixels: parts → rings → closed rings of points (last = first).
 */
export function hitOutline(
  click: Pixel,
  parts: readonly (readonly (readonly Pixel[])[])[],
): OutlineHit | null {
  let vertex: OutlineHit | null = null;
  let vertexD = Infinity;
  let edge: OutlineHit | null = null;
  let edgeD = Infinity;
  for (let part = 0; part < parts.length; part++) {
    const rings = parts[part]!;
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r]!;
      // The closing point repeats the first: vertices are 0 … n−2, edges i → i+1 for i ≤ n−2.
      for (let i = 0; i < ring.length - 1; i++) {
        const a = ring[i]!;
        const b = ring[i + 1]!;
        const dv = Math.hypot(click[0] - a[0], click[1] - a[1]);
        if (dv <= VERTEX_HIT_PX && dv < vertexD) {
          vertexD = dv;
          vertex = { kind: 'vertex', part, ring: r, index: i };
        }
        const dx = b[0] - a[0];
        const dy = b[1] - a[1];
        const length2 = dx * dx + dy * dy;
        if (length2 === 0) continue;
        const t = ((click[0] - a[0]) * dx + (click[1] - a[1]) * dy) / length2;
        if (t <= 0 || t >= 1) continue;
        const de = Math.hypot(click[0] - (a[0] + t * dx), click[1] - (a[1] + t * dy));
        if (de <= EDGE_HIT_PX && de < edgeD) {
          edgeD = de;
          edge = { kind: 'edge', part, ring: r, index: i, t };
        }
      }
    }
  }
  return vertex ?? edge;
}
