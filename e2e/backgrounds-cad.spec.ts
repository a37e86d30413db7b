import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import {
  BUILDING,
  largeSheetDxf,
  SHEET_LAYERS,
  surveySheetDxf,
  WALL,
} from '../shared/formats/dxf/fixtures/surveySheet';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { clickMap, type Pixel } from './fixtures/mapInput';
import { mapColours, referenceTilesDrawn } from './fixtures/mapPixels';
import { newProjectWithObject } from './fixtures/workflow';

/**
 * A CAD survey sheet in GK zone 28 (prefixed eastings, GBK text, a nested block, a bulged
 * polyline, a hatch) as a background: its layers are drawn in their CAD colours where the sheet
 * says, a CAD layer switched off disappears, and a protection range drawn by tracing along the
 * wall line lies on that line within 1 mm, with the wall's own vertices.
 */
type Rgb = [number, number, number];
type PlanMapHandle = {
  pixelOf(p: number[]): [number, number] | null;
  zoomToPoint(p: number[]): void;
  zoomBy(d: number): void;
};

/** GK zone 28 (EPSG:4516) → lon/lat CGCS2000, by PROJ. */
function toLonLat(points: [number, number][]): [number, number][] {
  const out = execFileSync('cs2cs', ['-f', '%.12f', 'EPSG:4516', 'EPSG:4490'], {
    input: points.map(([e, n]) => `${n} ${e}`).join('\n'),
    encoding: 'utf8',
  });
  return out
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/).map(Number))
    .map(([lat, lon]) => [lon!, lat!]);
}

/** Lon/lat CGCS2000 → GK zone 28 (EPSG:4516) easting, northing, by PROJ. */
function toGk(points: number[][]): [number, number][] {
  const out = execFileSync('cs2cs', ['-f', '%.6f', 'EPSG:4490', 'EPSG:4516'], {
    input: points.map(([lon, lat]) => `${lat} ${lon}`).join('\n'),
    encoding: 'utf8',
  });
  return out
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/).map(Number))
    .map(([n, e]) => [e!, n!]);
}

function toSegment(p: number[], a: number[], b: number[]): number {
  const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
  const t = Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0]! - a[0]! - t * dx, p[1]! - a[1]! - t * dy);
}
const toWall = (p: number[]) => Math.min(...WALL.slice(1).map((b, i) => toSegment(p, WALL[i]!, b)));

const pixelsOf = (page: Page, lonLat: [number, number][]) =>
  page.evaluate(
    (points) =>
      points.map((p) =>
        (window as unknown as { __hzwBench: { map: PlanMapHandle } }).__hzwBench.map.pixelOf(p)!,
      ),
    lonLat,
  );

/**
 * Whether some pixel within 3 px of `at` has this pure colour's hue: its full channels stand 60
 * above its empty ones (lines are 1 px and anti-aliased, so never the exact colour).
 */
async function colourNear(page: Page, at: Pixel, rgb: Rgb): Promise<boolean> {
  const around: Pixel[] = [];
  for (let dx = -3; dx <= 3; dx++) for (let dy = -3; dy <= 3; dy++) around.push([at[0] + dx, at[1] + dy]);
  const seen = await mapColours(page, around);
  return seen.some((c) => {
    const full = c.filter((_, i) => rgb[i] === 255);
    const empty = c.filter((_, i) => rgb[i] === 0);
    return Math.min(...full) - Math.max(...empty) > 60;
  });
}

const mid = (a: Pixel, b: Pixel): Pixel => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

const layers = (page: Page) => page.getByRole('region', { name: '图层', exact: true });

async function closeNotices(page: Page) {
  const close = page.getByRole('button', { name: '关闭提示' });
  while ((await close.count()) > 0) await close.first().click();
}

/** Wait until the sheet's row says ready and the tile worker has drawn the view. */
async function sheetShown(page: Page) {
  await expect(layers(page).getByRole('status', { name: '状态 survey: 正常' })).toBeVisible({
    timeout: 30_000,
  });
  await page.waitForTimeout(300);
  await referenceTilesDrawn(page);
}

