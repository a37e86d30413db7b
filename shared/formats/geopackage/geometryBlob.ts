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

/** Every position of a geometry, visited in order without building arrays. */
function eachPosition(geometry: LayerGeometry, visit: (x: number, y: number) => void): void {
  const line = (list: Coordinates[]) => {
    for (const p of list) visit(p[0] ?? NaN, p[1] ?? NaN);
  };
  switch (geometry.type) {
    case 'Point':
      return visit(geometry.coordinates[0] ?? NaN, geometry.coordinates[1] ?? NaN);
    case 'MultiPoint':
    case 'LineString':
      return line(geometry.coordinates);
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.forEach(line);
    case 'MultiPolygon':
      return geometry.coordinates.forEach((rings) => rings.forEach(line));
  }
}

/** [minX, maxX, minY, maxY] of a geometry, or null when it has no finite position. */
export function envelopeOf(geometry: LayerGeometry): [number, number, number, number] | null {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  eachPosition(geometry, (x, y) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  return minX <= maxX ? [minX, maxX, minY, maxY] : null;
}

/** Bytes of the ISO WKB (XY) of a geometry. */
function wkbSize(g: LayerGeometry): number {
  const points = (list: Coordinates[]) => 4 + 16 * list.length;
  switch (g.type) {
    case 'Point':
      return 21;
    case 'LineString':
      return 5 + points(g.coordinates);
    case 'MultiPoint':
      return 9 + 21 * g.coordinates.length;
    case 'Polygon':
      return 9 + g.coordinates.reduce((n, ring) => n + points(ring), 0);
    case 'MultiLineString':
      return 9 + g.coordinates.reduce((n, line) => n + 5 + points(line), 0);
    case 'MultiPolygon':
      return 9 + g.coordinates.reduce((n, rings) => n + 9 + rings.reduce((m, r) => m + points(r), 0), 0);
  }
}

/** Writes little-endian WKB into a buffer sized beforehand. */
class Writer {
  at = 0;
  constructor(readonly view: DataView) {}
  u8(v: number): void {
    this.view.setUint8(this.at++, v);
  }
  u32(v: number): void {
    this.view.setUint32(this.at, v, true);
    this.at += 4;
  }
  f64(v: number): void {
    this.view.setFloat64(this.at, v, true);
    this.at += 8;
  }
}

function writePoints(w: Writer, list: Coordinates[]): void {
  w.u32(list.length);
  for (const p of list) {
    w.f64(p[0] ?? NaN);
    w.f64(p[1] ?? NaN);
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
      return writePoints(w, g.coordinates);
    case 'MultiPoint':
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

/**
 * A standard GeoPackage blob (little-endian, XY envelope) for one geometry, into one buffer of
 * the exact size. `envelope` is envelopeOf(geometry) when the caller has it already.
 */
export function encodeGeometry(
  geometry: LayerGeometry,
  srsId: number,
  envelope: [number, number, number, number] | null = envelopeOf(geometry),
): Uint8Array {
  const bytes = new Uint8Array(8 + (envelope ? 32 : 0) + wkbSize(geometry));
  const w = new Writer(new DataView(bytes.buffer));
  w.u8(0x47);
  w.u8(0x50);
  w.u8(0); // version 1
  // flags: little-endian (bit 0), envelope kind 1 = XY (bits 1–3), bit 4 = empty.
  w.u8(envelope ? 0b0000_0011 : 0b0001_0001);
  w.view.setInt32(4, srsId, true);
  w.at = 8;
  if (envelope) for (const v of envelope) w.f64(v);
  writeWkb(w, geometry);
  return bytes;
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
