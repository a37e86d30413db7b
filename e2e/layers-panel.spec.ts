import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeProjectFile } from '../shared/formats/projectFile';
import { buildTekesSample } from '../shared/sample/buildSample';
import { openFile } from './fixtures/projectFiles';
import { expect, openWorkbench, test } from './fixtures/test';
import { lonLatAt, type Pixel } from './fixtures/mapInput';
import { mapColours, referenceTilesDrawn } from './fixtures/mapPixels';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

const layers = (page: Page) => page.getByRole('region', { name: '图层', exact: true });

/** Add a reference layer of one square (map pixels `from`–`to`) through the reference-layer panel. */
async function addSquare(page: Page, name: string, kind: string, from: Pixel, to: Pixel) {
  // The notice bar pushes the map down: without it, pixels mean the same places throughout.
  await closeNotices(page);
  const [a, b] = [await lonLatAt(page, from), await lonLatAt(page, to)];
  const square = [a, [b[0], a[1]], b, [a[0], b[1]], a];
  const geojson = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square] } }],
  };
  const references = page.getByRole('region', { name: '参考图层（三条控制线）' });
  await references.getByLabel('参考图层类型').selectOption({ label: kind });
  const chooser = page.waitForEvent('filechooser');
  await references.getByRole('button', { name: '添加参考图层…' }).click();
  await (
    await chooser
  ).setFiles({
    name: `${name}.geojson`,
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify(geojson)),
  });
  await expect(layers(page).getByRole('checkbox', { name: `显示 ${name}` })).toBeVisible();
  await closeNotices(page);
}

async function closeNotices(page: Page) {
  const close = page.getByRole('button', { name: '关闭提示' });
  while ((await close.count()) > 0) await close.first().click();
}

const rowNames = (page: Page) =>
  layers(page)
    .locator('.layer-list > li .layer-name')
    .evaluateAll((labels) => labels.map((l) => l.textContent!.replace(/\s*\(.*$/, '').trim()));
const distance = (p: number[], q: number[]) => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);

// Map pixels: the zone, a green red-line square A and a yellow farmland square B overlapping it.
const ZONE: Pixel[] = [
  [450, 330],
  [650, 330],
  [650, 470],
  [450, 470],
];
const OVERLAP: Pixel = [550, 310]; // A and B, outside the zone
const FARM_ONLY: Pixel = [680, 318];
const ZONE_EDGE: Pixel = [450, 455]; // the zone's west edge, under no reference layer
const NOTHING: Pixel = [420, 500]; // basemap only