test('a CAD survey sheet is drawn in its colours, a CAD layer can be hidden, and a zone traced along its wall lies on it', async ({
  page,
}) => {
  test.setTimeout(180_000); // a loaded 2-core machine: the sheet is read and drawn three times
  await page.addInitScript(() => ((window as unknown as { __hzwBench: object }).__hzwBench = {}));
  await page.setViewportSize({ width: 1280, height: 860 });
  // The file input path (no File System Access API): the DXF is copied into IndexedDB.
  await page.addInitScript(() => delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker);
  await openWorkbench(page);
  await newProjectWithObject(page, '文庙');
  await layers(page).getByRole('button', { name: '添加底图' }).click();
  const chooser = page.waitForEvent('filechooser');
  await layers(page).getByRole('menuitem', { name: '来自文件…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'survey.dxf', mimeType: 'image/vnd.dxf', buffer: Buffer.from(surveySheetDxf()) });
  // Zone 28 is told by the eastings' prefix: no question about the coordinate system.
  await sheetShown(page);
  await closeNotices(page); // the notice bar would move the map between measuring and clicking
  await layers(page).getByRole('button', { name: '缩放至图层 survey' }).click();
  await page.getByRole('button', { name: '放大' }).click();
  await page.waitForTimeout(600);
  await referenceTilesDrawn(page);

  const wall = await pixelsOf(page, toLonLat(WALL));
  const building = await pixelsOf(page, toLonLat(BUILDING));
  // About 0.2 m a pixel: the 60 m wall spans hundreds of pixels.
  expect(Math.hypot(wall[1]![0] - wall[0]![0], wall[1]![1] - wall[0]![1])).toBeGreaterThan(200);
  const red: Rgb = [255, 0, 0];
  const magenta: Rgb = [255, 0, 255];
  expect(await colourNear(page, mid(wall[0]!, wall[1]!), red)).toBe(true);
  expect(await colourNear(page, mid(wall[2]!, wall[3]!), red)).toBe(true);
  expect(await colourNear(page, mid(building[0]!, building[1]!), magenta)).toBe(true);
  // Not red where the sheet has nothing (inside the courtyard, away from every line).
  expect(await colourNear(page, mid(wall[0]!, building[2]!), red)).toBe(false);

  // The wall's CAD layer switched off in the panel: its red is gone, the building stays.
  await layers(page).getByText('CAD 图层（6）').click();
  const wallLayer = layers(page).getByRole('checkbox', { name: `显示 CAD 图层 ${SHEET_LAYERS.wall[0]}` });
  await wallLayer.click(); // stored first, then shown: not Playwright's uncheck, which wants it at once
  await expect(wallLayer).not.toBeChecked();
  await sheetShown(page);
  await expect.poll(() => colourNear(page, mid(wall[0]!, wall[1]!), red)).toBe(false);
  expect(await colourNear(page, mid(building[0]!, building[1]!), magenta)).toBe(true);
  await wallLayer.click();
  await expect(wallLayer).toBeChecked();
  await sheetShown(page);
  await expect.poll(() => colourNear(page, mid(wall[0]!, wall[1]!), red)).toBe(true);

  await closeNotices(page);
  expect(await pixelsOf(page, toLonLat(WALL))).toEqual(wall);
  // Trace: polygon tool, T, click the wall's first corner, follow the wall, click its last corner, close.
  await page.getByRole('button', { name: '绘制多边形' }).click();
  await page.keyboard.press('t');
  await expect(page.getByRole('checkbox', { name: '沿线追踪' })).toBeChecked();
  await clickMap(page, wall[0]!);
  const box = (await page.getByTestId('map').boundingBox())!;
  for (let k = 1; k < wall.length; k++) {
    const [a, b] = [wall[k - 1]!, wall[k]!];
    for (let s = 1; s <= 12; s++) {
      const t = s / 12;
      await page.mouse.move(box.x + a[0] + (b[0] - a[0]) * t, box.y + a[1] + (b[1] - a[1]) * t);
    }
  }
  await clickMap(page, wall[wall.length - 1]!);
  await clickMap(page, wall[0]!);
  await expect(page.getByRole('region', { name: '区划属性' })).toBeVisible();

  const zones = (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-'));
  expect(zones).toHaveLength(1);
  const ring = zones[0]!.geometry.coordinates[0] as number[][];
  const gk = toGk(ring);
  // The wall's five corners and the closing vertex, no repeats.
  expect(ring).toHaveLength(WALL.length + 1);
  // Every vertex on the wall line within 1 mm, GK metres.
  for (const p of gk) expect(toWall(p)).toBeLessThan(0.001);
  // Tracing, not two snaps: each of the wall's corners is a vertex of the zone.
  for (const corner of WALL)
    expect(Math.min(...gk.map((p) => Math.hypot(p[0] - corner[0], p[1] - corner[1])))).toBeLessThan(0.001);
});

test('a hostile drawing is refused with the file and the reason, and the map goes on', async ({ page }) => {
  await page.addInitScript(() => delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker);
  await openWorkbench(page);
  await newProjectWithObject(page, '文庙');
  // 700 circles of radius 1 000 km: their chords would pass the 2 000 000-vertex budget per file.
  const circles = Array.from(
    { length: 700 },
    (_, i) => `0\r\nCIRCLE\r\n8\r\n0\r\n10\r\n${28_556_000 + i}\r\n20\r\n4925000\r\n40\r\n1000000000\r\n`,
  ).join('');
  const text = `0\r\nSECTION\r\n2\r\nENTITIES\r\n${circles}0\r\nENDSEC\r\n0\r\nEOF\r\n`;
  await layers(page).getByRole('button', { name: '添加底图' }).click();
  const chooser = page.waitForEvent('filechooser');
  await layers(page).getByRole('menuitem', { name: '来自文件…' }).click();
  await (await chooser).setFiles({ name: 'bomb.dxf', mimeType: 'image/vnd.dxf', buffer: Buffer.from(text) });
  await expect(page.getByRole('alert')).toContainText('无法添加底图“bomb.dxf”');
  await expect(page.getByRole('alert')).toContainText('2,000,000 个顶点的上限');
  await expect(layers(page).getByText('尚无底图或参考图层')).toBeVisible();
  await expect(page.getByRole('button', { name: '绘制多边形' })).toBeEnabled();
});

test('reading a large sheet shows progress and can be cancelled, leaving nothing added', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker);
  await openWorkbench(page);
  await newProjectWithObject(page, '文庙');
  await layers(page).getByRole('button', { name: '添加底图' }).click();
  const chooser = page.waitForEvent('filechooser');
  await layers(page).getByRole('menuitem', { name: '来自文件…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'town.dxf', mimeType: 'image/vnd.dxf', buffer: Buffer.from(largeSheetDxf(200_000)) });
  // Progress reported every 10 000 entities while they are drawn (past the 15 % of decoding).
  const progress = page.getByRole('progressbar', { name: '读取底图' });
  await expect
    .poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 })
    .toBeGreaterThan(0.15);
  await page.getByRole('button', { name: '取消任务' }).click();
  await expect(page.getByText('已取消，未做任何更改')).toBeVisible();
  await expect(layers(page).getByText('尚无底图或参考图层')).toBeVisible();
});
