import { expect, openWorkbench, test } from './fixtures/test';
import { readTable } from './fixtures/indexedDb';

test('a first start shows the illustrative sample offline, marked as not official', async ({ page }) => {
  await openWorkbench(page);
  await expect(page.getByRole('note')).toContainText('示意数据');
  await expect(page.getByRole('note')).toContainText('并非官方');
  const tree = page.getByRole('tree', { name: '保护对象' });
  for (const name of ['巴音沟承化寺', '夏尔苏木喇嘛庙遗址', '清代乌苏古城墙', '古尔图镇克孜加尔村']) {
    await expect(tree.getByRole('treeitem', { name, exact: true })).toBeVisible();
  }
  const projects = await readTable<{ settings: { name: string; gkZone: number; illustrative: boolean } }>(
    page,
    'projects',
  );
  expect(projects.map((p) => [p.settings.name, p.settings.gkZone, p.settings.illustrative]).sort()).toEqual([
    ['乌苏市文物保护区划（示意）', 28, true],
    ['特克斯县历史文化名城（示意）', 27, true],
  ]);

  await page
    .getByRole('combobox', { name: '当前项目' })
    .selectOption({ label: '特克斯县历史文化名城（示意）' });
  await expect(tree.getByRole('treeitem', { name: '琼库什台村', exact: true })).toBeVisible();
  await tree.getByRole('treeitem', { name: '特克斯县八卦城 高度控制区' }).locator('.tree-row').click();
  await expect(page.getByLabel('限高（层）')).toHaveValue('5');
});

test('the sample survives a reload without being created twice', async ({ page }) => {
  await openWorkbench(page);
  const before = await readTable(page, 'zones');
  await page.reload();
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true');
  expect(await readTable(page, 'zones')).toEqual(before);
});
