import type TileLayer from 'ol/layer/Tile';
import { transform } from 'ol/proj';
import type TileSource from 'ol/source/Tile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Background } from '../../../shared/domain/backgrounds';
import { pixelIsPointTiff } from '../../../shared/formats/tiff/fixtures/rawTiff';
import { readTiffHeader } from '../../../shared/formats/tiff/tiffHeader';
import type { BackgroundLayer } from '../backgrounds/backgroundFactory';
import { geotiffFactory } from './geotiffLayer';
import { inspectedGeotiff } from './geotiffInspect';
import { installFileReader } from './nodeFileReader';

/**
 * A north-up GeoTIFF whose tags name pixel centres (GTRasterTypeGeoKey = RasterPixelIsPoint), as a
 * planner adds it: read and inspected as the panel does, then drawn by the GeoTIFF layer (the map's
 * layer and a figure's). Its tiles must lie where GDAL puts them, the tiepoint being the centre of
 * its pixel (`tiffBackground.test.ts` checks this very file with `gdalinfo -json`), within 1 mm:
 * OpenLayers' own reading of the tags (geotiff.js takes the tiepoint as the corner) would put them
 * half a pixel, here 1 m, to the south-east.
 */
const [W, H] = [40, 30];
/** The centre of pixel (0, 0) in EPSG:4516 (CGCS2000 GK zone 28 with prefix); 2 m pixels. */
const [X, Y] = [28_552_000, 4_870_000];
/** GDAL's corners: UL, UR, LR, LL, half a 2 m pixel out from the centres. */
const GDAL_CORNERS = [
  [X - 1, Y + 1],
  [X - 1 + 2 * W, Y + 1],
  [X - 1 + 2 * W, Y + 1 - 2 * H],
  [X - 1, Y + 1 - 2 * H],
];

beforeAll(() => {
  installFileReader();
});

const shown: BackgroundLayer[] = [];
afterAll(() => shown.forEach((b) => b.dispose()));

/** The background a planner gets for the file, drawn as the map draws it. */
async function drawn(name: string, bytes: Uint8Array): Promise<BackgroundLayer> {
  const header = await readTiffHeader({
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.slice(offset, offset + length)),
  });
  const inspected = inspectedGeotiff(name, { name, size: bytes.length }, header);
  const background: Background = {
    id: `bg-${name}`,
    projectId: 'p',
    name,
    source: inspected.source,
    createdAt: '2026-12-03T00:00:00Z',
  };
  const layer = geotiffFactory(background, {
    bytes: () => Promise.resolve({ blob: new Blob([bytes.slice().buffer]) }),
    serviceKey: () => Promise.resolve(null),
    viewProjection: 'EPSG:3857',
  });
  shown.push(layer);
  return layer;
}

/** Once the layer's source is ready: the corners of its tile grid, in EPSG:4516 (UL, UR, LR, LL). */
async function corners(layer: TileLayer<TileSource>): Promise<number[][]> {
  const source = await new Promise<TileSource>((resolve, reject) => {
    const settle = () => {
      const s = layer.getSource();
      if (s?.getState() === 'ready') resolve(s);
      else if (s?.getState() === 'error') reject(new Error('source failed'));
    };
    layer.on('change:source', () => {
      settle();
      layer.getSource()?.on('change', settle);
    });
    layer.getSource()?.on('change', settle);
    settle();
  });
  const [x0, y0, x1, y1] = source.getTileGrid()!.getExtent() as [number, number, number, number];
  const projection = source.getProjection()!;
  return [
    [x0, y1],
    [x1, y1],
    [x1, y0],
    [x0, y0],
  ].map((c) => transform(c, projection, 'EPSG:4516'));
}

function expectWithin(actual: number[][], expected: number[][], metres: number) {
  actual.forEach((p, i) => {
    expect(Math.abs(p[0]! - expected[i]![0]!)).toBeLessThan(metres);
    expect(Math.abs(p[1]! - expected[i]![1]!)).toBeLessThan(metres);
  });
}

describe('a PixelIsPoint GeoTIFF lies where GDAL puts it', () => {
  it('the map and a figure draw it at GDAL’s corners (within 1 mm)', async () => {
    const background = await drawn('point.tif', pixelIsPointTiff(W, H, [X, Y], 2));
    expectWithin(await corners(background.layer as TileLayer<TileSource>), GDAL_CORNERS, 1e-3);
    expectWithin(await corners(background.forFigure() as TileLayer<TileSource>), GDAL_CORNERS, 1e-3);
  });
});
