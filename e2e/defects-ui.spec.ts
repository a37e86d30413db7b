import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable } from './fixtures/indexedDb';
import { clickMap } from './fixtures/mapInput';
import { mapColours } from './fixtures/mapPixels';
import { openFile, reviewerPage, saveProject } from './fixtures/projectFiles';

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

test('the attribute panel starts at the top for a new selection', async ({ page }) => {
  await openWorkbench(page);
  const tree = page.getByRole('tree', { name: '保护对象' });
  const rows = tree.locator('[data-zone-id] .tree-row');
  await rows.nth(0).click();
  const panel = page.getByRole('region', { name: '区划属性' });
  await expect(panel).toBeVisible();
  const scrollable = await panel.evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(scrollable).toBeGreaterThan(100);
  await panel.evaluate((el) => (el.scrollTop = el.scrollHeight));
  expect(await panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);

  await rows.nth(1).click();
  await expect(panel.locator('h2')).toBeVisible();
  expect(await page.getByRole('region', { name: '区划属性' }).evaluate((el) => el.scrollTop)).toBe(0);
});

test('the map controls’ tooltips follow the UI language', async ({ page }) => {
  await openWorkbench(page);
  const map = page.getByTestId('map');
  await expect(map.locator('.ol-zoom-in')).toHaveAttribute('title', '放大');
  await expect(map.locator('.ol-zoom-out')).toHaveAttribute('title', '缩小');
  await expect(map.locator('.ol-attribution button')).toHaveAttribute('title', '数据来源');
  await page.getByRole('button', { name: '切换到英文' }).click();
  await expect(map.locator('.ol-zoom-in')).toHaveAttribute('title', 'Zoom in');
  await expect(map.locator('.ol-attribution button')).toHaveAttribute('title', 'Attributions');
});

/** A version 1 project file whose 12 zones each have a vertex off the globe: 12 problems. */
function brokenProjectFile(): string {
  const t = '2026-03-02T06:00:00.000Z';
  const square = (i: number) => [
    [
      [84.6 + i * 0.01, 44.4],
      [184.6, 44.4],
      [84.605 + i * 0.01, 44.405],
      [84.6 + i * 0.01, 44.4],
    ],
  ];
  const file = {
    format: 'heritage-zone-workbench-project',
    version: 1,
    savedAt: t,
    generator: 'test',
    project: { settings: { name: '十二处错误', gkZone: 28 } },
    objects: [
      { id: 'o1', attributes: { name: '错值寺', objectType: 'relic_unit' }, createdAt: t, updatedAt: t },
    ],
    zones: Array.from({ length: 12 }, (_, i) => ({
      id: `z${i}`,
      objectId: 'o1',
      attributes: { zoneType: 'protection_range' },
      geometry: { type: 'Polygon', coordinates: square(i) },
      createdAt: t,
      updatedAt: t,
    })),
  };
  const path = join(mkdtempSync(join(tmpdir(), 'hzw-notice-')), 'twelve.hzw');
  writeFileSync(path, JSON.stringify(file));
  return path;
}

async function importFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (await chooser).setFiles(file);
}

test('a notice with many problems shows their count and first lines, the rest on demand; a later dialog does not repeat it', async ({
  page,
}) => {
  await openWorkbench(page);
  await openFile(page, brokenProjectFile());
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('无法读取 twelve.hzw');
  await expect(alert).toContainText('共 12 处问题');
  await expect(alert.locator('li:visible')).toHaveCount(3);
  await expect(alert).toContainText('边界外环第 2 个顶点的经度：经度超出 −180…180');
  await expect(alert).not.toContainText('coordinates.');
  const height = (await alert.boundingBox())!.height;
  expect(height).toBeLessThan(900 * 0.25);
  await alert.getByText('展开其余 9 处').click();
  await expect(alert.locator('li:visible')).toHaveCount(12);

  // The import that follows has its own dialog: the project file's notice stays out of it.
  await importFile(page, 'e2e/fixtures/three-good-two-bad.geojson');
  const review = page.getByRole('dialog', { name: '导入预览' });
  await expect(review).toContainText('共 5 个要素');
  await expect(review).not.toContainText('twelve.hzw');
  await expect(review.getByRole('alert')).toHaveCount(0);
});

