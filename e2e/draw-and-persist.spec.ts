import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { clickMap, drawPolygon } from './fixtures/mapInput';

test('create an object, draw its protection range, fill attributes, reload: all still there', async ({
  page,
}) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: '新建项目' }).click();
  await expect(page.getByText('尚无保护对象')).toBeVisible();

  await page.getByRole('button', { name: '新建保护对象' }).click();
  const dialog = page.getByRole('dialog', { name: '新建保护对象' });
  await dialog.getByLabel('名称').fill('巴音沟承化寺');
  await dialog.getByLabel('对象类型').selectOption({ label: '文物保护单位' });
  await dialog.getByLabel('保护级别').selectOption({ label: '省级（自治区级）文物保护单位' });
  await dialog.getByLabel('文物类别').selectOption({ label: '古建筑' });
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('treeitem', { name: '巴音沟承化寺', exact: true })).toBeVisible();

  await expect(page.getByRole('combobox', { name: '新区划类型' })).toHaveValue('protection_range');
  await page.getByRole('button', { name: '绘制多边形' }).click();
  await drawPolygon(page, [
    [500, 300],
    [700, 300],
    [700, 450],
    [500, 450],
  ]);
  const panel = page.getByRole('region', { name: '区划属性' });
  await expect(panel).toBeVisible();
  await panel.getByLabel('四至（原文）').fill('东至围墙外30米，南至公路，西至河岸，北至山脚');
  await panel.getByLabel('限高（米）').fill('9');
  await panel.getByLabel('限高（米）').press('Enter');
  await panel.getByLabel('状态').selectOption({ label: '已公布' });
  await panel.getByLabel('批准日期').fill('2024-11-08');
  await panel.getByLabel('批准日期').press('Enter');

  const storedZone = async () =>
    (await readTable<StoredZone>(page, 'zones')).find((z) => z.attributes.boundaryText.startsWith('东至'));
  await expect
    .poll(async () => (await storedZone())?.attributes.approval)
    .toEqual({ authority: '', documentNo: '', date: '2024-11-08' });
  const stored = await storedZone();
  expect(stored!.attributes).toMatchObject({
    zoneType: 'protection_range',
    heightLimitM: 9,
    status: 'existing_approved',
    approval: { authority: '', documentNo: '', date: '2024-11-08' },
  });
  expect(stored!.geometry.type).toBe('Polygon');
  expect(stored!.geometry.coordinates[0]).toHaveLength(5);
  const areaBefore = await panel.getByTestId('area-ellipsoidal-m2').getAttribute('data-value');
  expect(Number(areaBefore)).toBeGreaterThan(0);
  const everything = { zones: await readTable(page, 'zones'), objects: await readTable(page, 'objects') };

  await page.reload();
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true');
  expect({ zones: await readTable(page, 'zones'), objects: await readTable(page, 'objects') }).toEqual(
    everything,
  );

  // On screen: the tree lists it, and clicking the drawn area on the map selects it again.
  await expect(page.getByRole('treeitem', { name: '巴音沟承化寺 保护范围' })).toBeVisible();
  await clickMap(page, [600, 375]);
  const again = page.getByRole('region', { name: '区划属性' });
  await expect(again.getByLabel('四至（原文）')).toHaveValue('东至围墙外30米，南至公路，西至河岸，北至山脚');
  await expect(again.getByLabel('限高（米）')).toHaveValue('9');
  await expect(again.getByTestId('area-ellipsoidal-m2')).toHaveAttribute('data-value', areaBefore!);
});

test('a self-intersecting polygon is refused with a reason and nothing is stored', async ({ page }) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: '新建项目' }).click();
  await page.getByRole('button', { name: '新建保护对象' }).click();
  await page.getByRole('dialog', { name: '新建保护对象' }).getByLabel('名称').fill('测试对象');
  await page.getByRole('dialog', { name: '新建保护对象' }).getByRole('button', { name: '创建' }).click();
  const before = await readTable(page, 'zones');
  await page.getByRole('button', { name: '绘制多边形' }).click();
  await drawPolygon(page, [
    [500, 300],
    [700, 450],
    [700, 300],
    [500, 450],
  ]);
  await expect(page.getByRole('alert')).toContainText('边界无效');
  await expect(page.getByRole('alert')).toContainText('自相交');
  expect(await readTable(page, 'zones')).toEqual(before);
});
