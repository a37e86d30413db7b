import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { clickMap, dragOnMap, lonLatAt, mapBox } from './fixtures/mapInput';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

const A: [number, number][] = [
  [400, 300],
  [550, 300],
  [550, 450],
  [400, 450],
];
const B: [number, number][] = [
  [600, 300],
  [750, 300],
  [750, 450],
  [600, 450],
];

async function zonesByVertex(page: Page) {
  // The zones drawn in this test (not the sample's); A is the one whose first vertex is further west.
  const zones = (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-'));
  return zones.sort((p, q) => p.geometry.coordinates[0]![0]![0]! - q.geometry.coordinates[0]![0]![0]!);
}

test('drag a vertex onto a neighbour with snapping, undo and redo it as one step', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '城墙');
  await drawZone(page, A);
  await drawZone(page, B);
  const [a0, b0] = await zonesByVertex(page);
  const historyBefore = (await readTable(page, 'history')).length;

  await page.getByRole('button', { name: '选择' }).click();
  await clickMap(page, [475, 375]);
  await page.getByRole('button', { name: '编辑节点' }).click();
  await dragOnMap(page, [550, 300], [594, 304]);

  const [a1] = await zonesByVertex(page);
  const snappedVertex = a1!.geometry.coordinates[0]!.find(
    (p) => p[0] === b0!.geometry.coordinates[0]![0]![0],
  );
  // Snapped exactly onto B's first vertex (the one drawn at pixel 600,300), not to the release pixel.
  expect(b0!.geometry.coordinates[0]).toContainEqual(snappedVertex);
  expect(a1!.geometry).not.toEqual(a0!.geometry);
  expect((await readTable(page, 'history')).length).toBe(historyBefore + 1);

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await zonesByVertex(page))[0]!.geometry).toEqual(a0!.geometry);
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(async () => (await zonesByVertex(page))[0]!.geometry).toEqual(a1!.geometry);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect.poll(async () => (await zonesByVertex(page))[0]!.geometry).toEqual(a1!.geometry);
});

test('while a vertex is dragged undo is unavailable, and no panel renders', async ({ page }) => {
  // The app counts its panels' renders when the page asks (as the county benchmark does).
  await page.addInitScript(() => {
    (window as unknown as { __hzwRenders: Record<string, number> }).__hzwRenders = {};
  });
  await openWorkbench(page);
  await newProjectWithObject(page, '城墙');
  await drawZone(page, A);
  await page.getByRole('button', { name: '编辑节点' }).click();
  const undo = page.getByRole('button', { name: '撤销' });
  await expect(undo).toBeEnabled();
  const panelRenders = () =>
    page.evaluate(() => {
      const counts = (window as unknown as { __hzwRenders: Record<string, number> }).__hzwRenders;
      return Object.entries(counts).filter(([name]) => name !== 'StatusBar');
    });
  const before = await panelRenders();
  expect(before.length).toBeGreaterThan(0);
  await dragOnMap(page, [550, 450], [600, 480], async () => {
    await expect(undo).toBeDisabled();
    expect(await panelRenders()).toEqual(before);
  });
  await expect(undo).toBeEnabled();
});

test('while a vertex is dragged the map holds still and only the moving marks follow the pointer', async ({
  page,
}) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '城墙');
  await drawZone(page, A);
  await page.getByRole('button', { name: '编辑节点' }).click();
  const box = await mapBox(page);
  // What the map's canvases show, and where the tool's vertex marker is (its centre, map pixels).
  const mapPicture = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="map"] canvas')]
        .map((c) => (c as HTMLCanvasElement).toDataURL())
        .join('|'),
    );
  const marks = page.locator('[data-testid="map"] svg.hzw-still-marks');
  const marker = async () => {
    const b = (await marks.locator('path[transform^="translate"]').first().boundingBox())!;
    return [b.x + b.width / 2 - box.x, b.y + b.height / 2 - box.y];
  };
  await page.mouse.move(box.x + 550, box.y + 450, { steps: 4 });
  await page.waitForTimeout(100);
  await page.mouse.down();
  await page.mouse.move(box.x + 580, box.y + 470, { steps: 6 });
  await page.waitForTimeout(150);
  const held = await mapPicture();
  expect((await marker()).map(Math.round)).toEqual([580, 470]);
  // The rubber band: the two edges at the moving vertex, dashed.
  await expect(marks.locator('path[stroke-dasharray="6 4"]')).toHaveCount(1);
  await page.mouse.move(box.x + 610, box.y + 490, { steps: 6 });
  await page.waitForTimeout(150);
  expect((await marker()).map(Math.round)).toEqual([610, 490]);
  expect(await mapPicture()).toBe(held);
  await page.mouse.up();
  // Released: the marks leave, the map draws the zone with its moved vertex.
  await expect(marks).toHaveCount(0);
  await expect.poll(mapPicture).not.toBe(held);
  const [lon, lat] = await lonLatAt(page, [610, 490]);
  await expect
    .poll(async () => {
      const [zone] = await zonesByVertex(page);
      return zone!.geometry.coordinates[0]!.some(
        ([x, y]) => Math.abs(x! - lon) < 2e-6 && Math.abs(y! - lat) < 2e-6,
      );
    })
    .toBe(true);
});

test('zooming during a vertex drag lets the map draw again at once', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '城墙');
  await drawZone(page, A);
  await page.getByRole('button', { name: '编辑节点' }).click();
  const box = await mapBox(page);
  const marks = page.locator('[data-testid="map"] svg.hzw-still-marks');
  await page.mouse.move(box.x + 550, box.y + 450, { steps: 4 });
  await page.waitForTimeout(100);
  await page.mouse.down();
  await page.mouse.move(box.x + 580, box.y + 470, { steps: 6 });
  await expect(marks).toHaveCount(1);
  await page.mouse.wheel(0, -300);
  // The view changed: the map is no longer held (it would show the old view), the drag goes on.
  await expect(marks).toHaveCount(0);
  await page.mouse.move(box.x + 600, box.y + 480, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await zonesByVertex(page))[0]!.geometry.coordinates[0]!.length).toBe(5);
});

test('Escape during a vertex drag cancels it and writes nothing', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '城墙');
  await drawZone(page, A);
  const before = await readTable(page, 'zones');
  const history = (await readTable(page, 'history')).length;
  await page.getByRole('button', { name: '编辑节点' }).click();
  await dragOnMap(page, [550, 450], [640, 520], () => page.keyboard.press('Escape'));
  await page.waitForTimeout(300);
  expect(await readTable(page, 'zones')).toEqual(before);
  expect((await readTable(page, 'history')).length).toBe(history);
});

test('delete a zone with the Delete key and bring it back with undo', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '城墙');
  await drawZone(page, A);
  await drawZone(page, B);
  const before = await readTable<StoredZone>(page, 'zones');
  await page.getByRole('button', { name: '选择' }).click();
  await clickMap(page, [675, 375]);
  await expect(page.getByRole('region', { name: '区划属性' })).toBeVisible();
  await page.getByTestId('map').focus();
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await readTable(page, 'zones')).length).toBe(before.length - 1);
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect.poll(async () => readTable(page, 'zones')).toEqual(expect.arrayContaining(before));
  expect((await readTable(page, 'zones')).length).toBe(before.length);
});
