import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { clickMap, type Pixel } from './fixtures/mapInput';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

/** Defects found in use (issue 11, item 10), each as a planner meets it. */

const WEST: Pixel[] = [
  [400, 300],
  [550, 300],
  [550, 450],
  [400, 450],
];
const EAST: Pixel[] = [
  [500, 350],
  [650, 350],
  [650, 500],
  [500, 500],
];

const tree = (page: Page) => page.getByRole('tree', { name: '保护对象' });
const ops = (page: Page) => page.getByRole('group', { name: '几何操作' });

async function myZones(page: Page): Promise<StoredZone[]> {
  return (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-'));
}

test('after a merge the toolbar offers what one selected zone allows', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '城墙');
  await drawZone(page, WEST);
  await drawZone(page, EAST);
  await expect.poll(async () => (await myZones(page)).length).toBe(2);
  const [a, b] = await myZones(page);
  await tree(page).locator(`[data-zone-id="${a!.id}"] .tree-row`).click();
  await tree(page)
    .locator(`[data-zone-id="${b!.id}"] .tree-row`)
    .click({ modifiers: ['Control'] });
  await expect(ops(page).getByRole('button', { name: '合并' })).toBeEnabled();
  await expect(ops(page).getByRole('button', { name: '派生区划' })).toBeDisabled();

  await ops(page).getByRole('button', { name: '合并' }).click();
  await expect.poll(async () => (await myZones(page)).length).toBe(1);
  // One zone left, and selected: merge, cut out and clip need two; derive and split need one.
  await expect(ops(page).getByRole('button', { name: '合并' })).toBeDisabled();
  await expect(ops(page).getByRole('button', { name: '裁除' })).toBeDisabled();
  await expect(ops(page).getByRole('button', { name: '裁剪' })).toBeDisabled();
  await expect(ops(page).getByRole('button', { name: '派生区划' })).toBeEnabled();
  await expect(ops(page).getByRole('button', { name: '分割' })).toBeEnabled();
});

test('a zone derived without typed boundary text gets the generated 四至 and is not flagged', async ({
  page,
}) => {
  await openWorkbench(page);
  const checks = page.getByRole('region', { name: '检查结果' }).first();
  await tree(page).getByRole('treeitem', { name: '巴音沟承化寺 保护范围' }).locator('.tree-row').click();
  await ops(page).getByRole('button', { name: '派生区划' }).click();
  const dialog = page.getByRole('dialog', { name: '派生区划' });
  await dialog.getByLabel('派生方法').selectOption({ label: '整体外扩' });
  await dialog.getByLabel('外扩距离（米）').fill('30');
  await expect(dialog.getByLabel('四至原文')).toHaveValue('');
  const draft = (await dialog.getByLabel('生成的四至草稿').locator('output').textContent())!;
  expect(draft).toContain('向外扩30米');
  await dialog.getByRole('button', { name: '生成' }).click();
  await expect(dialog).toBeHidden();

  const derived = async () =>
    (await readTable<StoredZone>(page, 'zones')).find((z) => z.attributes.derivation !== null);
  await expect.poll(async () => (await derived()) !== undefined).toBe(true);
  expect((await derived())!.attributes.boundaryText).toBe(draft);
  const panel = page.getByRole('region', { name: '区划属性' });
  await expect(panel.getByLabel('四至（原文）')).toHaveValue(draft);
  await checks.getByRole('button', { name: '全面检查' }).click();
  await expect(checks.getByRole('progressbar')).toBeHidden();
  await expect(checks.locator('li[data-code="attribute.missing"]')).toHaveCount(0);
});

test('Escape cancels a drawing first; then it clears the zone, then the object selection', async ({
  page,
}) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '古塔');
  await drawZone(page, WEST);
  const [zone] = await myZones(page);
  const row = tree(page).locator(`[data-zone-id="${zone!.id}"]`);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  const map = page.getByTestId('map');

  // A drawing half done: Escape abandons it and keeps the selection.
  await page.mouse.click(...(await onMap(page, [700, 300])));
  await page.mouse.click(...(await onMap(page, [750, 300])));
  await map.focus();
  await page.keyboard.press('Escape');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await page.waitForTimeout(200);
  expect(await myZones(page)).toHaveLength(1);

  // No gesture: Escape clears the zone selection (the object stays the context) …
  await page.keyboard.press('Escape');
  await expect(row).toHaveAttribute('aria-selected', 'false');
  const object = tree(page).getByRole('treeitem', { name: '古塔', exact: true });
  await expect(object).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: '区划属性' })).toBeHidden();
  // … and once more, the object too.
  await page.keyboard.press('Escape');
  await expect(object).toHaveAttribute('aria-selected', 'false');
  await expect(page.getByRole('region', { name: '属性', exact: true })).toContainText(
    '选择一个区划或保护对象',
  );
});

async function onMap(page: Page, [x, y]: Pixel): Promise<[number, number]> {
  const box = (await page.getByTestId('map').boundingBox())!;
  return [box.x + x, box.y + y];
}

async function newObject(page: Page, name: string) {
  await page.getByRole('button', { name: '新建保护对象' }).click();
  const dialog = page.getByRole('dialog', { name: '新建保护对象' });
  await dialog.getByLabel('名称').fill(name);
  await dialog.getByRole('button', { name: '创建' }).click();
  return dialog;
}

