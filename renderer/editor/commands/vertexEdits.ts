import { polygonsOf, type Position, type Ring, type ZoneGeometry } from '../../../shared/domain/geometry';
import type { Bilingual } from '../../../shared/domain/labels';

/**
 * The 界址点 view of a zone geometry and the edits the vertex table makes to it. Rows show each
 * vertex once (a stored ring repeats its first position at the end); points are named J1… through
 * the rings of a part (outer ring first, then holes), each part of a multi-part zone from J1, as
 * the coordinate-table export numbers them by default. Rows keep the stored order, so row k of a
 * ring is vertex k of that ring in the write door's messages.
 */
export interface RingAddress {
  /** 0-based part of a MultiPolygon (0 for a Polygon). */
  part: number;
  /** 0 = outer ring, 1… = holes. */
  ring: number;
}

export interface VertexAddress extends RingAddress {
  /** 0-based vertex of the open ring. */
  index: number;
}

export type VertexEdit =
  | { kind: 'move'; at: VertexAddress; position: Position }
  /** New vertices after `at.index` (−1: before the first). */
  | { kind: 'insert'; at: VertexAddress; positions: readonly Position[] }
  | { kind: 'remove'; at: RingAddress; indices: readonly number[] }
  /** The ring's vertices replaced; `ring` one past the last adds a hole. */
  | { kind: 'replace'; at: RingAddress; positions: readonly Position[] };

/** A ring's vertices without the closing repeat. */
export function openRing(ring: Ring): Position[] {
  const last = ring.at(-1);
  const closed = ring.length > 1 && last![0] === ring[0]![0] && last![1] === ring[0]![1];
  return closed ? ring.slice(0, -1) : ring.slice();
}

export function closeRing(vertices: readonly Position[]): Ring {
  return vertices.length
    ? [...vertices.map((p): Position => [p[0], p[1]]), [vertices[0]![0], vertices[0]![1]]]
    : [];
}

/** The number of the first point of a ring (J-number − 1): rings before it in the part. */
export function firstPointNumber(geometry: ZoneGeometry, at: RingAddress): number {
  const rings = polygonsOf(geometry)[at.part] ?? [];
  return rings.slice(0, at.ring).reduce((n, r) => n + openRing(r).length, 0);
}

/** "J5": the point name of a vertex (its stored index; the closing repeat names the first point). */
export function pointName(geometry: ZoneGeometry, at: VertexAddress): string {
  const ring = polygonsOf(geometry)[at.part]?.[at.ring] ?? [];
  const n = Math.max(openRing(ring).length, 1);
  return `J${firstPointNumber(geometry, at) + (at.index % n) + 1}`;
}

/** "外环" / "outer ring", "内环 2" / "hole 2", with the part when the zone has several. */
export function ringLabel(geometry: ZoneGeometry, at: RingAddress): Bilingual {
  const parts = polygonsOf(geometry).length;
  const ring =
    at.ring === 0 ? { zh: '外环', en: 'outer ring' } : { zh: `内环 ${at.ring}`, en: `hole ${at.ring}` };
  return parts > 1
    ? { zh: `第 ${at.part + 1} 部分${ring.zh}`, en: `${ring.en} of part ${at.part + 1}` }
    : ring;
}

function rebuild(geometry: ZoneGeometry, polygons: Ring[][]): ZoneGeometry {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** The geometry after one table edit; a RangeError for an address the geometry does not have. */
export function applyVertexEdit(geometry: ZoneGeometry, edit: VertexEdit): ZoneGeometry {
  const polygons = polygonsOf(geometry).map((rings) => rings.slice());
  const rings = polygons[edit.at.part];
  const adding = edit.kind === 'replace' && rings !== undefined && edit.at.ring === rings.length;
  if (!rings || (!adding && !rings[edit.at.ring])) throw new RangeError('No such ring');
  const vertices = adding ? [] : openRing(rings[edit.at.ring]!);
  const inRange = (i: number, allowBefore = false) =>
    Number.isInteger(i) && i >= (allowBefore ? -1 : 0) && i < vertices.length;
  let next: Position[];
  switch (edit.kind) {
    case 'move':
      if (!inRange(edit.at.index)) throw new RangeError('No such vertex');
      next = vertices.map((p, i) => (i === edit.at.index ? edit.position : p));
      break;
    case 'insert':
      if (!inRange(edit.at.index, true)) throw new RangeError('No such vertex');
      next = [
        ...vertices.slice(0, edit.at.index + 1),
        ...edit.positions,
        ...vertices.slice(edit.at.index + 1),
      ];
      break;
    case 'remove': {
      if (!edit.indices.every((i) => inRange(i))) throw new RangeError('No such vertex');
      const gone = new Set(edit.indices);
      next = vertices.filter((_, i) => !gone.has(i));
      break;
    }
    case 'replace':
      next = [...edit.positions];
      break;
  }
  rings[edit.at.ring] = closeRing(next);
  return rebuild(geometry, polygons);
}

/** A new geometry from rings of typed points: ring 0 the outer boundary, the others holes. */
export function geometryOfRings(rings: readonly (readonly Position[])[]): ZoneGeometry {
  return { type: 'Polygon', coordinates: rings.map(closeRing) };
}
