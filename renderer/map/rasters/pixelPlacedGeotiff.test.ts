import { getPointResolution, transform } from 'ol/proj';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripTiff } from '../../../shared/formats/tiff/fixtures/rawTiff';
import { rasterCorners, type GeoTransform } from '../../../shared/formats/tiff/geoTransform';
import { worldFileOf, type WorldFile } from '../../../shared/formats/tiff/worldFile';
import { PixelPlacedGeoTIFF } from './pixelPlacedGeotiff';
import { pixelProjection } from './pixelProjection';
import { projectionCode } from './rasterProjection';
import { installFileReader } from './nodeFileReader';

/**
 * A TIFF placed by a .tfw or by rotated tags, as OpenLayers' own GeoTIFF source reads it (in
 * Node, from a Blob): the plane the source lays the pixels out in must reach, through the pixel
 * projection, the raster's corners as the affine places them (`rasterCorners`, which
 * `shared/formats/tiff/pixelGrid.test.ts` checks against GDAL) — in the file's zone with prefix
 * (EPSG:4516), and through proj4 in the unprefixed zone a figure is drawn in (EPSG:4537) and in
 * the map's Web Mercator.
 */
const [W, H] = [48, 32];
const E0 = 28_552_000;
const N0 = 4_870_000;
const [C, S] = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)];
/** Turned 30° anticlockwise, pixels 0.5 m wide and 0.25 m tall. */
const TURNED: GeoTransform = [E0, 0.5 * C, 0.25 * S, N0, 0.5 * S, -0.25 * C];

beforeAll(() => {
  installFileReader();

  projectionCode({ epsg: 4516 });
});

/** ModelTransformation tags for a geotransform (GeoTIFF's 4 × 4 matrix, row by row). */
const modelTransformation = (t: GeoTransform) => ({
  tag: 34264,
  type: 12 as const,
  values: [t[1], t[2], 0, t[0], t[4], t[5], 0, t[3], 0, 0, 0, 0, 0, 0, 0, 1],
});

function placedSource(id: string, bytes: Uint8Array, worldFile: WorldFile, onMismatch = () => {}) {
  const projection = pixelProjection(id, W, H);
  const source = new PixelPlacedGeoTIFF(
    { sources: [{ blob: new Blob([bytes.slice().buffer]) }] },
    { projection, worldFile, width: W, height: H, crsCode: 'EPSG:4516', viewCode: 'EPSG:3857', onMismatch }, // prettier-ignore
  );
  const settled = new Promise<void>((resolve) =>
    source.on('change', () => source.getState() !== 'loading' && resolve()),
  );
  return { projection, source, settled };
}

/** The source's grid corners: top-left, top-right, bottom-right, bottom-left (as `rasterCorners`). */
function gridCorners(source: PixelPlacedGeoTIFF): number[][] {
  const [x0, y0, x1, y1] = source.getTileGrid()!.getExtent()!;
  return [[x0!, y1!], [x1!, y1!], [x1!, y0!], [x0!, y0!]]; // prettier-ignore
}

function expectNear(actual: number[][], expected: number[][], tolerance: number) {
  actual.forEach((p, i) => {
    expect(Math.abs(p[0]! - expected[i]![0]!)).toBeLessThan(tolerance);
    expect(Math.abs(p[1]! - expected[i]![1]!)).toBeLessThan(tolerance);
  });
}

/** The grid corners must reach the affine's corners in each projection a raster is drawn in. */
function expectPlaced(projection: ReturnType<typeof pixelProjection>, corners: number[][]) {
  const model = rasterCorners(TURNED, W, H);
  expectNear(
    corners.map((c) => transform(c, projection, 'EPSG:4516')),
    model,
    1e-6,
  );
  for (const target of ['EPSG:4537', 'EPSG:3857'])
    expectNear(
      corners.map((c) => transform(c, projection, target)),
      model.map((m) => transform(m, 'EPSG:4516', target)),
      1e-6,
    );
  // And back: a point of the map lands on the same place of the grid.
  const [[x0, y1], , [x1, y0]] = corners as [[number, number], unknown, [number, number]];
  const inside = [x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 4];
  expectNear(
    [transform(transform(inside, projection, 'EPSG:3857'), 'EPSG:3857', projection)],
    [inside],
    1e-6,
  );
}

describe('a TIFF placed through its pixel plane, as OpenLayers lays it out', () => {
  it('a TIFF without tags, turned 30° by its .tfw: laid out in pixel space, placed by the affine', async () => {
    const { projection, source, settled } = placedSource('t-tfw', stripTiff(W, H), worldFileOf(TURNED));
    await settled;
    expect(source.getState()).toBe('ready');
    const corners = gridCorners(source);
    expect(corners[0]).toEqual([0, H]);
    expectPlaced(projection, corners);
    // OpenLayers measures a pixel on the ground through lon/lat (which picks the overview):
    // the mean of its sides, 0.375 m (to the GK scale factor).
    expect(getPointResolution(projection, 1, [W / 2, H / 2])).toBeCloseTo(0.375, 3);
  });

  it('a GeoTIFF turned 30° by its tags: laid out from the tags, placed the same', async () => {
    const tagged = stripTiff(W, H, [modelTransformation(TURNED)]);
    const { projection, source, settled } = placedSource('t-tags', tagged, worldFileOf(TURNED));
    await settled;
    const corners = gridCorners(source);
    // OpenLayers lays it out at the tags' translation, by the lengths of the pixel's sides.
    expect(corners[0]![0]).toBeCloseTo(E0, 6);
    expect(corners[0]![1]).toBeCloseTo(N0, 6);
    expect(corners[1]![0]! - corners[0]![0]!).toBeCloseTo(W * 0.5, 6);
    expectPlaced(projection, corners);
  });

  it('a file of another pixel size than its stored world file is not placed', async () => {
    let mismatched = false;
    const { settled } = placedSource('t-other', stripTiff(W / 2, H), worldFileOf(TURNED), () => {
      mismatched = true;
    });
    await settled;
    expect(mismatched).toBe(true);
  });
});