test('a duplicate object name is warned about, created only on "create anyway", and warned on rename', async ({
  page,
}) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '关帝庙');
  const objects = () => readTable<{ projectId: string; attributes: { name: string } }>(page, 'objects');
  const projectId = (await objects()).find((o) => o.attributes.name === '关帝庙')!.projectId;
  const inProject = async () => (await objects()).filter((o) => o.projectId === projectId);

  // Same name, written with a full-width space around it: warned, nothing created yet.
  const dialog = await newObject(page, ' 关帝庙　');
  await expect(dialog.getByRole('alert')).toContainText('已有同名保护对象“关帝庙”');
  await page.waitForTimeout(200);
  expect(await inProject()).toHaveLength(1);
  // Changing the name drops the warning; the same name again asks again.
  await dialog.getByLabel('名称').fill('关帝庙东');
  await expect(dialog.getByRole('alert')).toBeHidden();
  await dialog.getByLabel('名称').fill('关帝庙');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog.getByRole('button', { name: '仍然创建' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => (await inProject()).map((o) => o.attributes.name))
    .toEqual(['关帝庙', '关帝庙']);

  // A third object renamed to the same name: stored (not blocked), with a warning.
  await newObject(page, '娘娘庙');
  await expect(page.getByRole('dialog', { name: '新建保护对象' })).toBeHidden();
  const name = page.getByRole('region', { name: '保护对象属性' }).getByLabel('名称', { exact: true });
  await name.fill('关帝庙');
  await name.press('Enter');
  await expect
    .poll(async () => (await inProject()).filter((o) => o.attributes.name === '关帝庙').length)
    .toBe(3);
  await expect(page.getByRole('status').filter({ hasText: '另有同名保护对象' })).toBeVisible();
});

interface Derived extends StoredZone {
  attributes: StoredZone['attributes'] & { derivation: { sourceZoneId: string } | null };
}

test('after split then merge, a derived zone keeps its source and shows "source changed"', async ({
  page,
}) => {
  await openWorkbench(page);
  const range = tree(page).getByRole('treeitem', { name: '巴音沟承化寺 保护范围' }).locator('.tree-row');
  await range.click();
  await range.dblclick(); // zoom to it: the range fills the middle of the map
  await ops(page).getByRole('button', { name: '派生区划' }).click();
  const dialog = page.getByRole('dialog', { name: '派生区划' });
  await dialog.getByLabel('外扩距离（米）').fill('30');
  await dialog.getByRole('button', { name: '生成' }).click();
  await expect(dialog).toBeHidden();
  const zones = () => readTable<Derived>(page, 'zones');
  await expect.poll(async () => (await zones()).some((z) => z.attributes.derivation)).toBe(true);
  const derived = (await zones()).find((z) => z.attributes.derivation)!;
  const sourceId = derived.attributes.derivation!.sourceZoneId;
  const derivedRow = tree(page).locator(`[data-zone-id="${derived.id}"]`);
  await expect(derivedRow.getByText('源区划已修改')).toBeHidden();

  // Split the range by a line right across the map, a little below its centre.
  await tree(page).locator(`[data-zone-id="${sourceId}"] .tree-row`).click();
  await ops(page).getByRole('button', { name: '分割' }).click();
  const before = new Set((await zones()).map((z) => z.id));
  const box = (await page.getByTestId('map').boundingBox())!;
  const y = box.height / 2 + 20;
  for (const x of [20, box.width / 2, box.width - 20, box.width - 20]) await clickMap(page, [x, y]);
  await expect.poll(async () => (await zones()).length).toBe(before.size + 1);
  const piece = (await zones()).find((z) => !before.has(z.id))!;
  await expect(derivedRow.getByText('源区划已修改')).toBeVisible();

  // Merge with the split-off piece selected first.
  await page.getByRole('button', { name: '选择', exact: true }).click();
  await tree(page).locator(`[data-zone-id="${piece.id}"] .tree-row`).click();
  await tree(page)
    .locator(`[data-zone-id="${sourceId}"] .tree-row`)
    .click({ modifiers: ['Control'] });
  await ops(page).getByRole('button', { name: '合并' }).click();
  await expect.poll(async () => (await zones()).length).toBe(before.size);
  const ids = new Set((await zones()).map((z) => z.id));
  expect(ids.has(sourceId)).toBe(true);
  expect(ids.has(piece.id)).toBe(false);
  const after = (await zones()).find((z) => z.id === derived.id)!;
  expect(after.attributes.derivation!.sourceZoneId).toBe(sourceId);
  await expect(derivedRow.getByText('源区划已修改')).toBeVisible();
});

test('a range kilometres away from its CCZ is reported without the "grow the CCZ" fix', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '烽燧');
  const checks = page.getByRole('region', { name: '检查结果' }).first();
  const type = page.getByRole('combobox', { name: '新区划类型' });
  // At a new project's scale the map is about a hundred kilometres across: the range lands ~19 km east.
  await type.selectOption({ label: '建设控制地带' });
  await drawZone(page, [
    [350, 250],
    [550, 250],
    [550, 450],
    [350, 450],
  ]);
  await type.selectOption({ label: '保护范围' });
  await drawZone(page, [
    [700, 300],
    [760, 300],
    [760, 360],
    [700, 360],
  ]);
  const finding = checks.locator('li[data-code="nesting.outside"]');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('保护范围超出建设控制地带');
  await expect(finding).toContainText('不提供自动扩大外层区划');
  await expect(finding.getByRole('button', { name: '扩大建设控制地带以包含保护范围' })).toHaveCount(0);
});
