import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { clickMap, dragOnMap, type Pixel } from './fixtures/mapInput';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

const SQUARE: Pixel[] = [
  [400, 300],
  [600, 300],
  [600, 500],
  [400, 500],
];

/** Zones drawn in the test (the sample project's zones have ids starting with `sample-`). */
async function myZones(page: Page): Promise<StoredZone[]> {
  return (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-'));
}

/**
 * Area in m² of a small lon/lat polygon, shell minus holes, on a local equirectangular plane:
 * enough to compare zones a few hundred metres across with each other (errors cancel in ratios).
 */
function areaOf(zone: StoredZone): number {
  const rings = zone.geometry.coordinates as unknown as [number, number][][];
  const lat0 = (rings[0]![0]![1] * Math.PI) / 180;
  const m = (6_371_008.8 * Math.PI) / 180;
  const ring = (r: [number, number][]) => {
    let twice = 0;
    for (let i = 0; i + 1 < r.length; i++) {
      twice += r[i]![0] * r[i + 1]![1] - r[i + 1]![0] * r[i]![1];
    }
    return Math.abs(twice / 2) * m * m * Math.cos(lat0);
  };
  return ring(rings[0]!) - rings.slice(1).reduce((sum, h) => sum + ring(h), 0);
}

/** Click the vertices of a line, then the last one again to finish it. */
async function drawLine(page: Page, vertices: Pixel[]): Promise<void> {
  for (const vertex of vertices) await clickMap(page, vertex);
  await clickMap(page, vertices.at(-1)!);
}

async function squareZone(page: Page): Promise<StoredZone> {
  await openWorkbench(page);
  await newProjectWithObject(page, '古塔');
  await drawZone(page, SQUARE);
  await expect.poll(async () => (await myZones(page)).length).toBe(1);
  return (await myZones(page))[0]!;
}

test('split a zone by drawing a line across it, areas add up, Escape writes nothing, undo', async ({
  page,
}) => {
  const original = await squareZone(page);
  const split = page.getByRole('button', { name: '分割', exact: true });
  await expect(split).toBeEnabled();
  await split.click();
  await expect(split).toHaveAttribute('aria-pressed', 'true');

  // Escape abandons a line half drawn: nothing is written.
  await clickMap(page, [350, 420]);
  await clickMap(page, [500, 410]);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  expect(await myZones(page)).toEqual([original]);

  // A line that ends inside the zone does not split it: refused with the reason, nothing written.
  await drawLine(page, [
    [350, 420],
    [500, 410],
  ]);
  await expect(page.getByRole('alert')).toContainText('分割线须完整穿过区划');
  expect(await myZones(page)).toEqual([original]);

  // A line from outside to outside, with a bend inside the zone.
  await drawLine(page, [
    [350, 420],
    [500, 380],
    [650, 430],
  ]);
  await expect.poll(async () => (await myZones(page)).length).toBe(2);
  const parts = await myZones(page);
  const total = parts.reduce((sum, z) => sum + areaOf(z), 0);
  expect(Math.abs(total / areaOf(original) - 1)).toBeLessThan(0.001);
  // The largest part keeps the zone's id and attributes; the other is a new zone like it.
  const kept = parts.find((z) => z.id === original.id)!;
  const other = parts.find((z) => z.id !== original.id)!;
  expect(areaOf(kept)).toBeGreaterThan(areaOf(other));
  expect(other.attributes.zoneType).toBe(original.attributes.zoneType);

  await page.getByTestId('map').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => myZones(page)).toEqual([original]);
});

