import type { Coordinates, LayerGeometry } from '../layer';
import { signedArea2, type PlanarRing } from '../../geometry/rings';

/**
 * Write the .shp and .shx of one geometry kind. Polygons follow the spec: outer rings clockwise,
 * holes counter-clockwise, every ring closed. Z is dropped (2D types only).
 */
export type ShapeKind = 'point' | 'multipoint' | 'line' | 'polygon' | 'null';
export const SHAPE_TYPE: Record<ShapeKind, number> = {
  null: 0,
  point: 1,
  line: 3,
  polygon: 5,
  multipoint: 8,
};

/** Parts (point runs) of a geometry in shapefile order; rings oriented for the .shp. */
function partsOf(geometry: LayerGeometry): Coordinates[][] {
  switch (geometry.type) {
    case 'Point':
      return [[geometry.coordinates]];
    case 'MultiPoint':
      return [geometry.coordinates];
    case 'LineString':
      return [geometry.coordinates];
    case 'MultiLineString':
      return geometry.coordinates;
    case 'Polygon':
    case 'MultiPolygon': {
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      const out: Coordinates[][] = [];
      for (const rings of polygons) {
        rings.forEach((ring, i) => {
          const first = ring[0];
          const last = ring[ring.length - 1];
          const closed =
            first && last && first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first!];
          const clockwise = signedArea2(closed as unknown as PlanarRing) < 0;
          out.push(clockwise === (i === 0) ? closed : closed.slice().reverse());
        });
      }
      return out;
    }
  }
}

function contentLength(kind: ShapeKind, parts: Coordinates[][] | null): number {
  if (!parts) return 4;
  const points = parts.reduce((n, p) => n + p.length, 0);
  if (kind === 'point') return 20;
  if (kind === 'multipoint') return 40 + points * 16;
  return 44 + parts.length * 4 + points * 16;
}

type Box = [number, number, number, number];

function boxOf(parts: Coordinates[][]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const part of parts) {
    for (const [x, y] of part) {
      if (x! < box[0]) box[0] = x!;
      if (y! < box[1]) box[1] = y!;
      if (x! > box[2]) box[2] = x!;
      if (y! > box[3]) box[3] = y!;
    }
  }
  return box;
}

function writeHeader(view: DataView, bytes: number, type: number, box: Box): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, bytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, type, true);
  for (let i = 0; i < 4; i++) view.setFloat64(36 + i * 8, box[i]!, true);
}

/**
 * A .shp and .shx written record by record, in batches: `add` encodes a batch into a buffer of
 * its exact size, `finish` puts the header in front (one batch: in place, no copy). A conversion
 * can thus write features as it reads them, without holding all their coordinates at once.
 */
export class ShpWriter {
  private readonly shpParts: Uint8Array[] = [];
  private readonly shxParts: Uint8Array[] = [];
  private readonly box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  private offset = 100;
  private records = 0;
  /** The .shp so far when a capacity was given: records are written into it while they fit. */
  private whole: Uint8Array | null;

  /**
   * `kind` may stay null until the first geometry says it (null records need none). With a
   * `capacity` (bytes the whole .shp will take at most) the records go into one buffer, which
   * the finished file then is: no second copy of the coordinates at the end.
   */
  constructor(
    public kind: ShapeKind | null,
    capacity = 0,
  ) {
    this.whole = capacity > 100 ? new Uint8Array(capacity) : null;
  }

  add(geometries: readonly (LayerGeometry | null)[]): void {
    const kind = this.kind ?? 'null';
    const parts = geometries.map((g) => (g ? partsOf(g) : null));
    const lengths = parts.map((p) => contentLength(kind, p));
    const size = lengths.reduce((n, l) => n + 8 + l, 0);
    const first = this.shxParts.length === 0;
    // Into the preallocated file while it has room; else a part of its own (joined at the end).
    if (this.whole && this.offset + size > this.whole.length) {
      if (!first) this.shpParts.push(this.whole.subarray(0, this.offset));
      this.whole = null;
    }
    const head = first && !this.whole ? 100 : 0;
    const shp = this.whole ?? new Uint8Array(head + size);
    const start = this.whole ? this.offset : head;
    const shx = new Uint8Array((first ? 100 : 0) + geometries.length * 8);
    const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
    const index = new DataView(shx.buffer);
    let at = start;
    const shxHead = first ? 100 : 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      const length = lengths[i]!;
      index.setInt32(shxHead + i * 8, (this.offset + at - start) / 2, false);
      index.setInt32(shxHead + 4 + i * 8, length / 2, false);
      view.setInt32(at, ++this.records, false);
      view.setInt32(at + 4, length / 2, false);
      const c = at + 8;
      at = c + length;
      if (!p) continue; // null shape: type 0, already zero
      writeRecord(view, c, kind, p, this.box);
    }
    this.offset += at - start;
    if (!this.whole) this.shpParts.push(shp);
    this.shxParts.push(shx);
  }

  finish(): { shp: Uint8Array; shx: Uint8Array } {
    if (this.shxParts.length === 0) this.add([]);
    const type = SHAPE_TYPE[this.kind ?? 'null'];
    const box: Box = Number.isFinite(this.box[0]) ? this.box : [0, 0, 0, 0];
    const shp = this.whole ? this.whole.subarray(0, this.offset) : joined(this.shpParts);
    const shx = joined(this.shxParts);
    writeHeader(new DataView(shp.buffer, shp.byteOffset), shp.length, type, box);
    writeHeader(new DataView(shx.buffer, shx.byteOffset), shx.length, type, box);
    this.shpParts.length = 0;
    this.shxParts.length = 0;
    this.whole = null;
    return { shp, shx };
  }
}

/** The parts one after the other; the first has room for the header already. */
function joined(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** One record's content after its type at `c`; grows the layer's box. */
function writeRecord(view: DataView, c: number, kind: ShapeKind, p: Coordinates[][], layerBox: Box): void {
  view.setInt32(c, SHAPE_TYPE[kind], true);
  const box = boxOf(p);
  for (let k = 0; k < 2; k++) layerBox[k] = Math.min(layerBox[k]!, box[k]!);
  for (let k = 2; k < 4; k++) layerBox[k] = Math.max(layerBox[k]!, box[k]!);
  if (kind === 'point') {
    view.setFloat64(c + 4, p[0]![0]![0]!, true);
    view.setFloat64(c + 12, p[0]![0]![1]!, true);
    return;
  }
  for (let k = 0; k < 4; k++) view.setFloat64(c + 4 + k * 8, box[k]!, true);
  let q: number;
  if (kind === 'multipoint') {
    view.setInt32(c + 36, p[0]!.length, true);
    q = c + 40;
  } else {
    view.setInt32(c + 36, p.length, true);
    view.setInt32(
      c + 40,
      p.reduce((n, part) => n + part.length, 0),
      true,
    );
    let start = 0;
    p.forEach((part, k) => {
      view.setInt32(c + 44 + k * 4, start, true);
      start += part.length;
    });
    q = c + 44 + p.length * 4;
  }
  for (const part of p) {
    for (const [x, y] of part) {
      view.setFloat64(q, x!, true);
      view.setFloat64(q + 8, y!, true);
      q += 16;
    }
  }
}

export function writeShp(
  kind: ShapeKind,
  geometries: readonly (LayerGeometry | null)[],
): { shp: Uint8Array; shx: Uint8Array } {
  const writer = new ShpWriter(kind);
  writer.add(geometries);
  return writer.finish();
}