test('a broken GeoJSON is refused in planner wording', async ({ page }) => {
  await openWorkbench(page);
  await importFile(page, 'e2e/fixtures/broken-values.geojson');
  const review = page.getByRole('dialog', { name: '导入预览' });
  const reasons = review.getByRole('list', { name: '被拒绝的要素' }).getByRole('listitem');
  await expect(reasons).toHaveCount(2);
  await expect(reasons.nth(0)).toContainText('要素 #0：');
  await expect(reasons.nth(0)).toContainText('边界外环第 2 个顶点的经度：经度超出 −180…180');
  await expect(reasons.nth(1)).toContainText('要素 #1：');
  await expect(reasons.nth(1)).toContainText('属性 height_limit_m：值 "六米" 不是数字，请改为数字或留空');
  for (const leak of ['coordinates.', '无效输入', '实际接收', 'undefined', 'feature'])
    await expect(review.getByRole('list', { name: '被拒绝的要素' })).not.toContainText(leak);
});

test('opening a project file twice: the review copy is marked and the two are told apart; rename and delete with undo', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await openWorkbench(page);
  const file = await saveProject(page);
  const reviewer = await reviewerPage(browser, baseURL);
  const other = reviewer.page;
  await openFile(other, file);
  await expect(other.getByText('以审阅模式（只读）打开')).toBeVisible();
  await openFile(other, file);
  await expect.poll(async () => (await readTable(other, 'projects')).length).toBe(4);
  const picker = other.getByRole('combobox', { name: '当前项目' });
  // The reviewer's own sample has the same name: three projects, three different labels. The list
  // follows the store a moment after the write: wait for what the reviewer sees, then read it.
  const sameName = (all: string[]) => all.filter((l) => l.startsWith('乌苏市文物保护区划（示意）'));
  await expect.poll(async () => sameName(await picker.locator('option').allTextContents()).length).toBe(3);
  const labels = await picker.locator('option').allTextContents();
  const same = sameName(labels);
  expect(new Set(same).size).toBe(3);
  const copies = same.filter((l) => l.includes('审阅副本'));
  expect(copies).toHaveLength(2);
  for (const label of copies) expect(label).toMatch(/（审阅副本，.+ 打开）$/);
  await expect(other.locator('.project-picker-group .badge')).toHaveText('审阅副本');
  // A review copy cannot be renamed (read-only), but it can be deleted.
  await expect(other.getByRole('button', { name: '重命名项目' })).toBeDisabled();
  const reviewId = await picker.inputValue();

  await other.getByRole('button', { name: '删除项目' }).click();
  const confirm = other.getByRole('dialog', { name: '删除项目' });
  await expect(confirm).toContainText('将删除项目“乌苏市文物保护区划（示意）”（审阅副本）及其');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(other.locator('.notice')).toContainText('已删除项目“乌苏市文物保护区划（示意）”');
  await expect(picker.locator(`option[value="${reviewId}"]`)).toHaveCount(0);
  expect(await picker.inputValue()).not.toBe(reviewId);
  // Its records are kept until the trash is emptied: "undo delete" brings it back, opened.
  expect((await readTable<{ projectId: string }>(other, 'zones')).some((z) => z.projectId === reviewId)).toBe(
    true,
  );
  await other.getByRole('button', { name: '撤销删除' }).click();
  await expect(picker).toHaveValue(reviewId);
  await expect(other.locator('.project-picker-group .badge')).toHaveText('审阅副本');

  // Rename a working project: the new name is listed, one undo step restores the old one.
  await picker.selectOption({ label: labels.find((l) => !l.startsWith('乌苏市'))! });
  const before = await picker.locator('option:checked').textContent();
  await other.getByRole('button', { name: '重命名项目' }).click();
  const rename = other.getByRole('dialog', { name: '重命名项目' });
  await rename.getByLabel('新名称').fill('改名后的项目');
  await rename.getByRole('button', { name: '重命名' }).click();
  await expect(rename).toBeHidden();
  await expect(picker.locator('option:checked')).toHaveText('改名后的项目');
  await other.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(picker.locator('option:checked')).toHaveText(before!);
  expect(reviewer.errors).toEqual([]);
  await other.context().close();
});

test('a disabled primary button looks disabled', async ({ page }) => {
  await openWorkbench(page);
  // Nothing in this file can be imported: the import button is disabled.
  await importFile(page, 'e2e/fixtures/broken-values.geojson');
  const review = page.getByRole('dialog', { name: '导入预览' });
  const disabled = review.getByRole('button', { name: '导入 0 个区划' });
  await expect(disabled).toBeDisabled();
  const enabled = review.getByRole('button', { name: '取消' });
  const style = (el: Element) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, color: s.color, cursor: s.cursor };
  };
  const look = await disabled.evaluate(style);
  // The accent (#00739e) marks an available primary action; a disabled one must not wear it.
  expect(look.background).not.toBe('rgb(0, 115, 158)');
  expect(look.color).not.toBe('rgb(255, 255, 255)');
  expect(look.cursor).toBe('not-allowed');
  expect(await enabled.evaluate(style)).not.toEqual(look);
});
