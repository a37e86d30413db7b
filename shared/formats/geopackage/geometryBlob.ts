import type { Coordinates, LayerGeometry } from '../layer';
import { readWkb, type WkbReader } from './readWkb';

/**
 * GeoPackage geometry blobs (OGC 12-128r18 §2.1.3): a "GP" header with the SRS id and an
 * [minx, maxx, miny, maxy] envelope, followed by ISO WKB. We write little-endian XY; we read
 * what readWkb.ts reads (either byte order, Z/M, curves linearised).
 */
const WKB_CODES: Record<LayerGeometry['type'], number> = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
};

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

/** Default chord tolerance for curves: 5 cm in metres (see readWkb.ts). */
export const CURVE_TOLERANCE_M = 0.05;

export interface DecodedGeometry {
  geometry: LayerGeometry | null;
  /** A curve (arc) was turned into chords. */
  linearised: boolean;
}

/**
 * The geometry in a GeoPackage blob; null for an empty geometry. Throws on malformed bytes.
 * `tolerance`: the largest chord deviation for curves, in the coordinates' units.
 */
export function decodeGeometry(blob: Uint8Array, tolerance = CURVE_TOLERANCE_M): DecodedGeometry {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry');
  const flags = blob[3]!;
  const envelopeKind = (flags >> 1) & 0b111;
  const doubles = ENVELOPE_DOUBLES[envelopeKind];
  if (doubles === undefined) throw new Error(`invalid envelope indicator ${envelopeKind}`);
  if (flags & 0b0001_0000) return { geometry: null, linearised: false };
  let offset = 8 + doubles * 8;
  // ExtendedGeoPackageBinary: a 4-byte extension code, then (for the extensions we know) WKB.
  if (flags & 0b0010_0000) offset += 4;
  const reader: WkbReader = { view, offset, tolerance };
  const geometry = readWkb(reader);
  return { geometry, linearised: reader.linearised === true };
}
