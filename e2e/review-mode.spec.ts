import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable } from './fixtures/indexedDb';
import { openFile, reviewerPage, saveProject } from './fixtures/projectFiles';

/** Everything stored, read straight from IndexedDB: review mode must leave it exactly as it is. */
async function stored(page: Page) {
  const [projects, objects, zones, history] = await Promise.all([
    readTable<{ id: string }>(page, 'projects'),
    readTable(page, 'objects'),
    readTable<{ id: string; projectId: string }>(page, 'zones'),
    readTable(page, 'history'),
  ]);
  return { projects, objects, zones, history };
}

test('a file from someone else opens read-only until the reviewer makes a working copy', async ({
  page,
  browser,
  baseURL,
}) => {
  await openWorkbench(page);
  const file = await saveProject(page);
  expect(readFileSync(file).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');

  const { page: reviewer, errors } = await reviewerPage(browser, baseURL);
  const before = await stored(reviewer);
  await openFile(reviewer, file);
  const banner = reviewer.getByRole('region', { name: '审阅模式：只读' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('制作工作副本');
  const review = await stored(reviewer);
  expect(review.projects).toHaveLength(before.projects.length + 1);
  const reviewId = review.projects.find((p) => !before.projects.some((b) => b.id === p.id))!.id;

  // Editing tools are off; the view tools remain.
  for (const name of ['绘制多边形', '绘制矩形', '编辑节点', '移动']) {
    await expect(reviewer.getByRole('button', { name, exact: true })).toBeDisabled();
  }
  await expect(reviewer.getByRole('button', { name: '量距离' })).toBeEnabled();
  // A shortcut key does not switch to a drawing tool either.
  await reviewer.getByTestId('map').focus();
  await reviewer.keyboard.press('p');
  await expect(reviewer.getByRole('button', { name: '选择', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Selecting works; deleting is refused by the store with a message, and nothing changes.
  const zone = reviewer.getByRole('treeitem', { name: '巴音沟承化寺 保护范围' });
  await zone.locator('.tree-row').click();
  await expect(zone).toHaveAttribute('aria-selected', 'true');
  await expect(reviewer.getByRole('button', { name: '删除', exact: true })).toBeDisabled();
  // Every other editing control says so too, with a zone selected that would enable it.
  const toolbar = reviewer.getByRole('toolbar', { name: '工具栏' });
  for (const name of ['导入', '派生区划', '分割', '去除尖刺', '简化'])
    await expect(toolbar.getByRole('button', { name, exact: true }), name).toBeDisabled();
  await expect(toolbar.getByRole('combobox', { name: '新区划类型' })).toBeDisabled();
  await expect(reviewer.getByRole('button', { name: '新建保护对象' })).toBeDisabled();
  const attributes = reviewer.getByRole('region', { name: '区划属性' });
  await expect(attributes.getByLabel('限高（米）')).not.toBeEditable();
  await expect(attributes.getByLabel('区划类型')).toBeDisabled();
  await expect(attributes.getByRole('button', { name: '派生区划' })).toBeDisabled();
  for (const fix of await reviewer.locator('.quick-fix').all()) await expect(fix).toBeDisabled();
  // Reading stays available: statistics, the full check, the reviewer's own reference overlays.
  for (const name of ['面积统计', '全面检查', '参考图层（三条控制线）', '查询此处管控'])
    await expect(toolbar.getByRole('button', { name, exact: true }), name).toBeEnabled();
  await expect(
    reviewer
      .getByRole('region', { name: '参考图层（三条控制线）' })
      .getByRole('button', { name: '添加参考图层…' }),
  ).toBeEnabled();
  await reviewer.keyboard.press('Delete');
  await expect(reviewer.getByRole('alert')).toContainText('审阅模式：只读');
  expect(await stored(reviewer)).toEqual(review);

  // The working copy is a new, editable project; the review copy stays as received.
  await reviewer.getByRole('button', { name: '制作工作副本' }).click();
  await expect(banner).toBeHidden();
  await expect(reviewer.getByRole('combobox', { name: '当前项目' })).toContainText('（工作副本）');
  await expect(reviewer.getByRole('button', { name: '绘制多边形' })).toBeEnabled();
  const copyZone = reviewer.getByRole('treeitem', { name: '巴音沟承化寺 保护范围' });
  await copyZone.locator('.tree-row').click();
  await reviewer.getByRole('button', { name: '删除', exact: true }).click();
  await expect(copyZone).toHaveCount(0);
  const after = await stored(reviewer);
  const ofReview = (rows: { projectId: string }[]) => rows.filter((r) => r.projectId === reviewId);
  expect(ofReview(after.zones)).toEqual(ofReview(review.zones));
  expect(after.projects).toHaveLength(review.projects.length + 1);

  // Reopened after a restart, the review copy is still read-only.
  await reviewer.reload();
  await expect(reviewer.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await reviewer.getByRole('combobox', { name: '当前项目' }).selectOption({ value: reviewId });
  await expect(banner).toBeVisible();
  expect(errors, 'reviewer page errors or CSP violations').toEqual([]);
  await reviewer.context().close();
});

test('a newer or damaged GeoPackage project file is refused and nothing changes', async ({ page }) => {
  await openWorkbench(page);
  const saved = await saveProject(page);
  const dir = mkdtempSync(join(tmpdir(), 'hzw-refused-'));
  const newer = join(dir, 'newer.hzw');
  copyFileSync(saved, newer);
  execFileSync('sqlite3', [newer, "UPDATE hzw_meta SET value = '4' WHERE key = 'schema_version'"]);
  const truncated = join(dir, 'truncated.hzw');
  const bytes = readFileSync(saved);
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const missing = join(dir, 'missing.hzw');
  copyFileSync(saved, missing);
  execFileSync('sqlite3', [missing, 'DROP TABLE hzw_zones']);
  const before = await stored(page);

  for (const [file, message] of [
    [newer, '版本 4 比本程序支持的版本 3 新'],
    [truncated, '文件不完整'],
    [missing, '缺少数据表 hzw_zones'],
  ] as const) {
    await openFile(page, file);
    await expect(page.getByRole('alert')).toContainText(message);
    await page.getByRole('button', { name: '关闭提示' }).click();
  }
  expect(await stored(page)).toEqual(before);
});
