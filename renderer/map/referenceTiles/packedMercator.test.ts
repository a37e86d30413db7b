import { fromLonLat } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import { featureMercatorBoxes, toMercator, type PackedShapes } from './packedMercator';

// Sites across China and the poles' edge of Web Mercator (clamped, as OpenLayers clamps).
const places = [
  [84.491234, 43.957123],
  [121.4737, 31.2304],
  [91.1409, 29.6456],
  [-0.0001, -33.9],
  [179.9999, 85.2],
];

describe('packed lon/lat to the map projection', () => {
  it('gives the same bits as the map gives zones (OpenLayers fromLonLat)', () => {
    const out = toMercator(Float64Array.from(places.flat()));
    places.forEach((p, i) => {
      const [x, y] = fromLonLat(p) as [number, number];
      expect([out[2 * i], out[2 * i + 1]]).toEqual([x, y]);
    });
  });

  it("boxes each feature by its lon/lat box's corners, in map units", () => {
    const shapes: PackedShapes = {
      featureCount: 2,
      lonLat: Float64Array.from([
        84.4, 43.9, 84.5, 43.9, 84.5, 44, 84.4, 43.9, 121, 31, 121.5, 31.2, 121, 31,
      ]),
      ringStarts: Uint32Array.from([0, 4, 7]),
      polygonRings: Uint32Array.from([0, 1, 2]),
      featurePolygons: Uint32Array.from([0, 1, 2]),
    } as unknown as PackedShapes;
    const boxes = featureMercatorBoxes(shapes);
    expect([...boxes.subarray(0, 4)]).toEqual([...fromLonLat([84.4, 43.9]), ...fromLonLat([84.5, 44])]);
    expect([...boxes.subarray(4, 8)]).toEqual([...fromLonLat([121, 31]), ...fromLonLat([121.5, 31.2])]);
  });
});
