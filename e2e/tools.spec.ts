import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { clickMap, dragOnMap, drawPolygon } from './fixtures/mapInput';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

const drawn = async (page: Page) =>
  (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-'));

test('circle with a typed radius, rectangle by two corners, and a hole cut into it', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '塔');

  await page.getByRole('spinbutton', { name: '圆半径（米）' }).fill('50');
  await page.getByRole('button', { name: '绘制圆' }).click();
  await clickMap(page, [300, 300]);
  const panel = page.getByRole('region', { name: '区划属性' });
  await expect(panel).toBeVisible();
  const circleArea = Number(await panel.getByTestId('area-ellipsoidal-m2').getAttribute('data-value'));
  // Densified to ≤ 5 cm sagitta: the polygon's area is πr² less a sliver.
  expect(Math.abs(circleArea - Math.PI * 50 * 50) / (Math.PI * 50 * 50)).toBeLessThan(0.002);

  await page.getByRole('button', { name: '绘制矩形' }).click();
  await clickMap(page, [500, 250]);
  await clickMap(page, [750, 450]);
  await expect.poll(async () => (await drawn(page)).length).toBe(2);
  const rectangle = (await drawn(page)).find((z) => z.geometry.coordinates[0]!.length === 5)!;
  const before = Number(await panel.getByTestId('area-ellipsoidal-m2').getAttribute('data-value'));

  await page.getByRole('button', { name: '绘制内环（挖洞）' }).click();
  await drawPolygon(page, [
    [580, 310],
    [660, 310],
    [660, 390],
    [580, 390],
  ]);
  await expect
    .poll(async () => (await drawn(page)).find((z) => z.id === rectangle.id)!.geometry.coordinates.length)
    .toBe(2);
  const after = Number(await panel.getByTestId('area-ellipsoidal-m2').getAttribute('data-value'));
  expect(after).toBeLessThan(before);
  expect(after / before).toBeGreaterThan(0.8);
});

test('move the selected zone by dragging it; one undo step puts it back', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '门楼');
  await drawZone(page, [
    [400, 300],
    [500, 300],
    [500, 400],
    [400, 400],
  ]);
  const [original] = await drawn(page);
  await page.getByRole('button', { name: '移动' }).click();
  await dragOnMap(page, [450, 350], [550, 380]);
  await expect.poll(async () => (await drawn(page))[0]!.geometry).not.toEqual(original!.geometry);
  const moved = (await drawn(page))[0]!;
  const dx = moved.geometry.coordinates[0]![0]![0]! - original!.geometry.coordinates[0]![0]![0]!;
  const dy = moved.geometry.coordinates[0]![0]![1]! - original!.geometry.coordinates[0]![0]![1]!;
  expect(dx).toBeGreaterThan(0);
  expect(dy).toBeLessThan(0);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await drawn(page))[0]!.geometry).toEqual(original!.geometry);
});

test('box selection with Ctrl+drag selects every zone it touches; measure shows a distance', async ({
  page,
}) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '遗址');
  await drawZone(page, [
    [300, 300],
    [360, 300],
    [360, 360],
    [300, 360],
  ]);
  await drawZone(page, [
    [420, 300],
    [480, 300],
    [480, 360],
    [420, 360],
  ]);
  await page.getByRole('button', { name: '选择' }).click();
  await page.keyboard.down('Control');
  await dragOnMap(page, [280, 280], [500, 380]);
  await page.keyboard.up('Control');
  await expect(page.locator('[role="treeitem"][data-zone-id][aria-selected="true"]')).toHaveCount(2);

  await page.getByRole('button', { name: '量距离' }).click();
  await clickMap(page, [300, 500]);
  await clickMap(page, [600, 500]);
  await clickMap(page, [600, 500]);
  await expect(page.locator('.hzw-measure-tooltip')).toHaveText(/^[\d ]+\.\d\d 米$|千米$/);
  expect((await drawn(page)).length).toBe(2);
});
