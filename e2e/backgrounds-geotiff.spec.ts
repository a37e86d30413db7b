import { execFileSync } from 'node:child_process';
import { pickerWith } from './fixtures/filePicker';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { pdfPpm } from './fixtures/pagePixels';
import {
  SIDE,
  ZONE_STROKE,
  expectQuadrantsAtZoneCorner,
  gdal,
  makeCog,
  nearest,
  zoneFile,
} from './fixtures/quadrantCog';
import { STALLED_PATH, startRangeServer, type RangeServer } from './fixtures/rangeServer';

/**
 * An orthophoto under the zones, read by range. GDAL makes a Cloud-Optimized GeoTIFF in
 * EPSG:4516 (CGCS2000 3° GK zone 28, with the zone prefix) of four coloured quadrants with
 * overviews; a fixture server on 127.0.0.1 serves it by HTTP Range and counts the bytes. It is
 * added through the layers panel by URL (the same URL path the desktop's granted-file route
 * takes); a zone whose corner is the quadrant cross is imported; at that corner, the four pixels
 * 6 px away diagonally show the four quadrant colours, and far less than the file was read.
 */
// The fixture server's port: playwright.config.ts allows http://127.0.0.1:(E2E_PORT + 113).
const RANGE_PORT = Number(process.env.E2E_PORT ?? 4173) + 113;

/** Import the zone (GK coordinates) and add the orthophoto by URL through the layers panel. */
async function addZoneAndOrthophoto(page: Page): Promise<void> {
  await openWorkbench(page);
  // The zone: imported from GK coordinates, then the view fitted to the project.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (await chooser).setFiles(zoneFile(dir));
  const preview = page.getByRole('dialog', { name: '导入预览' });
  await expect(preview.getByRole('combobox', { name: '坐标系' })).toHaveValue('4516');
  await preview.getByRole('button', { name: '导入 1 个区划' }).click();
  await expect(preview).toBeHidden();

  // The orthophoto: through the layers panel, by URL.
  const layers = page.getByRole('region', { name: '图层', exact: true });
  await layers.getByRole('button', { name: /添加底图/ }).click();
  await layers.getByRole('menuitem', { name: '按网址添加 COG…' }).click();
  const dialog = page.getByRole('dialog', { name: '按网址添加云优化 GeoTIFF（COG）' });
  await dialog.getByLabel('COG 网址').fill(server.url('quadrants-4516.tif'));
  await dialog.getByRole('button', { name: '添加' }).click();
  await expect(dialog).toBeHidden();
  await expect(layers.getByRole('status', { name: /quadrants-4516.*正常/ })).toBeVisible({ timeout: 30_000 });
}

let server: RangeServer;
let cog: string;
let xianCog: string;
let dir: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-e2e-geotiff-'));
  cog = makeCog(dir);
  // The same picture georeferenced in Xian 1980 / 3-degree GK CM 114E (EPSG:2383, an old datum).
  xianCog = join(dir, 'quadrants-2383.tif');
  const [xe, xn] = XIAN_ORIGIN;
  gdal('gdal_translate', [
    '-q', '-of', 'COG', '-co', 'COMPRESS=JPEG', '-co', 'BLOCKSIZE=256', '-a_srs', 'EPSG:2383',
    '-a_ullr', String(xe), String(xn + SIDE), String(xe + SIDE), String(xn),
    join(dir, 'quadrants.vrt'), xianCog,
  ]); // prettier-ignore
  // The same file cut off at 60 %, as an interrupted copy leaves it.
  const cut = join(dir, 'cut-4516.tif');
  writeFileSync(cut, readFileSync(cog).subarray(0, Math.floor(statSync(cog).size * 0.6)));
  server = await startRangeServer([cog, cut, xianCog], RANGE_PORT);
});
test.afterAll(async () => server?.close());

test('a GeoTIFF in EPSG:4516 added by URL lies under the zone at the right place and is read by range', async ({
  page,
}) => {
  await addZoneAndOrthophoto(page);
  await expectQuadrantsAtZoneCorner(page, '测试遗址');
  await page.screenshot({ path: 'test-results/backgrounds-geotiff.png' });

  // Read by range: every request had a Range header, and far less than the file was read.
  const size = statSync(cog).size;
  expect(server.requests.length).toBeGreaterThan(0);
  expect(server.requests.filter((r) => r.range === null)).toEqual([]);
  console.log(`served ${server.bytesServed()} of ${size} bytes in ${server.requests.length} range requests`);
  expect(server.bytesServed()).toBeLessThan(size * 0.25);
});

