import { describe, expect, it } from 'vitest';
import { TIANDITU_BASES, tiandituSources } from '../../../shared/tiles/tianditu';
import { registerProjections } from '../projections';
import { tileUrl } from './tileServiceSource';
import { wmtsSpec, xyzSpec } from './tileServiceSpec';

registerProjections();

describe('tile URLs from stored services', () => {
  it('XYZ: any order, host rotation, the key filled from local settings only', () => {
    const spec = xyzSpec(
      {
        kind: 'xyz',
        template: 'https://t{0-7}.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk={key}',
        tms: false,
        minZoom: 0,
        maxZoom: 18,
        projection: 'EPSG:3857',
        keyId: 'tianditu',
      },
      'k&1',
    );
    expect(tileUrl(spec, 12, 3011, 1500)).toBe(
      'https://t7.tianditu.gov.cn/DataServer?T=img_w&x=3011&y=1500&l=12&tk=k%261',
    );
    // The XYZ grid: 2^12 tiles across 2·20037508.34 m, rows from the top.
    const tile = (2 * 20037508.342789244) / 2 ** 12;
    const [, x, y] = spec.tileGrid.getTileCoordForCoordAndZ([9417000, 5533000], 12);
    expect([x, y]).toEqual([
      Math.floor((9417000 + 20037508.342789244) / tile),
      Math.floor((20037508.342789244 - 5533000) / tile),
    ]);
  });

  it('TMS: rows counted from the bottom', () => {
    const spec = xyzSpec(
      {
        kind: 'xyz',
        template: 'https://e.org/{z}/{x}/{y}.png',
        tms: true,
        minZoom: 0,
        maxZoom: 18,
        projection: 'EPSG:3857',
      },
      null,
    );
    expect(tileUrl(spec, 3, 5, 1, 7)).toBe('https://e.org/3/5/6.png');
  });

  it('geographic XYZ names its levels from 1 on the CGCS2000 grid', () => {
    const spec = xyzSpec(
      {
        kind: 'xyz',
        template: 'https://e.org/c/{z}/{x}/{y}.png',
        tms: false,
        minZoom: 0,
        maxZoom: 18,
        projection: 'EPSG:4490',
      },
      null,
    );
    expect(spec.tileGrid.getTileCoordForCoordAndZ([84.6771, 44.4266], 0)).toEqual([0, 1, 0]);
    expect(tileUrl(spec, 0, 1, 0)).toBe('https://e.org/c/1/1/0.png');
  });

  it('天地图 _c: the tile of Wusu at level 10 is matrix "10", row and column of the 0.703125° grid', async () => {
    const [img] = tiandituSources(TIANDITU_BASES[0], 'c', false);
    const spec = await wmtsSpec(img!.source as never, 'abc');
    const [z, x, y] = spec.tileGrid.getTileCoordForCoordAndZ([84.6771, 44.4266], 9);
    // Independently: 0.703125/2^9 °/px, 256 px per tile, from (-180, 90).
    const degPerTile = (0.703125 / 2 ** 9) * 256;
    expect([x, y]).toEqual([
      Math.floor((84.6771 + 180) / degPerTile),
      Math.floor((90 - 44.4266) / degPerTile),
    ]);
    const url = new URL(tileUrl(spec, z!, x!, y!));
    expect(url.pathname).toBe('/img_c/wmts');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      TILEMATRIXSET: 'c',
      TILEMATRIX: '10',
      TILEROW: String(y),
      TILECOL: String(x),
      tk: 'abc',
    });
  });

  it('refuses a service whose template needs a key that is not kept here', () => {
    const [vec] = tiandituSources(TIANDITU_BASES[1], 'w', false);
    return expect(wmtsSpec(vec!.source as never, null)).rejects.toThrow(/key is missing/);
  });
});
