import { expect, openWorkbench, test } from './fixtures/test';
import { clickMap } from './fixtures/mapInput';
import { mapColours } from './fixtures/mapPixels';

/** Defects found in use (issue 11, item 10): each as the planner meets it. */

const RANGE = '巴音沟承化寺 保护范围';
const isPinRed = ([r, g, b]: [number, number, number]) => r > 170 && g < 70 && b < 90;

test('"what applies here" shows a pin at the queried point and closes with its button or Esc', async ({
  page,
}) => {
  await openWorkbench(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  const point: [number, number] = [Math.round(box.width / 2), Math.round(box.height / 2)];
  expect(isPinRed((await mapColours(page, [point]))[0]!)).toBe(false);

  await page.getByRole('button', { name: '查询此处管控' }).click();
  const panel = page.getByRole('region', { name: '此处适用的管控' });
  await clickMap(page, point);
  await expect(panel.getByTestId('strictest-height')).toBeVisible();
  await expect.poll(async () => isPinRed((await mapColours(page, [point]))[0]!)).toBe(true);

  await panel.getByRole('button', { name: '关闭' }).click();
  await expect(panel).toBeHidden();
  await expect.poll(async () => isPinRed((await mapColours(page, [point]))[0]!)).toBe(false);
  await expect(page.getByRole('button', { name: '选择' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: '查询此处管控' }).click();
  await clickMap(page, point);
  await expect(panel.getByTestId('strictest-height')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect.poll(async () => isPinRed((await mapColours(page, [point]))[0]!)).toBe(false);
});

test('project settings and derivation parameters read as labels and local time, not raw values', async ({
  page,
}) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: '项目设置' }).click();
  const settings = page.getByRole('dialog', { name: '项目设置' });
  // The sample is illustrative data: a yes/no label, not the raw boolean.
  await expect(settings.locator('#project-illustrative')).toHaveText('是');
  await expect(settings).not.toContainText(/\btrue\b|\bfalse\b/);
  await page.keyboard.press('Escape');

  const range = page.getByRole('tree', { name: '保护对象' }).getByRole('treeitem', { name: RANGE });
  await range.locator('.tree-row').click();
  await page.getByRole('button', { name: '派生区划' }).first().click();
  const dialog = page.getByRole('dialog', { name: '派生区划' });
  await dialog.getByLabel('派生方法').selectOption({ label: '整体外扩' });
  await dialog.getByLabel('外扩距离（米）').fill('30');
  await dialog.getByRole('button', { name: '生成' }).click();
  await expect(dialog).toBeHidden();

  const derivation = page.getByRole('region', { name: '区划属性' }).getByRole('region', { name: '派生信息' });
  await expect(derivation).toContainText('外扩距离（米）30');
  await expect(derivation).toContainText('转角');
  await expect(derivation).not.toContainText('{');
  await expect(derivation).not.toContainText(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
});
