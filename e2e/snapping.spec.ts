import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { clickMap, type Pixel } from './fixtures/mapInput';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

const drawn = async (page: Page) =>
  (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-'));

async function hover(page: Page, [x, y]: Pixel) {
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + x - 3, box.y + y - 3);
  await page.mouse.move(box.x + x, box.y + y, { steps: 3 });
}

async function setTolerance(page: Page, px: number) {
  await page.getByRole('button', { name: '捕捉设置' }).click();
  const popover = page.getByRole('dialog', { name: '捕捉设置' });
  await popover.getByLabel('捕捉容差（像素）').fill(String(px));
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
}

/** 7.8 px from the corner (500, 300) of the first zone, 5 px from its right edge. */
const nearCorner: Pixel = [505, 306];

test('snapping follows its tolerance, stores the existing vertex exactly, and Alt suspends it', async ({
  page,
}) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '塔');
  await drawZone(page, [
    [400, 300],
    [500, 300],
    [500, 400],
    [400, 400],
  ]);
  const [first] = await drawn(page);
  const corner = first!.geometry.coordinates[0]![1]!;
  const map = page.getByTestId('map');

  // 4 px: the corner and the edge are too far to snap to.
  await setTolerance(page, 4);
  await page.getByRole('button', { name: '绘制多边形' }).click();
  await hover(page, nearCorner);
  await expect(map).not.toHaveAttribute('data-snap', /.*/);

  // 15 px: the pointer snaps to the corner (vertex marker), and elsewhere to the edge.
  await setTolerance(page, 15);
  await hover(page, nearCorner);
  await expect(map).toHaveAttribute('data-snap', 'vertex');
  await hover(page, [450, 304]);
  await expect(map).toHaveAttribute('data-snap', 'edge');

  for (const vertex of [nearCorner, [650, 300], [650, 450], [560, 450], nearCorner] as Pixel[]) {
    await clickMap(page, vertex);
  }
  await expect.poll(async () => (await drawn(page)).length).toBe(2);
  const second = (await drawn(page)).find((z) => z.id !== first!.id)!;
  expect(second.geometry.coordinates[0]![0]).toEqual(corner);

  // Holding Alt: no snap marker, and the vertex lands where the pointer is.
  await page.keyboard.down('Alt');
  await hover(page, nearCorner);
  await expect(map).not.toHaveAttribute('data-snap', /.*/);
  await clickMap(page, nearCorner);
  await page.keyboard.up('Alt');
  await clickMap(page, [300, 200]);
  await clickMap(page, [250, 350]);
  await page.keyboard.down('Alt');
  await clickMap(page, nearCorner);
  await page.keyboard.up('Alt');
  await expect.poll(async () => (await drawn(page)).length).toBe(3);
  const third = (await drawn(page)).find((z) => z.id !== first!.id && z.id !== second.id)!;
  const free = third.geometry.coordinates[0]![0]!;
  expect(free).not.toEqual(corner);
  // East and south of the corner, as the pointer was (a few metres at this scale, not rounding).
  expect(free[0]!).toBeGreaterThan(corner[0]!);
  expect(free[1]!).toBeLessThan(corner[1]!);

  // The settings are a preference: still there after a reload.
  await page.reload();
  await expect(map).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: '捕捉设置' }).click();
  await expect(page.getByRole('dialog', { name: '捕捉设置' }).getByLabel('捕捉容差（像素）')).toHaveValue(
    '15',
  );
});
