import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { pdfPpm, runCentres } from './fixtures/pagePixels';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { E0, N0, importFigureZones, rectangle } from './fixtures/figureZones';

const scratch = () => mkdtempSync(join(tmpdir(), 'hzw-figure-'));
const run = (tool: string, args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 1 << 28 });

const OBJECT = '出图测试寺';

const importTestZones = (page: Page) => importFigureZones(page, OBJECT);

async function openComposer(page: Page) {
  await page.getByRole('button', { name: '出图', exact: true }).click();
  return page.getByRole('dialog', { name: /出图/ });
}

async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await click();
  const file = join(scratch(), name);
  await (await pending).saveAs(file);
  return file;
}

test('figure: a 1:1 000 A3 PDF of an imported zone measures true on paper, embeds its font and lists exactly the zone types drawn', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const fontRequests: string[] = [];
  page.on('request', (r) => /\.(ttc|ttf|otf|woff2?)(\?|$)/.test(r.url()) && fontRequests.push(r.url()));
  await openWorkbench(page);
  await importTestZones(page);
  const dialog = await openComposer(page);
  await dialog.getByLabel('出图对象').selectOption({ label: OBJECT });
  await dialog.getByLabel('纸张').selectOption('A3');
  await dialog.getByLabel('方向').selectOption('landscape');
  await dialog.getByLabel('比例尺', { exact: true }).selectOption({ label: '1:1 000' });
  await expect(dialog.getByRole('img', { name: /出图预览/ })).toHaveAttribute('data-page-mm', '420x297');
  // The preview (and the PNG) are drawn in the shipped face, registered from our own origin and
  // loaded in document.fonts before drawing, not in the machine's WenQuanYi.
  await expect(dialog.getByRole('img', { name: /出图预览/ })).toHaveAttribute(
    'data-font',
    '"HZW Figure", sans-serif',
  );
  const faces = await page.evaluate(() =>
    [...document.fonts].map((f) => `${f.family.replace(/"/g, '')}:${f.status}`),
  );
  expect(faces).toContain('HZW Figure:loaded');
  expect(fontRequests).toEqual([new URL('fonts/wqy-microhei.ttc', page.url()).href]);
  const pdf = await download(
    page,
    () => dialog.getByRole('button', { name: '导出 PDF' }).click(),
    'figure.pdf',
  );

  expect(run('pdfinfo', [pdf])).toMatch(/Page size:\s+1190\.55 x 841\.89 pts \(A3\)/);
  const fonts = run('pdffonts', [pdf]).trim().split('\n').slice(2);
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);

  // The protection range's outline (#d01c1c) at 300 dpi: its two vertical and two horizontal
  // edges are 120 mm and 80 mm apart, the ground distances / 1 000.
  const dpi = 300;
  const { ppm, width, height, at } = pdfPpm(pdf, dpi);
  const cols = new Array<number>(width).fill(0);
  const rows = new Array<number>(height).fill(0);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = at + 3 * (y * width + x);
      if (Math.abs(ppm[i]! - 208) < 12 && ppm[i + 1]! < 45 && ppm[i + 2]! < 45) {
        cols[x]!++;
        rows[y]!++;
      }
    }
  const mm = (px: number) => (px / dpi) * 25.4;
  const xs = runCentres(cols, (60 / 25.4) * dpi);
  const ys = runCentres(rows, (100 / 25.4) * dpi);
  expect(xs).toHaveLength(2);
  expect(ys).toHaveLength(2);
  expect(Math.abs(mm(xs[1]! - xs[0]!) - 120)).toBeLessThan(0.5);
  expect(Math.abs(mm(ys[1]! - ys[0]!) - 80)).toBeLessThan(0.5);

  // The legend: the two types imported and no other zone type label anywhere on the page.
  const lines = new Set(
    run('pdftotext', ['-raw', pdf, '-'])
      .split('\n')
      .map((l) => l.trim()),
  );
  const typeLabels = [
    '本体',
    '保护范围',
    '重点保护区',
    '一般保护区',
    '建设控制地带',
    '环境协调区',
    '核心保护范围',
    '紫线',
    '历史城区',
    '地下文物埋藏区',
    '可能存在地下文物的区域',
    '视线通廊',
    '限高控制区',
  ];
  expect(typeLabels.filter((l) => lines.has(l))).toEqual(['保护范围', '建设控制地带']);
  expect(lines.has('图例')).toBe(true);

  // The PNG of the same page at 150 dpi: 420 × 297 mm in pixels.
  await dialog.getByLabel('分辨率').selectOption('150');
  const png = await download(
    page,
    () => dialog.getByRole('button', { name: /导出 PNG/ }).click(),
    'figure.png',
  );
  const info = JSON.parse(run('gdalinfo', ['-json', png])) as { size: number[] };
  expect(info.size).toEqual([Math.round((420 / 25.4) * 150), Math.round((297 / 25.4) * 150)]);

  // A zone type switched off in the layers panel is neither drawn nor in the legend.
  await dialog.getByRole('button', { name: '关闭' }).click();
  await page
    .getByRole('region', { name: '图层', exact: true })
    .getByRole('checkbox', { name: '显示 建设控制地带' })
    .uncheck();
  const again = await openComposer(page);
  await again.getByLabel('出图对象').selectOption({ label: OBJECT });
  const hidden = await download(
    page,
    () => again.getByRole('button', { name: '导出 PDF' }).click(),
    'hidden.pdf',
  );
  const hiddenLines = new Set(
    run('pdftotext', ['-raw', hidden, '-'])
      .split('\n')
      .map((l) => l.trim()),
  );
  expect(typeLabels.filter((l) => hiddenLines.has(l))).toEqual(['保护范围']);
});

