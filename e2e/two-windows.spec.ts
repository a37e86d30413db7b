import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

test('two tabs on one project stay in step without reloading', async ({ page, context }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '双窗口测试');
  const other = await context.newPage();
  await openWorkbench(other);
  // The second tab opens the project the first one was working on.
  await expect(other.getByRole('treeitem', { name: '双窗口测试', exact: true })).toBeVisible();

  await drawZone(page, [
    [450, 300],
    [600, 300],
    [600, 420],
    [450, 420],
  ]);
  await expect(other.getByRole('treeitem', { name: '双窗口测试 保护范围' })).toBeVisible();

  // An edit in the second tab shows up in the first.
  await other.getByRole('treeitem', { name: '双窗口测试 保护范围' }).locator('.tree-row').click();
  const panel = other.getByRole('region', { name: '区划属性' });
  await panel.getByLabel('管控要求').fill('第二个标签页写入');
  await panel.getByLabel('限高（米）').click();
  await page.getByRole('treeitem', { name: '双窗口测试 保护范围' }).locator('.tree-row').click();
  await expect(page.getByRole('region', { name: '区划属性' }).getByLabel('管控要求')).toHaveValue(
    '第二个标签页写入',
  );
});

test('undo history survives a reload', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '撤销测试');
  await drawZone(page, [
    [450, 300],
    [600, 300],
    [600, 420],
    [450, 420],
  ]);
  const drawn = async () =>
    (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-'));
  expect(await drawn()).toHaveLength(1);
  await page.reload();
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('button', { name: '撤销', exact: true })).toBeEnabled();
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect.poll(drawn).toHaveLength(0);
  await page.getByRole('button', { name: '重做', exact: true }).click();
  await expect.poll(drawn).toHaveLength(1);
});