test('reshape a zone with a line that leaves and re-enters it, then undo', async ({ page }) => {
  const original = await squareZone(page);
  await page.getByRole('button', { name: '修形', exact: true }).click();
  // In through the top edge and back: the 100 × 60 px bump above the square is added.
  // This time Enter finishes the line; Backspace first drops a stray vertex.
  for (const vertex of [
    [450, 330],
    [450, 240],
    [550, 240],
    [550, 330],
    [700, 330],
  ] as Pixel[])
    await clickMap(page, vertex);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await myZones(page))[0]!.geometry).not.toEqual(original.geometry);
  const [reshaped] = await myZones(page);
  expect(reshaped!.id).toBe(original.id);
  // 200 × 200 px plus 100 × 60 px: 1.15 times the area (the map is conformal at this scale).
  expect(areaOf(reshaped!) / areaOf(original)).toBeGreaterThan(1.14);
  expect(areaOf(reshaped!) / areaOf(original)).toBeLessThan(1.16);

  await page.getByTestId('map').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await myZones(page))[0]!.geometry).toEqual(original.geometry);
});

interface DerivedZone extends StoredZone {
  attributes: StoredZone['attributes'] & { derivation: { sourceZoneId: string; sourceHash: string } | null };
}

test('with auto-regenerate on, moving the source range regenerates its derived zone by itself', async ({
  page,
}) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: '项目设置' }).click();
  const settings = page.getByRole('dialog', { name: '项目设置' });
  // The box shows the stored value, so it turns checked once the commit is back: click, then wait.
  const auto = settings.getByLabel('源区划修改后自动重新生成派生区划');
  await auto.click();
  await expect(auto).toBeChecked();
  // Stored on the open project (the first start also holds a second sample project).
  await expect
    .poll(async () => {
      const projects = await readTable<{ settings: { autoRegenerateDerived: boolean } }>(page, 'projects');
      return projects.filter((p) => p.settings.autoRegenerateDerived).length;
    })
    .toBe(1);
  await settings.getByRole('button', { name: '关闭' }).click();

  const tree = page.getByRole('tree', { name: '保护对象' });
  const range = tree.getByRole('treeitem', { name: '巴音沟承化寺 保护范围' }).locator('.tree-row');
  await range.click();
  await range.dblclick();
  await page.getByRole('button', { name: '派生区划' }).first().click();
  const dialog = page.getByRole('dialog', { name: '派生区划' });
  await dialog.getByLabel('派生方法').selectOption({ label: '整体外扩' });
  await dialog.getByLabel('外扩距离（米）').fill('30');
  await dialog.getByRole('button', { name: '生成' }).click();
  await expect(dialog).toBeHidden();
  const derived = async () =>
    (await readTable<DerivedZone>(page, 'zones')).find((z) => z.attributes.derivation !== null)!;
  await expect.poll(async () => (await derived()) !== undefined).toBe(true);
  const before = await derived();
  const sourceId = before.attributes.derivation!.sourceZoneId;

  await range.click();
  await page.getByRole('button', { name: '移动' }).click();
  const box = (await page.getByTestId('map').boundingBox())!;
  await dragOnMap(page, [box.width / 2, box.height / 2], [box.width / 2 + 40, box.height / 2 + 25]);

  // Regenerated without pressing anything: new geometry, new source hash, no stale mark.
  await expect.poll(async () => (await derived()).geometry).not.toEqual(before.geometry);
  const after = await derived();
  expect(after.attributes.derivation!.sourceHash).not.toBe(before.attributes.derivation!.sourceHash);
  const row = tree.locator(`[data-zone-id="${before.id}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByText('源区划已修改')).toBeHidden();

  // One gesture, one undo step: the regeneration joined the move, so one undo takes both back.
  const source = async () => (await readTable<StoredZone>(page, 'zones')).find((z) => z.id === sourceId)!;
  const moved = (await source()).geometry;
  await page.getByTestId('map').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await source()).geometry).not.toEqual(moved);
  await expect.poll(async () => (await derived()).geometry).toEqual(before.geometry);
  // Redo brings both back: the derived zone is current again, not stale.
  await page.keyboard.press('Control+y');
  await expect.poll(async () => (await source()).geometry).toEqual(moved);
  await expect.poll(async () => (await derived()).geometry).toEqual(after.geometry);
  await expect(row.getByText('源区划已修改')).toBeHidden();
});
