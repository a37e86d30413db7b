import { describe, expect, it } from 'vitest';
import { METERS_PER_UNIT } from 'ol/proj/Units';
import { registerProjections } from '../projections';
import { chooseLayer, choiceTemplates, offeredLayers } from './wmtsCapabilities';

registerProjections();

/** A capabilities document as OpenLayers' WMTSCapabilities reads one (a 4490 and a 3857 set). */
function capabilities(corner4490: [number, number], crs = 'urn:ogc:def:crs:EPSG::4490') {
  const geographic = (level: number) => ({
    Identifier: String(level),
    ScaleDenominator: ((0.703125 / 2 ** (level - 1)) * METERS_PER_UNIT.degrees!) / 0.00028,
    TopLeftCorner: [...corner4490],
    TileWidth: 256,
    TileHeight: 256,
    MatrixWidth: 2 ** level,
    MatrixHeight: 2 ** (level - 1),
  });
  const mercator = (z: number) => ({
    Identifier: `EPSG:3857:${z}`,
    ScaleDenominator: 156543.03392804097 / 2 ** z / 0.00028,
    TopLeftCorner: [-20037508.342789244, 20037508.342789244],
    TileWidth: 256,
    TileHeight: 256,
    MatrixWidth: 2 ** z,
    MatrixHeight: 2 ** z,
  });
  return {
    Contents: {
      Layer: [
        {
          Identifier: 'dom',
          Title: '正射影像',
          Format: ['image/png'],
          Style: [{ Identifier: 'default', isDefault: true }],
          TileMatrixSetLink: [{ TileMatrixSet: 'c' }, { TileMatrixSet: 'EPSG:3857' }],
          ResourceURL: [
            {
              resourceType: 'tile',
              format: 'image/png',
              template: 'http://127.0.0.1:9/dom/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png',
            },
          ],
        },
      ],
      TileMatrixSet: [
        { Identifier: 'c', SupportedCRS: crs, TileMatrix: [1, 2, 3].map(geographic) },
        {
          Identifier: 'EPSG:3857',
          SupportedCRS: 'urn:ogc:def:crs:EPSG::3857',
          TileMatrix: [0, 1, 2].map(mercator),
        },
      ],
    },
  };
}

describe('WMTS capabilities', () => {
  it.each([
    ['latitude first, as the URN means', [90, -180]],
    ['longitude first, as some servers write under the same URN', [-180, 90]],
  ] as const)('puts the CGCS2000 grid at (-180, 90) with the corner %s', (_, corner) => {
    const choice = chooseLayer(capabilities([...corner]), 'dom', 'c');
    expect(choice.projection).toBe('EPSG:4490');
    expect(choice.tileGrid.getOrigin(0)).toEqual([-180, 90]);
    expect(choice.tileGrid.getResolution(0)).toBeCloseTo(0.703125, 9);
    expect(choice.tileGrid.getMatrixIds()).toEqual(['1', '2', '3']);
    // Wusu (84.68°E, 44.43°N) at level 3: column floor(264.68/45) = 5, row floor(45.57/45) = 1.
    expect(choice.tileGrid.getTileCoordForCoordAndZ([84.6771, 44.4266], 2)).toEqual([2, 5, 1]);
  });

  it('reads a short EPSG code with the corner in either order', () => {
    for (const corner of [
      [90, -180],
      [-180, 90],
    ] as [number, number][])
      expect(chooseLayer(capabilities(corner, 'EPSG:4490'), 'dom', 'c').tileGrid.getOrigin(0)).toEqual([
        -180, 90,
      ]);
  });

  it('keeps the REST template for our filler, and lists the layers offered', () => {
    const choice = chooseLayer(capabilities([90, -180]), 'dom', 'EPSG:3857');
    expect(choice.requestEncoding).toBe('REST');
    expect(choice.tileGrid.getOrigin(0)).toEqual([-20037508.342789244, 20037508.342789244]);
    expect(choiceTemplates(choice, 'dom')).toEqual([
      'http://127.0.0.1:9/dom/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png',
    ]);
    expect(offeredLayers(capabilities([90, -180]))).toEqual([
      { id: 'dom', title: '正射影像', matrixSets: ['c', 'EPSG:3857'], formats: ['image/png'] },
    ]);
  });

  it('builds KVP GetTile templates from the GetTile address', () => {
    const choice = {
      ...chooseLayer(capabilities([90, -180]), 'dom', 'c'),
      requestEncoding: 'KVP' as const,
      urls: ['https://gis.example.gov.cn/wmts?'],
    };
    expect(choiceTemplates(choice, 'dom')).toEqual([
      'https://gis.example.gov.cn/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=dom&STYLE=default&TILEMATRIXSET=c&FORMAT=image%2Fpng&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}',
    ]);
  });

  it('says which layer or matrix set is missing', () => {
    expect(() => chooseLayer(capabilities([90, -180]), 'nope', 'c')).toThrow(/layer nope/);
    expect(() => chooseLayer({ Contents: { Layer: [{ Identifier: 'x' }] } }, 'x', 'c')).toThrow(
      /matrix set c/,
    );
  });
});