test('in a figure, the orthophoto lies under the zone at its place on paper, in the preview and the PDF', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await addZoneAndOrthophoto(page);
  await page.getByRole('button', { name: '出图', exact: true }).click();
  const composer = page.getByRole('dialog', { name: /出图/ });
  await composer.getByLabel('出图对象').selectOption({ label: '测试遗址' });
  await composer.getByLabel('纸张').selectOption('A4');
  await composer.getByLabel('方向').selectOption('landscape');
  await composer.getByLabel('比例尺', { exact: true }).selectOption({ label: '1:500' });
  await composer.getByLabel('分辨率').selectOption('150');
  await expect(composer.getByRole('status', { name: '图中底图' })).toContainText('quadrants-4516');
  await expect(composer.getByRole('img', { name: /预览/ })).toHaveAttribute('data-backgrounds', /^[1-9]/, {
    timeout: 60_000,
  });
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await composer.getByRole('button', { name: '导出 PDF' }).click();
  const pdf = join(mkdtempSync(join(tmpdir(), 'hzw-e2e-geotiff-figure-')), 'figure.pdf');
  await (await download).saveAs(pdf);

  // At 1:500 the 40 m zone is 80 mm on paper; 3 mm diagonally off its south-west corner (the
  // quadrant cross) the page shows the four quadrant colours.
  const dpi = 150;
  const { ppm, width, height, at } = pdfPpm(pdf, dpi);
  const px = (x: number, y: number) => [
    ...ppm.subarray(at + 3 * (y * width + x), at + 3 * (y * width + x) + 3),
  ];
  const box = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  // The map frame only: the legend's swatch in the right-hand column has the same outline.
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width * 0.7; x++) {
      const c = px(x, y);
      if (Math.hypot(c[0]! - ZONE_STROKE[0]!, c[1]! - ZONE_STROKE[1]!, c[2]! - ZONE_STROKE[2]!) > 30)
        continue;
      box.minX = Math.min(box.minX, x);
      box.maxX = Math.max(box.maxX, x);
      box.minY = Math.min(box.minY, y);
      box.maxY = Math.max(box.maxY, y);
    }
  const perMm = dpi / 25.4;
  expect(Math.abs((box.maxX - box.minX) / perMm - 80)).toBeLessThan(1);
  const d = Math.round(3 * perMm);
  const [x, y] = [box.minX, box.maxY];
  expect([px(x - d, y - d), px(x + d, y - d), px(x - d, y + d), px(x + d, y + d)].map(nearest)).toEqual([
    'nw',
    'ne',
    'sw',
    'se',
  ]);
});

/** South-west corner of the Xian 1980 copy (EPSG:2383, easting without the zone prefix). */
const XIAN_ORIGIN: [number, number] = [531_000, 3_381_000];
/** A 7-parameter set Xian 1980 → CGCS2000 of realistic size (position vector, as PROJ's +towgs84). */
const SEVEN = [24.1, -121.7, -84.3, 1.2, -0.8, 2.4, 3.1];
const XIAN_SHIFTED = `+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +a=6378140 +rf=298.257 +towgs84=${SEVEN.join(',')} +units=m +no_defs`;

/**
 * GK metres of the Xian copy → CGCS2000 lon/lat, by PROJ with the same parameters (the target's
 * explicit +towgs84=0,0,0 makes PROJ apply the source's; without it PROJ would skip the shift).
 */
function xianToLonLat(points: [number, number][]): [number, number][] {
  const out = execFileSync(
    'cs2cs',
    [
      '-f',
      '%.12f',
      ...XIAN_SHIFTED.split(' '),
      '+to',
      '+proj=longlat',
      '+ellps=GRS80',
      '+towgs84=0,0,0',
      '+no_defs',
    ],
    {
      input: points.map((p) => p.join(' ')).join('\n'),
      encoding: 'utf8',
    },
  );
  return out
    .trim()
    .split('\n')
    .map((l) => l.split(/\s+/).slice(0, 2).map(Number) as [number, number]);
}

test('an orthophoto on Xian 1980 asks for its datum transformation and then lies where PROJ puts it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openWorkbench(page);
  // A 40 m zone whose south-west corner is the Xian copy's quadrant cross, placed in CGCS2000 by PROJ.
  const [e, n] = [XIAN_ORIGIN[0] + SIDE / 2, XIAN_ORIGIN[1] + SIDE / 2];
  const ring = xianToLonLat([[e, n], [e + 40, n], [e + 40, n + 40], [e, n + 40], [e, n]]); // prettier-ignore
  const file = join(dir, 'xian-zone.geojson');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '西安坐标遗址', zone_type: '建设控制地带' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    }),
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (await chooser).setFiles(file);
  const preview = page.getByRole('dialog', { name: '导入预览' });
  await preview.getByRole('button', { name: '导入 1 个区划' }).click();
  await expect(preview).toBeHidden();

  const layers = page.getByRole('region', { name: '图层', exact: true });
  await layers.getByRole('button', { name: /添加底图/ }).click();
  await layers.getByRole('menuitem', { name: '按网址添加 COG…' }).click();
  const add = page.getByRole('dialog', { name: '按网址添加云优化 GeoTIFF（COG）' });
  await add.getByLabel('COG 网址').fill(server.url('quadrants-2383.tif'));
  await add.getByRole('button', { name: '添加' }).click();
  // Never assumed to be CGCS2000: the planner enters the province's seven parameters.
  const ask = page.getByRole('dialog', { name: /^底图的基准转换：.*quadrants-2383\.tif$/ });
  await expect(ask).toContainText('EPSG:2383 西安80');
  await ask.getByRole('radio', { name: /七参数/ }).check();
  const labels = [
    'ΔX 平移（米）',
    'ΔY 平移（米）',
    'ΔZ 平移（米）',
    'X 轴旋转（秒）',
    'Y 轴旋转（秒）',
    'Z 轴旋转（秒）',
    '尺度（ppm）',
  ];
  for (const [i, label] of labels.entries()) await ask.getByLabel(label).fill(String(SEVEN[i]));
  await ask.getByRole('button', { name: '应用基准转换' }).click();
  await expect(ask).toBeHidden();
  await expect(add).toBeHidden();
  await expect(layers.getByRole('status', { name: /quadrants-2383.*正常/ })).toBeVisible({ timeout: 30_000 });

  await expectQuadrantsAtZoneCorner(page, '西安坐标遗址');
});

