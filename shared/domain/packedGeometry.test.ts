import { describe, expect, it } from 'vitest';
import type { Ring, ZoneGeometry } from './geometry';
import { leanRecord, packGeometry, packedGeometryOf, unpackGeometry } from './packedGeometry';

const ring = (lon: number, lat: number, d: number): Ring => [
  [lon, lat],
  [lon + d, lat + 1e-13],
  [lon + d, lat + d],
  [lon + 0.1 / 3, lat + d],
  [lon, lat],
];
const multi: ZoneGeometry = {
  type: 'MultiPolygon',
  coordinates: [[ring(84.6, 44.4, 0.01), ring(84.603, 44.403, 0.002)], [ring(85.1, 43.9, 0.005)]],
};
const polygon: ZoneGeometry = { type: 'Polygon', coordinates: multi.coordinates[0]! };

describe('packed zone geometry', () => {
  it('gives back the very same doubles, rings and polygons', () => {
    for (const geometry of [multi, polygon])
      expect(unpackGeometry(packGeometry(geometry)!)).toEqual(geometry);
    const packed = packGeometry(multi)!;
    expect(packed.flat.length).toBe(30);
    expect([...packed.ends]).toEqual([10, 20, 30]);
    expect([...packed.polygonEnds]).toEqual([2, 3]);
  });

  it('leaves a geometry with a third dimension as it is', () => {
    const tall = structuredClone(polygon) as unknown as { coordinates: number[][][] };
    tall.coordinates[0]![1]!.push(12);
    const record = { id: 'z', geometry: tall as unknown as ZoneGeometry };
    expect(packGeometry(record.geometry)).toBeNull();
    expect(leanRecord(record)).toBe(record);
  });
});

describe('a record kept lean', () => {
  const record = { id: 'z1', attributes: { name: '保护范围' }, geometry: multi, updatedAt: 7 };

  it('reads like the record: spread, JSON, structured clone and key order see an ordinary geometry', () => {
    const lean = leanRecord(record);
    expect(lean).not.toBe(record);
    expect(Object.keys(lean)).toEqual(Object.keys(record));
    expect(lean.geometry).toEqual(multi);
    expect({ ...lean }).toEqual(record);
    expect(JSON.parse(JSON.stringify(lean))).toEqual(record);
    expect(structuredClone(lean)).toEqual(record);
    expect(packedGeometryOf(lean)!.flat).toBe(packedGeometryOf(lean)!.flat);
  });

  it('gives the same geometry object while somebody holds it', () => {
    const lean = leanRecord(record);
    const held = lean.geometry;
    expect(lean.geometry).toBe(held);
  });

  it('is not packed twice', () => {
    const lean = leanRecord(record);
    expect(leanRecord(lean)).toBe(lean);
  });
});