test('the layers panel reorders by keyboard, fades and hides layers and zone types, kept per project, never undone', async ({
  page,
}) => {
  test.setTimeout(120_000); // two reference layers, pixel reads and a reload on a shared 2-core machine
  await openWorkbench(page);
  await newProjectWithObject(page, '烽燧');
  await closeNotices(page);
  await page.getByRole('combobox', { name: '新区划类型' }).selectOption({ label: '保护范围' });
  await drawZone(page, ZONE);
  await addSquare(page, 'red-line', '生态保护红线', [400, 280], [600, 420]);
  await addSquare(page, 'farm', '永久基本农田', [500, 300], [700, 450]);
  await closeNotices(page);
  await referenceTilesDrawn(page);
  // New layers come on top: the farmland last added is the first row.
  expect(await rowNames(page)).toEqual(['farm', 'red-line']);
  const [overlapBefore, farmBefore, edgeBefore, nothing] = await mapColours(page, [
    OVERLAP,
    FARM_ONLY,
    ZONE_EDGE,
    NOTHING,
  ]);
  expect(distance(farmBefore!, nothing!), 'farmland tints the map').toBeGreaterThan(15);
  expect(distance(edgeBefore!, nothing!), 'the zone outline is drawn').toBeGreaterThan(40);

  // Keyboard only: Move down on the farmland row puts the red line's green on top where they overlap.
  const down = layers(page).getByRole('button', { name: '下移 farm' });
  await down.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => rowNames(page)).toEqual(['red-line', 'farm']);
  await expect(down).toBeFocused();
  // Yellow over green is redder than green over yellow (the fills are 18 % and 16 % opaque).
  await expect
    .poll(async () => (await mapColours(page, [OVERLAP]))[0]![0], { message: JSON.stringify(overlapBefore) })
    .toBeLessThan(overlapBefore![0] - 2);

  // Dragging a row by its handle onto another is the pointer's way to the same order.
  await layers(page)
    .locator('.layer-list > li', { hasText: 'farm' })
    .locator('.drag-handle')
    .dragTo(layers(page).locator('.layer-list > li', { hasText: 'red-line' }));
  await expect.poll(() => rowNames(page)).toEqual(['farm', 'red-line']);
  await layers(page).getByRole('button', { name: '上移 red-line' }).click();
  await expect.poll(() => rowNames(page)).toEqual(['red-line', 'farm']);

  // Opacity 0 by keyboard (Home on the slider) takes the farmland's tint away.
  const slider = layers(page).getByRole('slider', { name: '不透明度 farm' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveValue('0');
  await expect
    .poll(async () => distance((await mapColours(page, [FARM_ONLY]))[0]!, nothing!))
    .toBeLessThan(4);

  // Hiding the zone type takes the outline away; the zone is still stored and listed.
  await layers(page).getByRole('checkbox', { name: '显示 保护范围' }).uncheck();
  await expect
    .poll(async () => distance((await mapColours(page, [ZONE_EDGE]))[0]!, nothing!))
    .toBeLessThan(4);
  await expect(page.getByTestId('map')).toHaveAttribute('data-zones', '1');
  await layers(page).getByLabel('标注字段').selectOption({ label: '不标注' });

  // Settings, not edits: the last undo step is still the zone drawn before them.
  await page.waitForTimeout(400); // the panel stores a moment after the last change
  await page.reload();
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => rowNames(page)).toEqual(['red-line', 'farm']);
  await expect(layers(page).getByRole('slider', { name: '不透明度 farm' })).toHaveValue('0');
  await expect(layers(page).getByRole('checkbox', { name: '显示 保护范围' })).not.toBeChecked();
  await expect(layers(page).getByLabel('标注字段')).toHaveValue('');
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(page.getByTestId('map')).toHaveAttribute('data-zones', '0');
  await expect(layers(page).getByRole('checkbox', { name: '显示 保护范围' })).toHaveCount(0);
  expect(await rowNames(page)).toEqual(['red-line', 'farm']);

  // Removing asks first.
  await layers(page).getByRole('button', { name: '移除 red-line' }).click();
  expect(await rowNames(page)).toEqual(['red-line', 'farm']);
  await layers(page).getByRole('button', { name: '确认移除 red-line' }).click();
  await expect.poll(() => rowNames(page)).toEqual(['farm']);
});

test('a file that cannot be a background is refused with the file and the reason', async ({ page }) => {
  // The file input path (browsers without the File System Access API).
  await page.addInitScript(() => delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker);
  await openWorkbench(page);
  await layers(page).getByRole('button', { name: '添加底图' }).click();
  const chooser = page.waitForEvent('filechooser');
  await layers(page).getByRole('menuitem', { name: '来自文件…' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'site-photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) },
    { name: 'site-photo.prj', mimeType: 'text/plain', buffer: Buffer.from('GEOGCS["CGCS2000"]') },
  ]);
  await expect(page.getByRole('alert')).toContainText(
    '无法添加底图“site-photo.jpg”：“site-photo.jpg”没有坐标文件：请连同其 .jgw/.pgw（以及 .prj）一起选择',
  );
  await expect(layers(page).getByText('尚无底图或参考图层')).toBeVisible();
});

