import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable } from './fixtures/indexedDb';
import { reviewerPage, saveProject } from './fixtures/projectFiles';

/**
 * 合并审查意见 refuses what is not a review of this project — another project's file, a file from
 * a newer version — with a message saying why, and changes nothing in the store.
 */
const sql = (file: string, statement: string) =>
  execFileSync('sqlite3', [file, statement], { encoding: 'utf8' });

async function mergeFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '合并审查意见' }).click();
  await (await chooser).setFiles(file);
}

/** Every table a merge could touch, counted. */
async function counts(page: Page) {
  const tables = ['projects', 'objects', 'zones', 'comments', 'decisions', 'signoffs', 'versions', 'history'];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = (await readTable(page, table)).length;
  return out;
}

test('a review of another project, or from a newer version, is explained and merges nothing', async ({
  page,
  browser,
  baseURL,
}) => {
  await openWorkbench(page);
  const own = await saveProject(page);
  expect(sql(own, "SELECT value FROM hzw_meta WHERE key = 'schema_version'").trim()).toBe('3');

  // Another planner's project (another browser profile, another lineage).
  const { page: other } = await reviewerPage(browser, baseURL);
  const foreign = await saveProject(other);
  await other.context().close();
  // This project's file, as a newer version of the app would write it.
  const newer = own.replace(/\.hzw$/, '-v4.hzw');
  copyFileSync(own, newer);
  sql(newer, "UPDATE hzw_meta SET value = '4' WHERE key = 'schema_version'");

  const before = await counts(page);
  await mergeFile(page, foreign);
  await expect(page.getByText(/此审查文件不是本项目的（项目标识不符），未合并任何内容/)).toBeVisible();
  expect(await counts(page)).toEqual(before);

  await mergeFile(page, newer);
  await expect(page.getByText(/项目文件版本 4 比本程序支持的版本 3 新/)).toBeVisible();
  expect(await counts(page)).toEqual(before);

  // The project's own file carries no review: merging it says so and writes nothing either.
  await mergeFile(page, own);
  await expect(page.getByText(/没有新的审查内容/)).toBeVisible();
  expect(await counts(page)).toEqual(before);
});
