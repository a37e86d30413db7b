import MultiPolygon from 'ol/geom/MultiPolygon';
import { fromLonLat } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from '../../shared/domain/geometry';
import { square as ring } from '../../shared/geometry/testShapes';
import { leanRecord } from '../../shared/domain/packedGeometry';
import { showsGeometry, toMapGeometry, toZoneGeometry, zoneToMapGeometry } from './geometryConvert';

describe('stored zone → map geometry', () => {
  it('puts every vertex where OpenLayers’ fromLonLat does, rings and parts kept apart', () => {
    const coordinates = [[ring(84.6, 44.4, 0.01), ring(84.603, 44.403, 0.002)], [ring(85.1, 43.9, 0.005)]];
    const geometry = toMapGeometry({ type: 'MultiPolygon', coordinates });
    expect(geometry).toBeInstanceOf(MultiPolygon);
    expect(geometry.getCoordinates()).toEqual(
      coordinates.map((p) => p.map((r) => r.map((v) => fromLonLat(v)))),
    );
    const polygon = toMapGeometry({ type: 'Polygon', coordinates: coordinates[0]! });
    expect(polygon.getCoordinates()).toEqual(coordinates[0]!.map((r) => r.map((v) => fromLonLat(v))));
    // Back to lon/lat: the same positions to the 1e-9° the round trip keeps.
    const back = toZoneGeometry(polygon)!.coordinates.flat(2) as number[];
    coordinates[0]!.flat(2).forEach((v, i) => expect(back[i]).toBeCloseTo(v, 9));
  });
});

const square: ZoneGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [84.6, 44.4],
      [84.601, 44.4],
      [84.601, 44.401],
      [84.6, 44.401],
      [84.6, 44.4],
    ],
  ],
};

describe('a packed stored zone → map geometry', () => {
  it('is the geometry the nested form gives, rings and parts kept apart', () => {
    const coordinates = [[ring(84.6, 44.4, 0.01), ring(84.603, 44.403, 0.002)], [ring(85.1, 43.9, 0.005)]];
    for (const geometry of [
      { type: 'MultiPolygon', coordinates },
      { type: 'Polygon', coordinates: coordinates[0]! },
    ] as ZoneGeometry[]) {
      const fromPacked = zoneToMapGeometry(leanRecord({ geometry }));
      const fromNested = toMapGeometry(geometry);
      expect(fromPacked.getType()).toBe(fromNested.getType());
      expect(fromPacked.getCoordinates()).toEqual(fromNested.getCoordinates());
    }
  });
});

for (const form of ['packed', 'nested'] as const)
  describe(`whether the map already shows a stored geometry (${form})`, () => {
    // The open project keeps zones packed (leanRecord); a record straight from the store is nested.
    const stored = (geometry: ZoneGeometry) => (form === 'packed' ? leanRecord({ geometry }) : { geometry });
    it('is true for the map geometry of that very outline (the projection round trip is exact to 1e-9°)', () => {
      expect(showsGeometry(toMapGeometry(square), stored(square))).toBe(true);
      const multi: ZoneGeometry = { type: 'MultiPolygon', coordinates: [square.coordinates] };
      expect(showsGeometry(toMapGeometry(multi), stored(multi))).toBe(true);
    });

    it('is false when one vertex moved by the smallest stored step, or the type or rings differ', () => {
      const nudged = structuredClone(square);
      nudged.coordinates[0]![2]![1] = 44.401000001;
      expect(showsGeometry(toMapGeometry(square), stored(nudged))).toBe(false);
      const multi: ZoneGeometry = { type: 'MultiPolygon', coordinates: [square.coordinates] };
      expect(showsGeometry(toMapGeometry(square), stored(multi))).toBe(false);
      const withHole = structuredClone(square);
      withHole.coordinates.push(square.coordinates[0]!);
      expect(showsGeometry(toMapGeometry(square), stored(withHole))).toBe(false);
      expect(showsGeometry(undefined, stored(square))).toBe(false);
    });

    it('is false when the same rings are grouped into other polygons', () => {
      const two: ZoneGeometry = {
        type: 'MultiPolygon',
        coordinates: [square.coordinates, square.coordinates],
      };
      const one: ZoneGeometry = {
        type: 'MultiPolygon',
        coordinates: [[...square.coordinates, ...square.coordinates]],
      };
      expect(showsGeometry(toMapGeometry(two), stored(two))).toBe(true);
      expect(showsGeometry(toMapGeometry(two), stored(one))).toBe(false);
    });
  });
