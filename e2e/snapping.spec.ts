import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { clickMap, lonLatAt, type Pixel } from './fixtures/mapInput';
import { drawZone, newProjectWithObject } from './fixtures/workflow';
import { referenceTilesDrawn } from './fixtures/mapPixels';

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

test('intersections of two objects’ zones are snap targets on request; other objects’ zones can be left out', async ({
  page,
}) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '甲');
  await drawZone(page, [
    [400, 300],
    [500, 300],
    [500, 400],
    [400, 400],
  ]);
  await newProjectObject(page, '乙');
  await drawZone(page, [
    [450, 350],
    [550, 350],
    [550, 450],
    [450, 450],
  ]);
  const map = page.getByTestId('map');
  const settings = async (change: (popover: ReturnType<Page['getByRole']>) => Promise<void>) => {
    await page.getByRole('button', { name: '捕捉设置' }).click();
    const popover = page.getByRole('dialog', { name: '捕捉设置' });
    await change(popover);
    await page.keyboard.press('Escape');
  };
  await page.getByRole('button', { name: '绘制多边形' }).click();

  // The edges of the two squares cross at (500, 350): an edge snap until intersections are on.
  await hover(page, [497, 353]);
  await expect(map).toHaveAttribute('data-snap', 'edge');
  await settings((p) => p.getByLabel('边线交点').check());
  await hover(page, [497, 352]);
  await expect(map).toHaveAttribute('data-snap', 'intersection');

  // Drawing for 乙 with other objects' zones off: 甲's corner no longer attracts, 乙's own does.
  await hover(page, [404, 304]);
  await expect(map).toHaveAttribute('data-snap', 'vertex');
  await settings((p) => p.getByLabel('其他保护对象的区划').uncheck());
  await hover(page, [404, 305]);
  await expect(map).not.toHaveAttribute('data-snap', /.*/);
  await hover(page, [554, 454]);
  await expect(map).toHaveAttribute('data-snap', 'vertex');
});

async function newProjectObject(page: Page, name: string) {
  await page.getByRole('button', { name: '新建保护对象' }).click();
  const dialog = page.getByRole('dialog', { name: '新建保护对象' });
  await dialog.getByLabel('名称').fill(name);
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('treeitem', { name, exact: true })).toBeVisible();
}

test('reference layers are a snap target that can be switched off', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '烽燧');
  const [a, b] = [await lonLatAt(page, [500, 300]), await lonLatAt(page, [640, 420])];
  const square = [a, [b[0], a[1]], b, [a[0], b[1]], a];
  const references = page.getByRole('region', { name: '参考图层（三条控制线）' });
  const chooser = page.waitForEvent('filechooser');
  await references.getByRole('button', { name: '添加参考图层…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'red-line.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square] } }],
      }),
    ),
  });
  // Listed in the layers panel, which holds the reference layers' rows.
  const layers = page.getByRole('region', { name: '图层', exact: true });
  await expect(layers.getByRole('checkbox', { name: '显示 red-line' })).toBeVisible();
  await page.getByRole('button', { name: '关闭提示' }).click();
  await expect(page.getByRole('button', { name: '关闭提示' })).toHaveCount(0);
  await referenceTilesDrawn(page);

  const map = page.getByTestId('map');
  await page.getByRole('button', { name: '绘制多边形' }).click();
  await hover(page, [506, 306]);
  await expect(map).toHaveAttribute('data-snap', 'vertex');
  await page.getByRole('button', { name: '捕捉设置' }).click();
  await page.getByRole('dialog', { name: '捕捉设置' }).getByLabel('参考图层').uncheck();
  await page.keyboard.press('Escape');
  await hover(page, [506, 307]);
  await expect(map).not.toHaveAttribute('data-snap', /.*/);
});