test('a background from another computer’s project file is listed as missing and can be located', async ({
  page,
}) => {
  await page.addInitScript(() => delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker);
  const bytes = await writeProjectFile(buildTekesSample(), {
    generator: 'another computer',
    backgrounds: {
      list: [
        {
          id: 'dom',
          name: 'DOM_2025',
          createdAt: '2026-11-30T08:00:00.000Z',
          source: { kind: 'geotiff', file: { name: 'DOM_2025.tif', size: 4 }, crs: { epsg: 4516 } },
        },
      ],
      layers: null,
    },
  });
  const file = join(mkdtempSync(join(tmpdir(), 'hzw-layers-')), 'site.hzw');
  writeFileSync(file, bytes);
  await openWorkbench(page);
  await openFile(page, file);
  const status = layers(page).getByRole('status', { name: /^状态 DOM_2025/ });
  await expect(status).toHaveText('缺少文件');
  await expect(layers(page).getByText('此电脑上找不到该文件，请定位文件')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await layers(page).getByRole('button', { name: '定位文件… DOM_2025' }).click();
  await (
    await chooser
  ).setFiles({ name: 'DOM_2025.tif', mimeType: 'image/tiff', buffer: Buffer.from('II*\0') });
  // Found: no longer missing (what comes next is the GeoTIFF reader's to say).
  await expect(status).not.toHaveText('缺少文件');
  await expect(layers(page).getByRole('button', { name: '定位文件… DOM_2025' })).toHaveCount(0);
});

test('every control of the layers panel is named in English when the UI is', async ({ page }) => {
  await openWorkbench(page, '/?lang=en');
  const panel = page.getByRole('region', { name: 'Layers', exact: true });
  await expect(panel.getByRole('button', { name: 'Add background' })).toBeVisible();
  await expect(panel.getByLabel('Label field')).toBeVisible();
  const controls = panel.locator('button, input, select');
  expect(await controls.count()).toBeGreaterThan(4);
  const names = await controls.evaluateAll((elements) =>
    elements.map((e) => {
      const labelled = e.id ? document.querySelector(`label[for="${e.id}"]`)?.textContent : null;
      return (
        e.getAttribute('aria-label') ?? labelled ?? e.closest('label')?.textContent ?? e.textContent ?? ''
      );
    }),
  );
  for (const name of names) {
    expect(name.trim(), JSON.stringify(names)).not.toBe('');
    expect(name, JSON.stringify(names)).not.toMatch(/[\u4e00-\u9fff]/);
  }
});

test('a file kept by handle comes back after a reload once the browser is allowed again', async ({
  page,
}) => {
  // The File System Access API over the origin-private file system: the handle is a real
  // FileSystemFileHandle (stored in IndexedDB by structured clone); the permission prompt the
  // browser would show after a reload is played by a flag.
  await page.addInitScript(() => {
    let granted = false;
    const proto = FileSystemHandle.prototype as unknown as Record<string, unknown>;
    proto.queryPermission = async () => (granted ? 'granted' : 'prompt');
    proto.requestPermission = async () => ((granted = true), 'granted');
    (window as unknown as Record<string, unknown>).showOpenFilePicker = async () => {
      const dir = await navigator.storage.getDirectory();
      const handle = await dir.getFileHandle('DOM_2025.tif', { create: true });
      const writable = await handle.createWritable();
      await writable.write('II*\0');
      await writable.close();
      granted = true;
      return [handle];
    };
  });
  const bytes = await writeProjectFile(buildTekesSample(), {
    generator: 'another computer',
    backgrounds: {
      list: [
        {
          id: 'dom',
          name: 'DOM_2025',
          createdAt: '2026-11-30T08:00:00.000Z',
          source: { kind: 'geotiff', file: { name: 'DOM_2025.tif', size: 4 }, crs: { epsg: 4516 } },
        },
      ],
      layers: null,
    },
  });
  const file = join(mkdtempSync(join(tmpdir(), 'hzw-layers-')), 'site.hzw');
  writeFileSync(file, bytes);
  await openWorkbench(page);
  await openFile(page, file);
  const status = layers(page).getByRole('status', { name: /^状态 DOM_2025/ });
  await expect(status).toHaveText('缺少文件');
  await layers(page).getByRole('button', { name: '定位文件… DOM_2025' }).click();
  await expect(status).not.toHaveText('缺少文件');
  await expect(status).not.toHaveText('需要授权');

  await page.reload();
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true');
  await expect(status).toHaveText('需要授权');
  await expect(layers(page).getByText('浏览器需要再次允许读取该文件')).toBeVisible();
  await layers(page).getByRole('button', { name: '重新授权 DOM_2025' }).click();
  await expect(status).not.toHaveText('需要授权');
  await expect(layers(page).getByRole('button', { name: '重新授权 DOM_2025' })).toHaveCount(0);
});
