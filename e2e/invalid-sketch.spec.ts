import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { dragOnMap, drawPolygon, type Pixel } from './fixtures/mapInput';
import { mapColours } from './fixtures/mapPixels';
import { newProjectWithObject } from './fixtures/workflow';

/** A bow-tie: its first and third edges cross at (600, 375). */
const bowTie: Pixel[] = [
  [500, 300],
  [700, 450],
  [700, 300],
  [500, 450],
];
/** 11 px above the crossing: on the ring around its mark, far from every edge of the bow-tie. */
const aboveCrossing: Pixel = [600, 364];

const isRed = ([r, g, b]: [number, number, number]) => r > 150 && g < 110 && b < 110;

type P = [number, number];
const orient = (a: P, b: P, c: P) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
const cross = (a: P, b: P, c: P, d: P) =>
  orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
/** A closed four-corner ring is simple when neither pair of opposite edges crosses. */
function quadIsSimple(ring: P[]): boolean {
  const [a, b, c, d] = ring as [P, P, P, P];
  return !cross(a, b, c, d) && !cross(b, c, d, a);
}

const stored = async (page: Page) =>
  (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-'));

test('a bow-tie stays as a sketch marked where it crosses, is fixed by a vertex drag, then saved', async ({
  page,
}) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '测试对象');
  expect(isRed((await mapColours(page, [aboveCrossing]))[0]!)).toBe(false);

  await page.getByRole('button', { name: '绘制多边形' }).click();
  await drawPolygon(page, bowTie);
  await expect(page.getByRole('alert')).toContainText('边界无效');
  await expect(page.getByRole('alert')).toContainText('自相交');
  // The notice above the map pushes it down; closing it puts the map back where it was drawn on.
  await page.getByRole('button', { name: '关闭提示' }).click();
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-sketch-problems', /^[1-9]/);
  await expect.poll(async () => isRed((await mapColours(page, [aboveCrossing]))[0]!)).toBe(true);
  const bar = page.getByRole('region', { name: '未保存的草图' });
  await expect(bar.getByRole('button', { name: '保存草图' })).toBeDisabled();
  expect(await stored(page)).toEqual([]);

  // Drag the second corner up above the first edge: the outline no longer crosses itself.
  await dragOnMap(page, [700, 450], [650, 250]);
  await expect(map).toHaveAttribute('data-sketch-problems', '0');
  await expect.poll(async () => isRed((await mapColours(page, [aboveCrossing]))[0]!)).toBe(false);
  expect(await stored(page)).toEqual([]);
  await bar.getByRole('button', { name: '保存草图' }).click();
  await expect(bar).toBeHidden();
  await expect(page.getByRole('region', { name: '区划属性' })).toBeVisible();
  await expect.poll(async () => (await stored(page)).length).toBe(1);

  await page.reload();
  await expect(map).toHaveAttribute('data-ready', 'true');
  const [zone] = await stored(page);
  const ring = zone!.geometry.coordinates[0] as P[];
  expect(ring).toHaveLength(5);
  expect(ring[4]).toEqual(ring[0]);
  expect(quadIsSimple(ring.slice(0, 4))).toBe(true);
  // The dragged corner moved north (up on the map), the others stayed where they were clicked.
  expect(ring[1]![1]).toBeGreaterThan(ring[0]![1]);
});

test('a sketch waits while another tool is used; Esc discards it and nothing is stored', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '测试对象');
  await page.getByRole('button', { name: '绘制多边形' }).click();
  await drawPolygon(page, bowTie);
  const bar = page.getByRole('region', { name: '未保存的草图' });
  await expect(bar).toBeVisible();
  // Another tool leaves the sketch waiting off the map; the bar brings it back.
  await page.getByRole('button', { name: '选择', exact: true }).click();
  await expect(page.getByTestId('map')).not.toHaveAttribute('data-sketch-problems', /.*/);
  await bar.getByRole('button', { name: '显示并编辑草图' }).click();
  await expect(page.getByTestId('map')).toHaveAttribute('data-sketch-problems', /^[1-9]/);
  await page.getByTestId('map').focus();
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await expect(page.getByTestId('map')).not.toHaveAttribute('data-sketch-problems', /.*/);
  expect(await stored(page)).toEqual([]);
});