test('figure: the atlas of the sample writes one page per protected object; cancelled, it writes nothing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openWorkbench(page);
  const zones = await readTable<StoredZone>(page, 'zones');
  const dialog = await openComposer(page);
  // The objects offered are those of the open project that have zones: every one of them.
  const offered = (
    await dialog
      .getByLabel('出图对象')
      .locator('option')
      .evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value))
  ).filter(Boolean);
  const projectId = zones.find((z) => z.objectId === offered[0])!.projectId;
  const objects = new Set(zones.filter((z) => z.projectId === projectId).map((z) => z.objectId));
  expect(new Set(offered)).toEqual(objects);
  expect(objects.size).toBeGreaterThan(1);

  // Cancelled at once: no download, and the notice says nothing was written. On a quiet machine the
  // sample's atlas is written (in the job worker) before a second click from here can land, so both
  // buttons are pressed in one go in the page: Cancel is there as soon as React has rendered the
  // click's update (in the microtask it queues), long before the worker can finish.
  let downloads = 0;
  page.on('download', () => downloads++);
  const atlasButton = dialog.getByRole('button', { name: /导出图集/ });
  await expect(atlasButton).toBeEnabled();
  await atlasButton.evaluate(async (start) => {
    (start as HTMLButtonElement).click();
    await null;
    const cancel = [...start.parentElement!.querySelectorAll('button')].find((b) => b.textContent === '取消');
    if (!cancel) throw new Error('no Cancel button while the atlas is being written');
    cancel.click();
  });
  await expect(page.getByText('已取消图集，未写入文件。')).toBeVisible();
  expect(downloads).toBe(0);

  const atlas = await download(
    page,
    () => dialog.getByRole('button', { name: /导出图集/ }).click(),
    'atlas.pdf',
  );
  expect(run('pdfinfo', [atlas])).toMatch(new RegExp(`Pages:\\s+${objects.size}\\n`));
});

test('figure: a reference layer shown on the map is drawn at its place under the zones and named in the legend', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openWorkbench(page);
  await importTestZones(page);
  // An ecological red line 30 m wide, 60 m east of the protection range (outside the control zone,
  // whose fill would tint its outline), added through its panel.
  const geojson = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name: '红线斑块' },
        geometry: { type: 'Polygon', coordinates: [rectangle(E0 + 180, N0, 30, 80)] },
      },
    ],
  };
  const references = page.getByRole('region', { name: '参考图层（三条控制线）' });
  await references.getByLabel('参考图层类型').selectOption({ label: '生态保护红线' });
  const chooser = page.waitForEvent('filechooser');
  await references.getByRole('button', { name: '添加参考图层…' }).click();
  await (
    await chooser
  ).setFiles({
    name: '红线2026.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify(geojson)),
  });
  const layers = page.getByRole('region', { name: '图层', exact: true });
  await expect(layers.getByRole('checkbox', { name: '显示 红线2026' })).toBeChecked();

  const dialog = await openComposer(page);
  await dialog.getByLabel('出图对象').selectOption({ label: OBJECT });
  await dialog.getByLabel('纸张').selectOption('A3');
  await dialog.getByLabel('方向').selectOption('landscape');
  await dialog.getByLabel('比例尺', { exact: true }).selectOption({ label: '1:1 000' });
  const pdf = await download(
    page,
    () => dialog.getByRole('button', { name: '导出 PDF' }).click(),
    'references.pdf',
  );
  const lines = run('pdftotext', ['-raw', pdf, '-'])
    .split('\n')
    .map((l) => l.trim());
  expect(lines).toContain('红线2026');

  // The red line's outline (#2e7d32): two vertical edges 30 mm apart, 60 mm east of the range's
  // east edge (#d01c1c), both 80 mm long; at 1:1 000 a metre is a millimetre.
  const dpi = 300;
  const { ppm, width, height, at } = pdfPpm(pdf, dpi);
  const green = new Array<number>(width).fill(0);
  const red = new Array<number>(width).fill(0);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = at + 3 * (y * width + x);
      const [r, g, b] = [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
      if (Math.abs(r - 46) < 12 && Math.abs(g - 125) < 12 && Math.abs(b - 50) < 12) green[x]!++;
      if (Math.abs(r - 208) < 12 && g < 45 && b < 45) red[x]!++;
    }
  const mm = (px: number) => (px / dpi) * 25.4;
  const greenEdges = runCentres(green, (60 / 25.4) * dpi);
  const redEdges = runCentres(red, (60 / 25.4) * dpi);
  expect(greenEdges).toHaveLength(2);
  expect(redEdges).toHaveLength(2);
  expect(Math.abs(mm(greenEdges[1]! - greenEdges[0]!) - 30)).toBeLessThan(0.5);
  expect(Math.abs(mm(greenEdges[0]! - redEdges[1]!) - 60)).toBeLessThan(0.5);

  // Hidden on the map, it leaves the figure and its legend.
  await dialog.getByRole('button', { name: '关闭' }).click();
  await layers.getByRole('checkbox', { name: '显示 红线2026' }).uncheck();
  const again = await openComposer(page);
  await again.getByLabel('出图对象').selectOption({ label: OBJECT });
  const hidden = await download(
    page,
    () => again.getByRole('button', { name: '导出 PDF' }).click(),
    'hidden.pdf',
  );
  expect(
    run('pdftotext', ['-raw', hidden, '-'])
      .split('\n')
      .map((l) => l.trim()),
  ).not.toContain('红线2026');
});
