import type { Drawn } from './dxfPlacement';

/**
 * Closed outlines drawn as separate pieces (LINE, ARC, open polylines, curves — common in survey
 * drawings) joined into rings. Per CAD layer, piece ends closer than the tolerance are one node
 * (found through a hash grid of tolerance-sized cells, so the work grows with the number of
 * pieces, never with its square). A connected group of pieces in which every node joins exactly
 * two piece ends is a closed loop and becomes one polygon; pieces of open chains, branches
 * (three or more ends at a node) or loops that enclose no area stay lines as drawn.
 */
export interface JoinResult {
  drawn: Drawn[];
  rings: number;
  pieces: number;
}

interface Node {
  x: number;
  y: number;
  layer: number;
  edges: number[];
}

interface Edge {
  piece: number;
  from: number;
  to: number;
}

const MAX_LISTED_HANDLES = 20;

function ringArea(ring: number[][]): number {
  const [x0, y0] = ring[0]!;
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    sum += (ring[i]![0]! - x0!) * (ring[i + 1]![1]! - y0!) - (ring[i + 1]![0]! - x0!) * (ring[i]![1]! - y0!);
  return sum / 2;
}

export function joinChains(drawn: readonly Drawn[], tolerance: number): JoinResult {
  const nodes: Node[] = [];
  const edges: Edge[] = [];
  // Cells of the tolerance's size, hashed to 32-bit keys (a collision only adds candidates: the
  // distance decides).
  const grid = new Map<number, number[]>();
  const layers = new Map<string, number>();
  const cellKey = (layer: number, cx: number, cy: number) =>
    Math.imul(cx | 0, 73_856_093) ^ Math.imul(cy | 0, 19_349_663) ^ Math.imul(layer, 83_492_791);
  const nodeAt = (layerName: string, p: number[]): number => {
    const known = layers.get(layerName);
    const layer: number = known ?? layers.size;
    if (known === undefined) layers.set(layerName, layer);
    const cx = Math.floor(p[0]! / tolerance);
    const cy = Math.floor(p[1]! / tolerance);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const id of grid.get(cellKey(layer, cx + dx, cy + dy)) ?? []) {
          const n: Node = nodes[id]!;
          if (n.layer === layer && Math.hypot(n.x - p[0]!, n.y - p[1]!) <= tolerance) return id;
        }
      }
    }
    const key = cellKey(layer, cx, cy);
    nodes.push({ x: p[0]!, y: p[1]!, layer, edges: [] });
    const cell = grid.get(key);
    if (cell) cell.push(nodes.length - 1);
    else grid.set(key, [nodes.length - 1]);
    return nodes.length - 1;
  };
  drawn.forEach((d, piece) => {
    if (d.kind !== 'line' || d.geometry.type !== 'LineString') return;
    const points = d.geometry.coordinates;
    const from = nodeAt(d.layer, points[0]!);
    const to = nodeAt(d.layer, points.at(-1)!);
    edges.push({ piece, from, to });
    nodes[from]!.edges.push(edges.length - 1);
    nodes[to]!.edges.push(edges.length - 1);
  });

  const ringAt = new Map<number, Drawn>(); // first piece index → the polygon replacing its loop
  const consumed = new Set<number>();
  const seen = new Set<number>();
  let joinedPieces = 0;
  for (let start = 0; start < edges.length; start++) {
    if (seen.has(start)) continue;
    // The connected group of edges, and whether it is a simple loop.
    const group: number[] = [];
    const queue = [start];
    seen.add(start);
    let simple = true;
    while (queue.length) {
      const e = queue.pop()!;
      group.push(e);
      for (const n of [edges[e]!.from, edges[e]!.to]) {
        if (nodes[n]!.edges.length !== 2) simple = false;
        for (const next of nodes[n]!.edges) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
    }
    if (!simple) continue;
    const ring: number[][] = [];
    let node = edges[start]!.from;
    let e = start;
    const order: number[] = [];
    do {
      const edge = edges[e]!;
      const points = (drawn[edge.piece]!.geometry as { coordinates: number[][] }).coordinates;
      const forward = edge.from === node;
      const piece = forward ? points : [...points].reverse();
      ring.push(...(ring.length ? piece.slice(1) : piece));
      order.push(edge.piece);
      node = forward ? edge.to : edge.from;
      const [a, b] = nodes[node]!.edges;
      e = a === e ? b! : a!;
    } while (e !== start && order.length <= group.length);
    ring[ring.length - 1] = ring[0]!;
    if (ring.length < 4 || new Set(ring.map((p) => `${p[0]},${p[1]}`)).size < 3 || ringArea(ring) === 0)
      continue;
    const pieces = order.map((i) => drawn[i]!);
    const first = order.reduce((m, i) => Math.min(m, i), Infinity);
    const handles = [...new Set(pieces.map((p) => p.handle).filter((h): h is string => h !== null))];
    ringAt.set(first, {
      ...drawn[order[0]!]!,
      kind: 'polygon',
      geometry: { type: 'Polygon', coordinates: [ring] },
      entity: [...new Set(pieces.map((p) => p.entity))].join('+'),
      handle: handles.length
        ? handles.slice(0, MAX_LISTED_HANDLES).join(',') + (handles.length > MAX_LISTED_HANDLES ? ',…' : '')
        : null,
    });
    for (const i of order) consumed.add(i);
    joinedPieces += order.length;
  }
  const out: Drawn[] = [];
  drawn.forEach((d, i) => {
    const ring = ringAt.get(i);
    if (ring) out.push(ring);
    else if (!consumed.has(i)) out.push(d);
  });
  return { drawn: out, rings: ringAt.size, pieces: joinedPieces };
}
