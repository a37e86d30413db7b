import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { pdfPpm, runCentres } from './fixtures/pagePixels';
import { solidPng } from './fixtures/png';
import { tilePorts } from './fixtures/tileServer';
import { E0, N0, gkToLonLat, importFigureZones, lonLatToGk, rectangle } from './fixtures/figureZones';
import { SHEET_ORIGIN, surveySheetDxf } from '../shared/formats/dxf/fixtures/surveySheet';

/**
 * A tile service under a figure: a local XYZ server whose tiles are blue west of one meridian
 * (a tile edge at zoom 17) and yellow east of it. Exported to PDF at 200 dpi, the background is
 * embedded as JPEG pieces at 200 ppi, and on the page the colour edge lies where PROJ puts that
 * meridian, measured in mm from a zone vertex.
 */
const { xyzPort } = tilePorts(Number(process.env.E2E_PORT ?? 4173));
const WEST = [40, 80, 200] as const;
const EAST = [230, 200, 40] as const;
const EDGE_ZOOM = 17;
const OBJECT = '底图出图测试寺';

const scratch = () => mkdtempSync(join(tmpdir(), 'hzw-figbg-'));
const run = (tool: string, args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 1 << 28 });

const toLonLat = gkToLonLat;
const toGk = lonLatToGk;

/** The zoom-17 tile edge nearest the zone's middle: its index and longitude. */
const MID_LON = toLonLat([[E0 + 60, N0 + 40]])[0]![0];
const EDGE_X = Math.round(((MID_LON + 180) / 360) * 2 ** EDGE_ZOOM);
const EDGE_LON = (EDGE_X / 2 ** EDGE_ZOOM) * 360 - 180;

