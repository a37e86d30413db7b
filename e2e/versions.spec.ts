import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable } from './fixtures/indexedDb';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

const A: [number, number][] = [
  [400, 300],
  [550, 300],
  [550, 450],
  [400, 450],
];
const B: [number, number][] = [
  [600, 300],
  [750, 300],
  [750, 450],
  [600, 450],
];

async function openVersions(page: Page) {
  await page.getByRole('button', { name: /^版本/ }).click();
  return page.getByRole('dialog', { name: '命名版本' });
}

async function tag(page: Page, name: string, note = '') {
  const dialog = await openVersions(page);
  await dialog.getByLabel('版本名称').fill(name);
  await dialog.getByLabel('说明').fill(note);
  await dialog.getByRole('button', { name: '标记当前状态' }).click();
  await expect(dialog.locator('tbody tr', { hasText: name })).toBeVisible();
  return dialog;
}

test('tag, list, rename and delete named versions; they survive a reload and store changed records only', async ({
  page,
}) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '城墙');
  await drawZone(page, A);

  let dialog = await tag(page, '送审稿 2026-12', '第一次送审');
  await expect(dialog.locator('tbody tr', { hasText: '送审稿 2026-12' })).toContainText('对象 1，区划 1');
  await expect(dialog.locator('tbody tr', { hasText: '送审稿 2026-12' })).toContainText('第一次送审');
  // Nothing changed since: the new version is tagged, and the planner is told it is the same.
  await dialog.getByLabel('版本名称').fill('重复');
  await dialog.getByRole('button', { name: '标记当前状态' }).click();
  await expect(page.getByText('已标记版本“重复”：内容与版本“送审稿 2026-12”相同')).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();

  await drawZone(page, B);
  dialog = await tag(page, '批复稿');
  await expect(dialog.locator('tbody tr', { hasText: '批复稿' })).toContainText('区划 2');
  const versions = await readTable<{ name: string; contentHash: string }>(page, 'versions');
  const hash = Object.fromEntries(versions.map((v) => [v.name, v.contentHash]));
  expect(hash['重复']).toBe(hash['送审稿 2026-12']);
  expect(hash['批复稿']).not.toBe(hash['送审稿 2026-12']);
  // Only the one change since the first tags is stored (zone B, absent before), not the project.
  expect(await readTable(page, 'versionRecords')).toHaveLength(1);

  // Delete the duplicate: its stored record moves to the version before it.
  page.once('dialog', (confirm) => void confirm.accept());
  await dialog.locator('tbody tr', { hasText: '重复' }).getByRole('button', { name: '删除' }).click();
  await expect(dialog.locator('tbody tr')).toHaveCount(2);
  expect(await readTable(page, 'versionRecords')).toHaveLength(1);

  await dialog.locator('tbody tr', { hasText: '批复稿' }).getByRole('button', { name: '重命名' }).click();
  await dialog.getByRole('textbox', { name: '版本名称' }).last().fill('批复稿（定稿）');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.locator('tbody tr', { hasText: '批复稿（定稿）' })).toBeVisible();

  await page.reload();
  dialog = await openVersions(page);
  await expect(dialog.locator('tbody tr strong')).toHaveText(['批复稿（定稿）', '送审稿 2026-12']);
  // An empty name is not offered.
  await dialog.getByLabel('版本名称').first().fill('  ');
  await expect(dialog.getByRole('button', { name: '标记当前状态' })).toBeDisabled();
});
