import { polygonsOf, type Position, type Ring, type ZoneGeometry } from '../../../shared/domain/geometry';
import type { Bilingual } from '../../../shared/domain/labels';
import { toSurveyXY } from '../../../shared/crs/gaussKruger';
import { surveyOrder } from '../../../shared/formats/coordinateTable/parcels';

/**
 * The 界址点 view of a zone geometry and the edits the vertex table makes to it. Rows show each
 * vertex once (a stored ring repeats its first position at the end), in the coordinate-table
 * export's order and with its names (shared/formats/coordinateTable/parcels.ts `surveyOrder`):
 * outer rings clockwise from the north-west vertex, holes counter-clockwise, J1… through the rings
 * of a part, each part of a multi-part zone from J1. Edits address stored vertex indices; the
 * helpers here translate a table row to them.
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

function ringVertices(geometry: ZoneGeometry, at: RingAddress): Position[] {
  return openRing(polygonsOf(geometry)[at.part]?.[at.ring] ?? []);
}

/** The stored vertex index shown on each table row (row d shows vertex `order[d]`). */
export function tableOrder(geometry: ZoneGeometry, at: RingAddress, gkZone: number): number[] {
  const vertices = ringVertices(geometry, at);
  if (vertices.length < 3) return vertices.map((_, i) => i);
  const xy = vertices.map((p): [number, number] => {
    const { x, y } = toSurveyXY(p, gkZone, { prefixed: false });
    return [x, y];
  });
  return surveyOrder(xy, at.ring === 0);
}

/** Whether the table runs against the stored order. */
function reversed(order: readonly number[]): boolean {
  return order.length > 2 && order[1] !== (order[0]! + 1) % order.length;
}

/** "J5": the table's name of a stored vertex (the closing repeat names the first point). */
export function pointName(geometry: ZoneGeometry, at: VertexAddress, gkZone: number): string {
  const order = tableOrder(geometry, at, gkZone);
  const n = Math.max(order.length, 1);
  return `J${firstPointNumber(geometry, at) + Math.max(order.indexOf(at.index % n), 0) + 1}`;
}

/** The edit that inserts `positions` (in table order) after table row `row`. */
export function insertAfterRow(
  geometry: ZoneGeometry,
  at: RingAddress,
  row: number,
  positions: readonly Position[],
  gkZone: number,
): VertexEdit {
  const order = tableOrder(geometry, at, gkZone);
  const stored = order[row]!;
  return reversed(order)
    ? { kind: 'insert', at: { ...at, index: stored - 1 }, positions: [...positions].reverse() }
    : { kind: 'insert', at: { ...at, index: stored }, positions };
}

/** The table row an insert follows, named: the inverse of `insertAfterRow`. */
export function insertedAfter(
  geometry: ZoneGeometry,
  edit: Extract<VertexEdit, { kind: 'insert' }>,
  gkZone: number,
): string {
  const order = tableOrder(geometry, edit.at, gkZone);
  const n = Math.max(order.length, 1);
  const stored = reversed(order) ? (edit.at.index + 1) % n : (edit.at.index + n) % n;
  return pointName(geometry, { ...edit.at, index: stored }, gkZone);
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