let server: Server;
const requests: string[] = [];
let failing: 'no' | 'once' | 'east' = 'no';
const failed = new Set<string>();
test.beforeAll(async () => {
  const west = solidPng([...WEST]);
  const east = solidPng([...EAST]);
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const m = /^\/tiles\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? '');
    if (!m) return res.writeHead(404).end();
    const [z, x] = [Number(m[1]), Number(m[2])];
    // The tile's west edge against the meridian, in whole tiles of the finer zoom.
    const isWest = z >= EDGE_ZOOM ? x < EDGE_X * 2 ** (z - EDGE_ZOOM) : x * 2 ** (EDGE_ZOOM - z) < EDGE_X;
    // A failing service, switched on by a test: each tile fails its first request, or tiles east
    // of the meridian fail every time.
    const url = req.url ?? '';
    if ((failing === 'once' && !failed.has(url)) || (failing === 'east' && !isWest)) {
      failed.add(url);
      return res.writeHead(503, { 'Access-Control-Allow-Origin': '*' }).end();
    }
    res
      .writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'image/png' })
      .end(isWest ? west : east);
  });
  await new Promise<void>((resolve) => server.listen(xyzPort, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
test.afterEach(() => {
  failing = 'no';
  failed.clear();
});

const importZones = (page: Page) => importFigureZones(page, OBJECT);

const layers = (page: Page) => page.getByRole('region', { name: '图层', exact: true });
const near = (c: ArrayLike<number>, d: readonly number[]) =>
  Math.hypot(c[0]! - d[0]!, c[1]! - d[1]!, c[2]! - d[2]!) < 45;

/** Add the fixture XYZ service as `name`, show the object once its tiles are drawn, and open 出图 for it. */
async function figureOver(page: Page, name: string) {
  await openWorkbench(page);
  await importZones(page);
  await layers(page)
    .getByRole('button', { name: /添加底图/ })
    .click();
  await layers(page).getByRole('menuitem', { name: '瓦片服务（XYZ / TMS / WMTS）…' }).click();
  const add = page.getByRole('dialog', { name: '添加瓦片服务（XYZ / TMS / WMTS）' });
  await add.getByLabel('名称').fill(name);
  await add.getByLabel('瓦片地址模板').fill(`http://127.0.0.1:${xyzPort}/tiles/{z}/{x}/{y}.png`);
  await add.getByRole('button', { name: '添加' }).click();
  await expect(add).toBeHidden();
  await page.getByRole('treeitem', { name: OBJECT, exact: true }).dblclick();
  await expect(layers(page).getByRole('status', { name: `状态 ${name}: 正常` })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: '出图', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /出图/ });
  await dialog.getByLabel('出图对象').selectOption({ label: OBJECT });
  return dialog;
}

/** The figure dialog over the fixture service at 1:1 000, 150 dpi, on the default paper. */
async function figureAt150(page: Page, name: string) {
  const dialog = await figureOver(page, name);
  await dialog.getByLabel('比例尺', { exact: true }).selectOption({ label: '1:1 000' });
  await dialog.getByLabel('分辨率').selectOption('150');
  return dialog;
}

test('figure: tiles that fail once are asked for again, and the PNG has no holes', async ({ page }) => {
  test.setTimeout(120_000);
  const dialog = await figureAt150(page, '时好时坏');
  const before = requests.length;
  failing = 'once';
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await dialog.getByRole('button', { name: /导出 PNG/ }).click();
  const png = join(scratch(), 'flaky.png');
  await (await download).saveAs(png);
  failing = 'no';
  // Every tile of the export failed once, was asked for again and served.
  const asked = requests.slice(before);
  expect(failed.size).toBeGreaterThan(0);
  for (const url of failed) expect(asked.filter((r) => r === url).length).toBeGreaterThanOrEqual(2);
  // Both colours fill the map frame: without the second asking it is paper white.
  const raw = join(scratch(), 'flaky.ppm');
  run('gdal_translate', ['-q', '-of', 'PNM', '-b', '1', '-b', '2', '-b', '3', png, raw]);
  const ppm = readFileSync(raw);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'))!;
  const pixels = ppm.subarray(header[0].length);
  let west = 0;
  let east = 0;
  for (let i = 0; i < pixels.length; i += 3) {
    const c = pixels.subarray(i, i + 3);
    if (near(c, WEST)) west++;
    else if (near(c, EAST)) east++;
  }
  const all = pixels.length / 3;
  expect(west / all).toBeGreaterThan(0.05);
  expect(east / all).toBeGreaterThan(0.05);
});

test('figure: a tile service whose tiles keep failing is named and nothing is written', async ({ page }) => {
  test.setTimeout(120_000);
  const dialog = await figureAt150(page, '坏瓦片服务');
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  failing = 'east';
  await dialog.getByRole('button', { name: /导出 PNG/ }).click();
  await expect(page.getByRole('alert')).toContainText('底图「坏瓦片服务」有瓦片两次未能读取', {
    timeout: 90_000,
  });
  await expect(page.getByRole('alert')).toContainText('未写入文件');
  failing = 'no';
  expect(downloaded).toBe(false);
});

test('figure: a tile service under the zones is embedded at the chosen dpi, its colour edge on the meridian PROJ computes', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dialog = await figureOver(page, '测试影像');
  await dialog.getByLabel('纸张').selectOption('A3');
  await dialog.getByLabel('方向').selectOption('landscape');
  await dialog.getByLabel('比例尺', { exact: true }).selectOption({ label: '1:1 000' });
  await dialog.getByLabel('分辨率').selectOption('200');
  await expect(dialog.getByRole('status', { name: '图中底图' })).toContainText('「测试影像」 200 dpi');
  // The preview shows the service under the zones, as the files will: both colours (the same render
  // places the PDF's background, whose position is measured below).
  const preview = dialog.getByRole('img', { name: /预览/ });
  await expect(preview).toHaveAttribute('data-backgrounds', /^[1-9]/, { timeout: 60_000 });
  const previewColours = await preview.evaluate(
    (canvas: HTMLCanvasElement, [west, east]) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const near = (i: number, c: readonly number[]) =>
        Math.hypot(data[i]! - c[0]!, data[i + 1]! - c[1]!, data[i + 2]! - c[2]!) < 45;
      let w = 0;
      let e = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (near(i, west)) w++;
        else if (near(i, east)) e++;
      }
      return { west: w / (data.length / 4), east: e / (data.length / 4) };
    },
    [WEST, EAST] as const,
  );
  expect(previewColours.west).toBeGreaterThan(0.05);
  expect(previewColours.east).toBeGreaterThan(0.05);
  const before = requests.length;
  const pending = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: '导出 PDF' }).click();
  const pdf = join(scratch(), 'figure.pdf');
  await (await pending).saveAs(pdf);
  expect(requests.length).toBeGreaterThan(before);

  // The background pieces: JPEG at 200 ppi, covering the map frame (about 330 × 250 mm at A3).
  const images = run('pdfimages', ['-list', pdf])
    .trim()
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/));
  expect(images.length).toBeGreaterThan(0);
  let area = 0;
  for (const row of images) {
    expect(row[2]).toBe('image');
    expect(row[8]).toBe('jpeg');
    expect([row[12], row[13]]).toEqual(['200', '200']);
    area += Number(row[3]) * Number(row[4]);
  }
  expect(area / (200 / 25.4) ** 2).toBeGreaterThan(200 * 150);

  // On the page at 300 dpi: the protection range's west edge (its outline, #d01c1c) is the vertex
  // column; 60 m south of the zone (outside both zones) the blue→yellow edge lies at the meridian.
  const dpi = 300;
  const { ppm, width, height, at } = pdfPpm(pdf, dpi);
  const px = (x: number, y: number) => ppm.subarray(at + 3 * (y * width + x), at + 3 * (y * width + x) + 3);
  const cols = new Array<number>(width).fill(0);
  const rows = new Array<number>(height).fill(0);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const c = px(x, y);
      if (Math.abs(c[0]! - 208) < 12 && c[1]! < 45 && c[2]! < 45) {
        cols[x]!++;
        rows[y]!++;
      }
    }
  const perMm = dpi / 25.4;
  const xs = runCentres(cols, 60 * perMm);
  const ys = runCentres(rows, 100 * perMm);
  expect(xs).toHaveLength(2);
  expect(ys).toHaveLength(2);
  const row = Math.round(ys[1]! + 60 * perMm);
  let lastWest = -1;
  let firstEast = -1;
  for (let x = Math.round(xs[0]! - 150 * perMm); x < xs[0]! + 250 * perMm; x++) {
    if (x < 0 || x >= width) continue;
    const c = px(x, row);
    if (near(c, WEST) && firstEast < 0) lastWest = x;
    if (near(c, EAST) && lastWest >= 0 && firstEast < 0) firstEast = x;
  }
  expect(lastWest).toBeGreaterThan(0);
  // JPEG's halved chroma and the 200 → 300 dpi rasterising blur the edge over a few pixels.
  expect(firstEast - lastWest).toBeLessThan(10);
  const measuredMm = ((lastWest + firstEast) / 2 - xs[0]!) / perMm;
  const lat = toLonLat([[E0, N0 - 60]])[0]![1];
  const meridianE = toGk([[EDGE_LON, lat]])[0]![0]!;
  const expectedMm = meridianE - E0; // metres at 1:1 000 are mm on paper
  console.log(
    `PDF: colour edge ${measuredMm.toFixed(2)} mm east of the vertex, PROJ ${expectedMm.toFixed(2)} mm`,
  );
  expect(Math.abs(measuredMm - expectedMm)).toBeLessThan(0.5);

  // The PNG at 150 dpi has the same background, drawn strip by strip: the colours either side
  // of the meridian, 3 mm away from it on the same row.
  await dialog.getByLabel('分辨率').selectOption('150');
  const pngDownload = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: /导出 PNG/ }).click();
  const png = join(scratch(), 'figure.png');
  await (await pngDownload).saveAs(png);
  const raw = join(scratch(), 'figure.ppm');
  run('gdal_translate', ['-q', '-of', 'PNM', '-b', '1', '-b', '2', '-b', '3', png, raw]);
  const ppm150 = readFileSync(raw);
  const h150 = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm150.subarray(0, 64).toString('latin1'))!;
  const [w150, at150] = [Number(h150[1]), h150[0].length];
  const k = 150 / dpi;
  const colourAt = (xPx300: number, offsetMm: number) => {
    const x = Math.round((xPx300 + offsetMm * perMm) * k);
    const i = at150 + 3 * (Math.round(row * k) * w150 + x);
    return ppm150.subarray(i, i + 3);
  };
  const edge300 = (lastWest + firstEast) / 2;
  expect(near(colourAt(edge300, -3), WEST)).toBe(true);
  expect(near(colourAt(edge300, 3), EAST)).toBe(true);
});

