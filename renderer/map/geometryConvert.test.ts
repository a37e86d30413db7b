import MultiPolygon from 'ol/geom/MultiPolygon';
import { fromLonLat } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import type { Ring } from '../../shared/domain/geometry';
import { toMapGeometry, toZoneGeometry } from './geometryConvert';

const ring = (lon: number, lat: number, d: number): Ring => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat + d],
  [lon, lat],
];

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
