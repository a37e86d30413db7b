import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { clickMap, drawPolygon } from './fixtures/mapInput';
import type { Page } from '@playwright/test';

interface StoredObject {
  id: string;
  attributes: { name: string; objectType: string; level: string | null };
}

/** Records of this test's project (the bundled sample project is stored beside it). */
const mine = async <T extends { id: string }>(page: Page, table: 'zones' | 'objects') =>
  (await readTable<T>(page, table)).filter((r) => !r.id.startsWith('sample-'));

const square: [number, number][] = [
  [450, 280],
  [620, 280],
  [620, 430],
  [450, 430],
];

test('draw with no object selected, assign it to a new object: one undo step, kept after reload', async ({
  page,
}) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: '新建项目' }).click();
  await expect(page.getByText('尚无保护对象')).toBeVisible();

  await page.getByRole('button', { name: '绘制多边形' }).click();
  await drawPolygon(page, square);
  const dialog = page.getByRole('dialog', { name: '指定所属保护对象' });
  await expect(dialog).toBeVisible();
  expect(await mine(page, 'zones')).toEqual([]);

  // With no object yet, the dialog offers a new one: name, type, level, and the zone type.
  await dialog.getByLabel('名称').fill('惠远古城');
  await dialog.getByLabel('对象类型').selectOption({ label: '文物保护单位' });
  await dialog.getByLabel('保护级别').selectOption({ label: '省级（自治区级）文物保护单位' });
  await dialog.getByLabel('区划类型').selectOption({ label: '建设控制地带' });
  await dialog.getByRole('button', { name: '保存区划' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('treeitem', { name: '惠远古城', exact: true })).toBeVisible();

  await expect.poll(async () => (await mine(page, 'zones')).length).toBe(1);
  const [object] = await mine<StoredObject>(page, 'objects');
  const [zone] = await mine<StoredZone>(page, 'zones');
  expect(object!.attributes).toMatchObject({
    name: '惠远古城',
    objectType: 'relic_unit',
    level: 'provincial',
  });
  expect(zone!.objectId).toBe(object!.id);
  expect(zone!.attributes.zoneType).toBe('construction_control_zone');
  expect(zone!.geometry.coordinates[0]).toHaveLength(5);

  // Object and zone came in one change set: one undo takes both away, one redo brings both back.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await mine(page, 'objects')).length).toBe(0);
  expect(await mine(page, 'zones')).toEqual([]);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await mine(page, 'zones')).length).toBe(1);
  const stored = { zones: await mine(page, 'zones'), objects: await mine(page, 'objects') };
  expect(stored.zones).toEqual([zone]);

  await page.reload();
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true');
  expect({ zones: await mine(page, 'zones'), objects: await mine(page, 'objects') }).toEqual(stored);
  await expect(page.getByRole('treeitem', { name: '惠远古城 建设控制地带' })).toBeVisible();
});

test('closing the assign dialog keeps the sketch; it can be assigned later or discarded', async ({
  page,
}) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: '新建项目' }).click();
  await page.getByRole('button', { name: '绘制多边形' }).click();
  await drawPolygon(page, square);
  const dialog = page.getByRole('dialog', { name: '指定所属保护对象' });
  await dialog.getByRole('button', { name: '稍后（保留草图）' }).click();
  await expect(dialog).toBeHidden();

  const bar = page.getByRole('region', { name: '未保存的草图' });
  await expect(bar).toContainText('边界有效，尚未保存');
  expect(await mine(page, 'zones')).toEqual([]);

  // A new gesture does not silently replace the kept sketch.
  await drawPolygon(page, [
    [200, 200],
    [260, 200],
    [260, 260],
  ]);
  await expect(page.getByRole('status').filter({ hasText: '请先保存或放弃保留的草图' })).toBeVisible();

  await bar.getByRole('button', { name: '保存草图' }).click();
  await dialog.getByLabel('名称').fill('钟楼');
  await dialog.getByRole('button', { name: '保存区划' }).click();
  await expect.poll(async () => (await mine(page, 'zones')).length).toBe(1);
  await expect(bar).toBeHidden();

  // With nothing selected (click on empty map), a new outline can be discarded, or given to the
  // existing object.
  const other: [number, number][] = [
    [200, 200],
    [300, 200],
    [300, 300],
    [200, 300],
  ];
  await page.getByRole('button', { name: '选择' }).click();
  await clickMap(page, [150, 520]);
  await page.getByRole('button', { name: '绘制多边形' }).click();
  await drawPolygon(page, other);
  await dialog.getByRole('button', { name: '稍后（保留草图）' }).click();
  await bar.getByRole('button', { name: '放弃草图' }).click();
  await expect(bar).toBeHidden();
  expect(await mine(page, 'zones')).toHaveLength(1);

  await drawPolygon(page, other);
  await expect(dialog.getByLabel('已有保护对象', { exact: true })).toBeChecked();
  await expect(dialog.getByLabel('保护对象', { exact: true })).toHaveValue(
    (await mine<StoredObject>(page, 'objects'))[0]!.id,
  );
  await dialog.getByRole('button', { name: '保存区划' }).click();
  await expect.poll(async () => (await mine(page, 'zones')).length).toBe(2);
  const [bell] = await mine<StoredObject>(page, 'objects');
  expect((await mine<StoredZone>(page, 'zones')).every((z) => z.objectId === bell!.id)).toBe(true);
  expect(await mine(page, 'objects')).toHaveLength(1);
});