test('a COG cut off part-way is refused in the dialog with the reason, and nothing is added', async ({
  page,
}) => {
  await openWorkbench(page);
  const layers = page.getByRole('region', { name: '图层', exact: true });
  await layers.getByRole('button', { name: /添加底图/ }).click();
  await layers.getByRole('menuitem', { name: '按网址添加 COG…' }).click();
  const dialog = page.getByRole('dialog', { name: '按网址添加云优化 GeoTIFF（COG）' });
  await dialog.getByLabel('COG 网址').fill(server.url('cut-4516.tif'));
  await dialog.getByRole('button', { name: '添加' }).click();
  await expect(dialog.getByRole('alert')).toContainText('文件不完整（被截断）');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(layers.getByText('cut-4516.tif')).toHaveCount(0);
});

test('a COG whose server does not answer is stopped by Cancel at once, and nothing is added', async ({
  page,
}) => {
  await openWorkbench(page);
  const layers = page.getByRole('region', { name: '图层', exact: true });
  const rows = await layers.locator('.layer-list > li').count();
  await layers.getByRole('button', { name: /添加底图/ }).click();
  await layers.getByRole('menuitem', { name: '按网址添加 COG…' }).click();
  const dialog = page.getByRole('dialog', { name: '按网址添加云优化 GeoTIFF（COG）' });
  await dialog.getByLabel('COG 网址').fill(`${server.origin}${STALLED_PATH}`);
  await dialog.getByRole('button', { name: '添加' }).click();
  await expect(dialog.getByRole('status')).toHaveText('正在读取文件头…（取消可停止）');
  await expect.poll(() => server.stalled.length).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  // The request is dropped at once (well before the 10 s header timeout), and nothing is listed.
  await expect.poll(() => server.stalled.every((r) => r.closed), { timeout: 2_000 }).toBe(true);
  expect(await layers.locator('.layer-list > li').count()).toBe(rows);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('from file: a GeoTIFF kept by its browser file handle is read in slices, and is back after a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await pickerWith(page, { 'quadrants-4516.tif': readFileSync(cog) });
  const layers = page.getByRole('region', { name: '图层', exact: true });
  await layers.getByRole('button', { name: /添加底图/ }).click();
  await layers.getByRole('menuitem', { name: '来自文件…' }).click();
  const status = layers.getByRole('status', { name: /quadrants-4516.*正常/ });
  await expect(status).toBeVisible({ timeout: 30_000 });
  await layers.getByRole('button', { name: '缩放至图层 quadrants-4516.tif' }).click();
  await page.waitForTimeout(3000);
  const size = statSync(cog).size;
  const sliced = await page.evaluate(() => (window as unknown as { __sliced: number }).__sliced);
  console.log(`sliced ${sliced} of ${size} bytes`);
  expect(sliced).toBeGreaterThan(0);
  expect(sliced).toBeLessThan(size * 0.25);

  await page.reload();
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(status).toBeVisible({ timeout: 30_000 });
});

test('a scanned sheet (PNG with its world file) lies under the zone at the right place', async ({ page }) => {
  test.setTimeout(120_000);
  const png = join(dir, 'sheet-4516.png');
  // GDAL writes the PNG and its world file (sheet-4516.wld) from the same quadrants, at 1 m.
  gdal('gdal_translate', [
    '-q',
    '-of',
    'PNG',
    '-outsize',
    '1024',
    '1024',
    '-co',
    'WORLDFILE=YES',
    join(dir, 'quadrants.vrt'),
    png,
  ]);
  const files = {
    'sheet-4516.png': readFileSync(png),
    'sheet-4516.wld': readFileSync(png.replace(/png$/, 'wld')),
  };
  await pickerWith(page, files);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (await chooser).setFiles(zoneFile(dir));
  const preview = page.getByRole('dialog', { name: '导入预览' });
  await preview.getByRole('button', { name: '导入 1 个区划' }).click();
  await expect(preview).toBeHidden();
  const layers = page.getByRole('region', { name: '图层', exact: true });
  await layers.getByRole('button', { name: /添加底图/ }).click();
  await layers.getByRole('menuitem', { name: '来自文件…' }).click();
  await expect(layers.getByRole('status', { name: /sheet-4516.*正常/ })).toBeVisible({ timeout: 30_000 });
  await expectQuadrantsAtZoneCorner(page, '测试遗址');
});