test('figure: a CAD survey sheet under a zone is drawn at its surveyed place', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker);
  await openWorkbench(page);
  // A protection range east of the sheet's building (GK metres from the sheet's origin).
  const [sx, sy] = SHEET_ORIGIN;
  const file = join(scratch(), 'cad-zone.geojson');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { object_name: '文庙', object_type: 'relic_unit', zone_type: 'protection_range' },
          geometry: { type: 'Polygon', coordinates: [rectangle(sx + 70, sy, 30, 30)] },
        },
      ],
    }),
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('dialog', { name: '导入预览' }).getByRole('button', { name: '导入 1 个区划' }).click();
  await layers(page)
    .getByRole('button', { name: /添加底图/ })
    .click();
  const dxf = page.waitForEvent('filechooser');
  await layers(page).getByRole('menuitem', { name: '来自文件…' }).click();
  await (
    await dxf
  ).setFiles({ name: 'survey.dxf', mimeType: 'image/vnd.dxf', buffer: Buffer.from(surveySheetDxf()) });
  await expect(layers(page).getByRole('status', { name: '状态 survey: 正常' })).toBeVisible({
    timeout: 60_000,
  });

  await page.getByRole('button', { name: '出图', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /出图/ });
  await dialog.getByLabel('出图对象').selectOption({ label: '文庙' });
  await dialog.getByLabel('纸张').selectOption('A3');
  await dialog.getByLabel('比例尺', { exact: true }).selectOption({ label: '1:1 000' });
  await dialog.getByLabel('分辨率').selectOption('300');
  await expect(dialog.getByRole('status', { name: '图中底图' })).toContainText('「survey」 300 dpi');
  const pending = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: '导出 PDF' }).click();
  const pdf = join(scratch(), 'cad.pdf');
  await (await pending).saveAs(pdf);

  // At 300 dpi: the zone's outline (#d01c1c) gives its south and west edges; the building's
  // magenta outline (ACI 6, 25 m × 17 m) lies 15 and 32 mm north of the zone's south edge and
  // 55 and 30 mm west of its west edge (ground metres / 1 000).
  const dpi = 300;
  const { ppm, width, height, at } = pdfPpm(pdf, dpi);
  const red = { cols: new Array<number>(width).fill(0), rows: new Array<number>(height).fill(0) };
  const pink = { cols: new Array<number>(width).fill(0), rows: new Array<number>(height).fill(0) };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = at + 3 * (y * width + x);
      const [r, g, b] = [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
      const bucket =
        Math.abs(r - 208) < 12 && g < 45 && b < 45
          ? red
          : r > 150 && b > 150 && r - g > 35 && b - g > 35
            ? pink
            : null;
      if (bucket) {
        bucket.cols[x]!++;
        bucket.rows[y]!++;
      }
    }
  const perMm = dpi / 25.4;
  const zx = runCentres(red.cols, 20 * perMm);
  const zy = runCentres(red.rows, 20 * perMm);
  expect(zx).toHaveLength(2);
  expect(zy).toHaveLength(2);
  const bx = runCentres(pink.cols, 8 * perMm);
  const by = runCentres(pink.rows, 8 * perMm);
  console.log(
    `CAD building edges (mm from the zone's west/south edges): x ${bx.map((x) => ((x - zx[0]!) / perMm).toFixed(2))} y ${by.map((y) => ((zy[1]! - y) / perMm).toFixed(2))}`,
  );
  expect(bx.length).toBe(2);
  expect(Math.abs((bx[0]! - zx[0]!) / perMm + 55)).toBeLessThan(0.5);
  expect(Math.abs((bx[1]! - zx[0]!) / perMm + 30)).toBeLessThan(0.5);
  // Its south (15 m) and north (32 m) edges north of the zone's south edge.
  const north = by.map((y) => (zy[1]! - y) / perMm).sort((a, b) => a - b);
  expect(north).toHaveLength(2);
  expect(Math.abs(north[0]! - 15)).toBeLessThan(0.5);
  expect(Math.abs(north[1]! - 32)).toBeLessThan(0.5);
});
