import { execFileSync } from 'node:child_process';
import { pickerWith } from './fixtures/filePicker';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import {
  colourBox,
  CROSS,
  gdal,
  makeQuadrantsVrt,
  nearest,
  ZONE_STROKE,
  zoneFile,
} from './fixtures/quadrantCog';
import { mapColours } from './fixtures/mapPixels';
import { pdfPpm } from './fixtures/pagePixels';

/**
 * Scanned, georeferenced survey sheets as survey offices hand them over: a plain (baseline) TIFF
 * with no GeoTIFF tags, its .tfw world file and its .prj, picked together from file. GDAL makes
 * each from the four-quadrant picture (CGCS2000 3° GK zone 28 with prefix, EPSG:4516) at 1 m per
 * pixel: one north-up, and one turned 30°. Each must lie where GDAL says its pixels
 * are: the north-up one with the quadrant cross under a zone's corner, read in slices; the turned
 * one with the colours around the cross turned as `gdaltransform` turns them, on the map and on
 * the PDF of a figure. And a Cloud-Optimized GeoTIFF whose tags name pixel centres (PixelIsPoint) at
 * a coarse 2 m per pixel, which GDAL shifts by half a pixel (1 m): its cross under a zone's corner
 * on the map and on paper, where OpenLayers' own reading of the tags would put it 1 m south-east.
 */
let dir: string;
/** The turned sheet: its cross (pixel corner 512, 512) on the ground, and the sample directions. */
let turnedCross: number[];
let turnedSamples: { quadrant: string; east: number; north: number }[];

const run = (tool: string, args: string[], input?: string) =>
  execFileSync(tool, args, { encoding: 'utf8', ...(input !== undefined ? { input } : {}) });

/** Baseline TIFF (no tags, tiled) + the .tfw GDAL writes + an ESRI .prj, from `vrt`. */
function surveySheet(vrt: string, name: string, extra: string[] = []): Record<string, Buffer> {
  const tif = join(dir, `${name}.tif`);
  gdal('gdal_translate', ['-q', ...extra, '-co', 'PROFILE=BASELINE', '-co', 'TFW=YES', '-co', 'TILED=YES', '-co', 'COMPRESS=DEFLATE', vrt, tif]); // prettier-ignore
  return {
    [`${name}.tif`]: readFileSync(tif),
    [`${name}.tfw`]: readFileSync(join(dir, `${name}.tfw`)),
    [`${name}.prj`]: Buffer.from(run('gdalsrsinfo', ['-o', 'wkt_esri', 'EPSG:4516']).trim()),
  };
}

/** `gdaltransform` of pixel/line positions of a GDAL-readable file to its CRS (here GK metres). */
function gdalTransform(file: string, points: number[][]): number[][] {
  return run('gdaltransform', ['-output_xy', file], points.map((p) => p.join(' ')).join('\n'))
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
}

const TURNED_CROSS_GROUND = [CROSS[0] + 3000, CROSS[1] + 600];
/** On the zone's central meridian (28 500 km): the zone's outline is not turned on the map there. */
const POINT_CROSS = [28_500_000, CROSS[1] + 600];

/**
 * The quadrant picture resampled to `size` × `size` px at `pixel` m per pixel, turned `angle`°
 * anticlockwise, its cross (pixel corner size/2, size/2) at `cross` on the ground.
 */
function sheetVrt(name: string, size: number, angle: number, cross: readonly number[], pixel = 1): string {
  const r = (angle * Math.PI) / 180;
  const [c, s] = [pixel * Math.cos(r), pixel * Math.sin(r)];
  const [a, b, d, e] = [c, s, s, -c];
  const half = size / 2;
  const gt = [cross[0]! - half * (a + b), a, b, cross[1]! - half * (d + e), d, e];
  const bands = [1, 2, 3].map(
    (i) =>
      `<VRTRasterBand dataType="Byte" band="${i}"><SimpleSource><SourceFilename relativeToVRT="1">quadrants.vrt</SourceFilename>` +
      `<SourceBand>${i}</SourceBand><SrcRect xOff="0" yOff="0" xSize="4096" ySize="4096"/><DstRect xOff="0" yOff="0" xSize="${size}" ySize="${size}"/></SimpleSource></VRTRasterBand>`,
  );
  const vrt = join(dir, `${name}.vrt`);
  writeFileSync(
    vrt,
    `<VRTDataset rasterXSize="${size}" rasterYSize="${size}"><SRS>EPSG:4516</SRS><GeoTransform>${gt.join(', ')}</GeoTransform>${bands.join('')}</VRTDataset>`,
  );
  return vrt;
}

