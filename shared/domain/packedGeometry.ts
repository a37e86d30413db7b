import type { Position, Ring, ZoneGeometry } from './geometry';

/**
 * A zone geometry in three typed arrays instead of an array per vertex. A stored geometry read
 * through IndexedDB is one JS array per position (about 64 bytes each); packed, a position is 16
 * bytes. The open project keeps its zones packed (`leanZone`) and gives the nested GeoJSON form to
 * the code that asks for it; code that walks every zone (the map) reads the packed form directly.
 * Exact: the same doubles, ring for ring.
 */
export interface PackedGeometry {
  readonly type: ZoneGeometry['type'];
  /** lon, lat of every position, ring after ring. */
  readonly flat: Float64Array;
  /** Where each ring ends in `flat` (a count of values, as OpenLayers' `ends`). */
  readonly ends: Uint32Array;
  /** Where each polygon's rings end in `ends` (one entry for a Polygon). */
  readonly polygonEnds: Uint32Array;
}

const polygonsOf = (g: ZoneGeometry): Ring[][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** The packed form, or null when a position is not exactly [lon, lat] (kept nested, as it is). */
export function packGeometry(geometry: ZoneGeometry): PackedGeometry | null {
  const polygons = polygonsOf(geometry);
  let values = 0;
  let rings = 0;
  for (const polygon of polygons) {
    rings += polygon.length;
    for (const ring of polygon) values += ring.length * 2;
  }
  const flat = new Float64Array(values);
  const ends = new Uint32Array(rings);
  const polygonEnds = new Uint32Array(polygons.length);
  let v = 0;
  let r = 0;
  for (let p = 0; p < polygons.length; p++) {
    for (const ring of polygons[p]!) {
      for (const position of ring) {
        if (position.length !== 2) return null;
        flat[v++] = position[0];
        flat[v++] = position[1];
      }
      ends[r++] = v;
    }
    polygonEnds[p] = r;
  }
  return { type: geometry.type, flat, ends, polygonEnds };
}

export function unpackGeometry(packed: PackedGeometry): ZoneGeometry {
  const { flat, ends, polygonEnds } = packed;
  const polygons: Ring[][] = [];
  let r = 0;
  let v = 0;
  for (const polygonEnd of polygonEnds) {
    const rings: Ring[] = [];
    for (; r < polygonEnd; r++) {
      const end = ends[r]!;
      const ring: Ring = new Array<Position>((end - v) / 2);
      for (let i = 0; v < end; v += 2) ring[i++] = [flat[v]!, flat[v + 1]!];
      rings.push(ring);
    }
    polygons.push(rings);
  }
  return packed.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

interface Lean {
  packed: PackedGeometry;
  /** The nested form last given out, while somebody holds it: the same object until then. */
  given?: WeakRef<ZoneGeometry>;
}

const leans = new WeakMap<object, Lean>();

function geometryOf(this: object): ZoneGeometry {
  const lean = leans.get(this)!;
  let geometry = lean.given?.deref();
  if (!geometry) {
    geometry = unpackGeometry(lean.packed);
    lean.given = new WeakRef(geometry);
  }
  return geometry;
}

/** A copy of the record, geometry as a getter over `packed` (the record's own getter not called). */
function makeLean<T extends { geometry: unknown }>(record: T, packed: PackedGeometry): T {
  const lean = {} as T;
  for (const key of Object.keys(record) as (keyof T)[]) {
    if (key === 'geometry')
      Object.defineProperty(lean, key, { get: geometryOf, enumerable: true, configurable: true });
    else lean[key] = record[key];
  }
  leans.set(lean, { packed });
  return lean;
}

/**
 * The record with its geometry kept packed: `geometry` is an enumerable getter giving the nested
 * form (spread, structured clone and JSON see an ordinary record), the same object as long as
 * somebody holds it. Records are never mutated (a change is a new record), so the packed form
 * never goes stale. A record whose geometry does not pack is returned as it is.
 */
export function leanRecord<T extends { geometry: ZoneGeometry }>(record: T): T {
  if (leans.has(record)) return record;
  const packed = packGeometry(record.geometry);
  return packed ? makeLean(record, packed) : record;
}

/** A geometry as IndexedDB keeps it (storage/packedZones.ts): the packed arrays, marked. */
interface StoredGeometry extends PackedGeometry {
  readonly packed: 1;
}

const isStored = (geometry: unknown): geometry is StoredGeometry =>
  typeof geometry === 'object' && geometry !== null && (geometry as { packed?: unknown }).packed === 1;

/**
 * The record as IndexedDB should keep it: the geometry packed (one typed array cloned instead of an
 * array per vertex, both ways). A geometry that does not pack is kept as it is.
 */
export function toStoredRecord<T extends { geometry: ZoneGeometry }>(record: T): T {
  const packed = packedGeometryOf(record);
  if (!packed) return record;
  const stored = {} as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    stored[key] =
      key === 'geometry' ? ({ packed: 1, ...packed } satisfies StoredGeometry) : record[key as keyof T];
  }
  return stored as T;
}

/** The record as read from IndexedDB, lean (no nested arrays made); one stored nested is kept as it is. */
export function fromStoredRecord<T extends { geometry: ZoneGeometry }>(record: T): T {
  const geometry: unknown = record.geometry;
  if (!isStored(geometry)) return record;
  const { type, flat, ends, polygonEnds } = geometry;
  return makeLean(record, { type, flat, ends, polygonEnds });
}

/** The packed geometry of a record: kept by `leanRecord`, else packed now (null: not 2-D). */
export function packedGeometryOf(record: { geometry: ZoneGeometry }): PackedGeometry | null {
  return leans.get(record)?.packed ?? packGeometry(record.geometry);
}
