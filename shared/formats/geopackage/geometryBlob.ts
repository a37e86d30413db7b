import type { Coordinates, LayerGeometry } from '../layer';

/**
 * GeoPackage geometry blobs (OGC 12-128r18 §2.1.3): a "GP" header with the SRS id and an
 * [minx, maxx, miny, maxy] envelope, followed by ISO WKB. We write little-endian XY; we read
 * either byte order and XY, XYZ, XYM or XYZM (Z kept, M dropped).
 */
const WKB_CODES: Record<LayerGeometry['type'], number> = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
};
const WKB_TYPES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'];

class Writer {
  private buffer = new ArrayBuffer(1024);
  private view = new DataView(this.buffer);
  length = 0;
  private ensure(n: number): void {
    if (this.length + n <= this.buffer.byteLength) return;
    const next = new ArrayBuffer(Math.max(this.buffer.byteLength * 2, this.length + n));
    new Uint8Array(next).set(new Uint8Array(this.buffer, 0, this.length));
    this.buffer = next;
    this.view = new DataView(next);
  }
  u8(v: number): void {
    this.ensure(1);
    this.view.setUint8(this.length++, v);
  }
  u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }
  i32(v: number): void {
    this.ensure(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }
  f64(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }
  bytes(): Uint8Array {
    return new Uint8Array(this.buffer.slice(0, this.length));
  }
}

function points(geometry: LayerGeometry): Coordinates[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

export function envelopeOf(geometry: LayerGeometry): [number, number, number, number] | null {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x = NaN, y = NaN] of points(geometry)) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return minX <= maxX ? [minX, maxX, minY, maxY] : null;
}

function writePoints(w: Writer, list: Coordinates[]): void {
  w.u32(list.length);
  for (const [x = NaN, y = NaN] of list) {
    w.f64(x);
    w.f64(y);
  }
}

function writeWkb(w: Writer, g: LayerGeometry): void {
  w.u8(1);
  w.u32(WKB_CODES[g.type]);
  switch (g.type) {
    case 'Point':
      w.f64(g.coordinates[0] ?? NaN);
      w.f64(g.coordinates[1] ?? NaN);
      return;
    case 'LineString':
    case 'MultiPoint':
      if (g.type === 'LineString') return writePoints(w, g.coordinates);
      w.u32(g.coordinates.length);
      for (const c of g.coordinates) writeWkb(w, { type: 'Point', coordinates: c });
      return;
    case 'Polygon':
      w.u32(g.coordinates.length);
      for (const ring of g.coordinates) writePoints(w, ring);
      return;
    case 'MultiLineString':
      w.u32(g.coordinates.length);
      for (const c of g.coordinates) writeWkb(w, { type: 'LineString', coordinates: c });
      return;
    case 'MultiPolygon':
      w.u32(g.coordinates.length);
      for (const c of g.coordinates) writeWkb(w, { type: 'Polygon', coordinates: c });
  }
}

/** A standard GeoPackage blob (little-endian, XY envelope) for one geometry. */
export function encodeGeometry(geometry: LayerGeometry, srsId: number): Uint8Array {
  const w = new Writer();
  const envelope = envelopeOf(geometry);
  w.u8(0x47);
  w.u8(0x50);
  w.u8(0); // version 1
  // flags: little-endian (bit 0), envelope kind 1 = XY (bits 1–3), bit 4 = empty.
  w.u8(envelope ? 0b0000_0011 : 0b0001_0001);
  w.i32(srsId);
  if (envelope) for (const v of envelope) w.f64(v);
  writeWkb(w, geometry);
  return w.bytes();
}

const ENVELOPE_DOUBLES = [0, 4, 6, 6, 8];

/** The geometry in a GeoPackage blob; null for an empty geometry. Throws on malformed bytes. */
export function decodeGeometry(blob: Uint8Array): LayerGeometry | null {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry');
  const flags = blob[3]!;
  const envelopeKind = (flags >> 1) & 0b111;
  const doubles = ENVELOPE_DOUBLES[envelopeKind];
  if (doubles === undefined) throw new Error(`invalid envelope indicator ${envelopeKind}`);
  if (flags & 0b0010_0000) throw new Error('extended GeoPackage geometry is not supported');
  if (flags & 0b0001_0000) return null;
  const reader = { view, offset: 8 + doubles * 8 };
  return readWkb(reader, 0);
}

interface WkbReader {
  view: DataView;
  offset: number;
}

function readWkb(r: WkbReader, depth: number): LayerGeometry {
  if (depth > 3) throw new Error('geometry nested too deeply');
  const little = r.view.getUint8(r.offset) === 1;
  const raw = r.view.getUint32(r.offset + 1, little);
  r.offset += 5;
  // ISO codes (1000 Z, 2000 M, 3000 ZM) and the EWKB high bits both occur in the wild.
  const iso = raw & 0x0fffffff;
  const base = iso % 1000;
  const hasZ = Math.floor(iso / 1000) === 1 || Math.floor(iso / 1000) === 3 || (raw & 0x80000000) !== 0;
  const hasM = Math.floor(iso / 1000) === 2 || Math.floor(iso / 1000) === 3 || (raw & 0x40000000) !== 0;
  const dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
  const u32 = () => {
    const v = r.view.getUint32(r.offset, little);
    r.offset += 4;
    if (v > r.view.byteLength) throw new Error('count larger than the geometry');
    return v;
  };
  const point = (): Coordinates => {
    const c: Coordinates = [];
    for (let d = 0; d < dims; d++) c.push(r.view.getFloat64(r.offset + d * 8, little));
    r.offset += dims * 8;
    return hasM ? c.slice(0, hasZ ? 3 : 2) : c;
  };
  const list = () => Array.from({ length: u32() }, point);
  const parts = <T>(read: () => T) => Array.from({ length: u32() }, read);
  const type = WKB_TYPES[base];
  switch (type) {
    case 'Point':
      return { type, coordinates: point() };
    case 'LineString':
      return { type, coordinates: list() };
    case 'Polygon':
      return { type, coordinates: parts(list) };
    case 'MultiPoint':
      return { type, coordinates: parts(() => expect(readWkb(r, depth + 1), 'Point').coordinates) };
    case 'MultiLineString':
      return { type, coordinates: parts(() => expect(readWkb(r, depth + 1), 'LineString').coordinates) };
    case 'MultiPolygon':
      return { type, coordinates: parts(() => expect(readWkb(r, depth + 1), 'Polygon').coordinates) };
    default:
      throw new Error(`unsupported WKB geometry type ${raw}`);
  }
}

function expect<T extends LayerGeometry['type']>(
  g: LayerGeometry,
  type: T,
): Extract<LayerGeometry, { type: T }> {
  if (g.type !== type) throw new Error(`expected ${type} inside a multi-geometry, found ${g.type}`);
  return g as Extract<LayerGeometry, { type: T }>;
}
