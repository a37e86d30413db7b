import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { dragOnMap } from './fixtures/mapInput';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

const drawn = async (page: Page) =>
  (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-'));

test('a vertex drag released after another tab moved the zone is refused; undo leaves that move', async ({
  page,
  context,
}) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '并发编辑');
  await drawZone(page, [
    [450, 300],
    [600, 300],
    [600, 420],
    [450, 420],
  ]);
  const [original] = await drawn(page);

  // Tab B opens the same project (fitted to the zone, so the zone is at its map's centre).
  const other = await context.newPage();
  await openWorkbench(other);
  const row = other.getByRole('treeitem', { name: '并发编辑 保护范围' });
  await expect(row).toBeVisible();

  // Tab A presses on a vertex and drags it, without letting go.
  await page.getByRole('button', { name: '编辑节点' }).click();
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + 600, box.y + 300, { steps: 4 });
  await page.waitForTimeout(100);
  await page.mouse.down();
  await page.mouse.move(box.x + 660, box.y + 260, { steps: 12 });

  // Meanwhile tab B moves the whole zone with the move tool.
  await row.locator('.tree-row').click();
  await other.getByRole('button', { name: '移动' }).click();
  const size = (await other.getByTestId('map').boundingBox())!;
  const centre: [number, number] = [size.width / 2, size.height / 2];
  await dragOnMap(other, centre, [centre[0] + 80, centre[1] + 50]);
  await expect.poll(async () => (await drawn(other))[0]!.geometry).not.toEqual(original!.geometry);
  const moved = (await drawn(other))[0]!;

  // A lets go: its drag is refused with a notice, and B's move stays in IndexedDB.
  await page.mouse.move(box.x + 670, box.y + 255, { steps: 2 });
  await page.mouse.up();
  await expect(page.getByRole('alert')).toContainText('此区划已在另一窗口中修改');
  expect(await drawn(page)).toEqual([moved]);

  // Ctrl+Z in A undoes A's own step (drawing the zone) only if nobody changed the zone since:
  // here B did, so the undo is refused with the reason, and B's move is still there.
  await page.getByRole('button', { name: '关闭提示' }).click();
  await page.getByTestId('map').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('alert')).toContainText('无法撤销或重做：另一窗口已修改');
  await page.waitForTimeout(300);
  expect(await drawn(page)).toEqual([moved]);

  // B's own undo takes back its move.
  await other.getByTestId('map').focus();
  await other.keyboard.press('Control+z');
  await expect.poll(async () => (await drawn(other))[0]!.geometry).toEqual(original!.geometry);
});

test('each tab undoes its own steps; a tab opened after one closed takes over its undo history', async ({
  page,
  context,
}) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '撤销归属');
  await drawZone(page, [
    [450, 300],
    [600, 300],
    [600, 420],
    [450, 420],
  ]);
  await expect(page.getByRole('button', { name: '撤销', exact: true })).toBeEnabled();

  // A second tab made no step of its own: nothing to undo there while the first tab is open.
  const second = await context.newPage();
  await openWorkbench(second);
  await expect(second.getByRole('treeitem', { name: '撤销归属 保护范围' })).toBeVisible();
  await expect(second.getByRole('button', { name: '撤销', exact: true })).toBeDisabled();

  // The first tab closes; the next tab opened continues its history and can undo the drawing.
  await page.close();
  const third = await context.newPage();
  await openWorkbench(third);
  await expect(third.getByRole('button', { name: '撤销', exact: true })).toBeEnabled();
  await third.getByRole('button', { name: '撤销', exact: true }).click();
  await expect.poll(async () => (await drawn(third)).length).toBe(0);
  await expect(second.getByRole('button', { name: '撤销', exact: true })).toBeDisabled();
});