let northUp: Record<string, Buffer>;
let turned: Record<string, Buffer>;
let pointCog: Record<string, Buffer>;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-e2e-tfw-'));
  makeQuadrantsVrt(dir);
  // North-up, 2 km square at 1 m, 128 px tiles: the view around the zone needs a few of them.
  northUp = surveySheet(sheetVrt('north-up', 2048, 0, CROSS), 'sheet-4516', ['-co', 'BLOCKXSIZE=128', '-co', 'BLOCKYSIZE=128']); // prettier-ignore
  turned = surveySheet(sheetVrt('turned', 1024, 30, TURNED_CROSS_GROUND), 'sheet-turned');
  const point = join(dir, 'point-2m.tif');
  gdal('gdal_translate', ['-q', '-of', 'COG', '-mo', 'AREA_OR_POINT=Point', '-co', 'BLOCKSIZE=256', sheetVrt('point', 512, 0, POINT_CROSS, 2), point]); // prettier-ignore
  pointCog = { 'point-2m.tif': readFileSync(point) };
  // GDAL reads the cross (pixel corner 256, 256) back where the VRT put it, half a pixel from the tiepoint.
  const [east, north] = gdalTransform(point, [[256, 256]])[0]!;
  expect(Math.hypot(east! - POINT_CROSS[0]!, north! - POINT_CROSS[1]!)).toBeLessThan(1e-3);
  // Where GDAL (reading the .tfw beside the TIFF) puts the cross, and, 10 px from it in each
  // quadrant at 15° and 75° from the pixel rows, the points that must show that quadrant's colour.
  const tif = join(dir, 'sheet-turned.tif');
  const around = ['nw', 'ne', 'sw', 'se'].flatMap((quadrant) =>
    [15, 75].map((deg) => {
      const [sc, sr] = [quadrant.endsWith('w') ? -1 : 1, quadrant.startsWith('n') ? -1 : 1];
      const r = (deg * Math.PI) / 180;
      return { quadrant, pixel: [512 + sc * 10 * Math.cos(r), 512 + sr * 10 * Math.sin(r)] };
    }),
  );
  const [cross, ...points] = gdalTransform(tif, [[512, 512], ...around.map((p) => p.pixel)]);
  turnedCross = cross!;
  turnedSamples = around.map((p, i) => ({
    quadrant: p.quadrant,
    east: points[i]![0]! - cross![0]!,
    north: points[i]![1]! - cross![1]!,
  }));
});

/** Import the zone, zoom to it, then add the sheet (with its sidecars) from file. */
async function zoneThenSheet(page: Page, zone: string, name: string, sheet: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (await chooser).setFiles(zone);
  const preview = page.getByRole('dialog', { name: '导入预览' });
  await preview.getByRole('button', { name: '导入 1 个区划' }).click();
  await expect(preview).toBeHidden();
  await page.getByRole('treeitem', { name, exact: true }).dblclick();
  const layers = page.getByRole('region', { name: '图层', exact: true });
  await layers.getByRole('button', { name: /添加底图/ }).click();
  await layers.getByRole('menuitem', { name: '来自文件…' }).click();
  await expect(layers.getByRole('status', { name: new RegExp(`${sheet}.*正常`) })).toBeVisible({
    timeout: 30_000,
  });
}

/**
 * Expect the quadrant colours at the points `around` the zone's south-west corner (its outline's
 * box, found again on each try: the map may still be settling or change size meanwhile; `metre`
 * is a metre on the ground in CSS px, from the 40 m outline).
 */
async function expectColoursAtCorner(
  page: Page,
  around: (x: number, y: number, metre: number) => [number, number][],
  expected: string[],
): Promise<void> {
  await page.getByTestId('map').press('Escape');
  await expect
    .poll(
      async () => {
        const box = await colourBox(page, ZONE_STROKE);
        if (!(box.maxX - box.minX > 40)) return 'the zone outline is not on screen';
        return (await mapColours(page, around(box.minX, box.maxY, (box.maxX - box.minX) / 40))).map(nearest);
      },
      // Each try takes two screenshots of a WebGL map: seconds on a busy machine.
      { timeout: 60_000 },
    )
    .toEqual(expected);
}

test('a baseline TIFF with its .tfw and .prj lies under the zone where GDAL places it, read in slices', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await pickerWith(page, northUp);
  await zoneThenSheet(page, zoneFile(dir), '测试遗址', 'sheet-4516');
  await expectColoursAtCorner(page, (x, y) => [[x - 6, y - 6], [x + 6, y - 6], [x - 6, y + 6], [x + 6, y + 6]], ['nw', 'ne', 'sw', 'se']); // prettier-ignore
  await page.screenshot({ path: 'test-results/backgrounds-worldfile.png' });
  const size = statSync(join(dir, 'sheet-4516.tif')).size;
  const sliced = await page.evaluate(() => (window as unknown as { __sliced: number }).__sliced);
  console.log(`sliced ${sliced} of ${size} bytes`);
  expect(sliced).toBeGreaterThan(0);
  expect(sliced).toBeLessThan(size * 0.25);
});

const TURNED = '旋转图幅遗址';

