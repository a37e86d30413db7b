import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { dragOnMap } from './fixtures/mapInput';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

interface DerivedZone extends StoredZone {
  attributes: StoredZone['attributes'] & {
    status: string;
    zoneType: string;
    derivation: { method: string; sourceZoneId: string; params: { distanceM: number }; draft: string } | null;
  };
}

const RANGE = '巴音沟承化寺 保护范围';

async function derivedZones(page: Page) {
  return (await readTable<DerivedZone>(page, 'zones')).filter((z) => z.attributes.derivation !== null);
}

async function mapCentre(page: Page): Promise<[number, number]> {
  const box = (await page.getByTestId('map').boundingBox())!;
  return [box.width / 2, box.height / 2];
}

test('derive a 30 m control zone from the sample range, see it go stale, regenerate, undo', async ({
  page,
}) => {
  await openWorkbench(page);
  const tree = page.getByRole('tree', { name: '保护对象' });
  const range = tree.getByRole('treeitem', { name: RANGE }).locator('.tree-row');
  await range.click();
  await range.dblclick(); // zoom to it, so the move below starts on the range

  await page.getByRole('button', { name: '派生区划' }).first().click();
  const dialog = page.getByRole('dialog', { name: '派生区划' });
  await dialog.getByLabel('派生方法').selectOption({ label: '整体外扩' });
  await dialog.getByLabel('外扩距离（米）').fill('30');
  await dialog.getByLabel('四至原文').fill('保护范围外扩30米');
  await expect(dialog.getByLabel('生成的四至草稿')).toContainText('以保护范围外轮廓为基线，向外扩30米');
  await dialog.getByRole('button', { name: '生成' }).click();
  await expect(dialog).toBeHidden();

  await expect.poll(async () => (await derivedZones(page)).length).toBe(1);
  const [ccz] = await derivedZones(page);
  expect(ccz!.attributes.status).toBe('provisional_derived');
  expect(ccz!.attributes.zoneType).toBe('construction_control_zone');
  expect(ccz!.attributes.derivation!.method).toBe('buffer');
  expect(ccz!.attributes.derivation!.params.distanceM).toBe(30);
  const source = (await readTable<DerivedZone>(page, 'zones')).find(
    (z) => z.id === ccz!.attributes.derivation!.sourceZoneId,
  )!;
  expect(source.attributes.zoneType).toBe('protection_range');
  await expect(page.getByRole('region', { name: '区划属性' })).toContainText(
    '以保护范围外轮廓为基线，向外扩30米',
  );

  // Edit the source: select the range again and move it with the move tool.
  await range.click();
  await page.getByRole('button', { name: '移动' }).click();
  const [cx, cy] = await mapCentre(page);
  await dragOnMap(page, [cx, cy], [cx + 40, cy + 25]);
  await expect
    .poll(async () => (await readTable<DerivedZone>(page, 'zones')).find((z) => z.id === source.id)!.geometry)
    .not.toEqual(source.geometry);
  const cczRow = tree.locator(`[data-zone-id="${ccz!.id}"]`);
  await expect(cczRow.getByText('源区划已修改')).toBeVisible();

  // Regenerate from the attribute panel: one step, the mark goes away.
  await page.getByRole('button', { name: '选择' }).click();
  await cczRow.locator('.tree-row').click();
  await page.getByRole('region', { name: '区划属性' }).getByRole('button', { name: '重新生成' }).click();
  await expect(cczRow.getByText('源区划已修改')).toBeHidden();
  const regenerated = (await derivedZones(page))[0]!;
  expect(regenerated.geometry).not.toEqual(ccz!.geometry);

  // Undo restores the stale state (previous geometry); undo again restores the range.
  await page.getByTestId('map').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await derivedZones(page))[0]!.geometry).toEqual(ccz!.geometry);
  await expect(cczRow.getByText('源区划已修改')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await readTable<DerivedZone>(page, 'zones')).find((z) => z.id === source.id)!.geometry)
    .toEqual(source.geometry);
  await expect(cczRow.getByText('源区划已修改')).toBeHidden();
});

test('merge two drawn zones into one with the operations group, and undo it', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '城墙');
  await drawZone(page, [
    [400, 300],
    [550, 300],
    [550, 450],
    [400, 450],
  ]);
  await drawZone(page, [
    [500, 350],
    [650, 350],
    [650, 500],
    [500, 500],
  ]);
  const before = await readTable<StoredZone>(page, 'zones');
  const mine = before.filter((z) => !z.id.startsWith('sample-'));
  expect(mine).toHaveLength(2);

  const tree = page.getByRole('tree', { name: '保护对象' });
  await tree.locator(`[data-zone-id="${mine[0]!.id}"] .tree-row`).click();
  await tree.locator(`[data-zone-id="${mine[1]!.id}"] .tree-row`).click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: '合并', exact: true }).click();

  await expect
    .poll(
      async () =>
        (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-')).length,
    )
    .toBe(1);
  const merged = (await readTable<StoredZone>(page, 'zones')).find((z) => !z.id.startsWith('sample-'))!;
  expect(merged.geometry.type).toBe('Polygon');
  // Two overlapping squares: the outline has 8 corners (+ closing vertex).
  expect(merged.geometry.coordinates[0]!.length).toBe(9);

  await page.getByTestId('map').focus();
  await page.keyboard.press('Control+z');
  await expect
    .poll(
      async () =>
        (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-')).length,
    )
    .toBe(2);
});