/** The points `radius` px from `corner` towards each turned sample (x right = east, y down). */
function turnedPoints(corner: [number, number], radius: number): [number, number][] {
  return turnedSamples.map(({ east, north }) => {
    const k = radius / Math.hypot(east, north);
    return [corner[0] + east * k, corner[1] - north * k];
  });
}

/**
 * The colours of a figure of the zone `zone` (A4 landscape, 1:500, 150 dpi, with `sheet` in it) at
 * the points `around` its south-west corner on the PDF's page (`mm` turns millimetres on paper
 * into the page's pixels).
 */
async function figureColours(
  page: Page,
  zone: string,
  sheet: string,
  around: (corner: [number, number], mm: (v: number) => number) => [number, number][],
): Promise<string[]> {
  await page.getByRole('button', { name: '出图', exact: true }).click();
  const composer = page.getByRole('dialog', { name: /出图/ });
  await composer.getByLabel('出图对象').selectOption({ label: zone });
  await composer.getByLabel('纸张').selectOption('A4');
  await composer.getByLabel('方向').selectOption('landscape');
  await composer.getByLabel('比例尺', { exact: true }).selectOption({ label: '1:500' });
  await composer.getByLabel('分辨率').selectOption('150');
  await expect(composer.getByRole('status', { name: '图中底图' })).toContainText(sheet);
  await expect(composer.getByRole('img', { name: /预览/ })).toHaveAttribute('data-backgrounds', /^[1-9]/, {
    timeout: 60_000,
  });
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await composer.getByRole('button', { name: '导出 PDF' }).click();
  const pdf = join(mkdtempSync(join(tmpdir(), 'hzw-e2e-tfw-figure-')), 'figure.pdf');
  await (await download).saveAs(pdf);
  const dpi = 150;
  const { ppm, width, height, at } = pdfPpm(pdf, dpi);
  const px = (x: number, y: number) => {
    const i = at + 3 * (Math.round(y) * width + Math.round(x));
    return [...ppm.subarray(i, i + 3)];
  };
  const paper = { minX: Infinity, maxY: -Infinity };
  // The map frame only: the legend's swatch in the right-hand column has the same outline.
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width * 0.7; x++) {
      const c = px(x, y);
      if (Math.hypot(c[0]! - ZONE_STROKE[0]!, c[1]! - ZONE_STROKE[1]!, c[2]! - ZONE_STROKE[2]!) > 30)
        continue;
      paper.minX = Math.min(paper.minX, x);
      paper.maxY = Math.max(paper.maxY, y);
    }
  return around([paper.minX, paper.maxY], (v) => (v * dpi) / 25.4).map(([x, y]) => nearest(px(x, y)));
}

test('a sheet turned 30° by its .tfw: the colours around its cross turn as gdaltransform turns them', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await pickerWith(page, turned);
  await zoneThenSheet(page, zoneFile(dir, turnedCross, TURNED), TURNED, 'sheet-turned');
  await expectColoursAtCorner(
    page,
    (x, y) => turnedPoints([x, y], 20),
    turnedSamples.map((s) => s.quadrant),
  );
  await page.screenshot({ path: 'test-results/backgrounds-worldfile-turned.png' });

  // In a figure (1:500, 150 dpi), 3.5 mm from the zone's corner on the PDF, the same colours.
  const paper = await figureColours(page, TURNED, 'sheet-turned', (corner, mm) =>
    turnedPoints(corner, mm(3.5)),
  );
  expect(paper).toEqual(turnedSamples.map((s) => s.quadrant));
});

const POINT = '像元中心遗址';

/**
 * The points 0.65 m east or west and north or south of a corner (`metre` px to the metre; y down):
 * within the 1 m a half pixel moves the cross, and far enough from it that the 2 m pixels, drawn
 * interpolated, still show their own quadrant's colour there.
 */
const pointsAround = (x: number, y: number, metre: number): [number, number][] => {
  const d = 0.65 * metre;
  return [[x - d, y - d], [x + d, y - d], [x - d, y + d], [x + d, y + d]]; // prettier-ignore
};

test('a PixelIsPoint COG at 2 m per pixel lies where GDAL puts it (half a pixel from its tiepoint), on the map and on paper', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await pickerWith(page, pointCog);
  await zoneThenSheet(page, zoneFile(dir, POINT_CROSS, POINT), POINT, 'point-2m');
  // Zoomed to the zone a metre is 2–3 px: zoom in twice (the zone stays in view), to about 10.
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: '放大', exact: true }).click();
    await page.waitForTimeout(400);
  }
  await expectColoursAtCorner(page, pointsAround, ['nw', 'ne', 'sw', 'se']);
  await page.getByTestId('map').screenshot({ path: 'test-results/backgrounds-pixel-is-point.png' });
  // On paper at 1:500, a metre is 2 mm.
  const paper = await figureColours(page, POINT, 'point-2m', ([x, y], mm) => pointsAround(x, y, mm(2)));
  expect(paper).toEqual(['nw', 'ne', 'sw', 'se']);
});
