import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openWorkbench, test } from './fixtures/test';

/** "1 234.5678" as shown (thin-space or space groups) → 1234.5678. */
const shownNumber = (text: string) => Number(text.replace(/[\s\u2009\u202f]/g, ''));

test('area statistics: the CSV total equals the total the dialog shows', async ({ page }) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: '面积统计' }).click();
  const dialog = page.getByRole('dialog', { name: '面积统计' });
  const total = dialog.getByTestId('area-stats-total');
  await expect(total).toContainText('合计');
  const planarText = (await dialog.getByTestId('area-stats-total-planar').textContent())!;
  const ellipsoidalText = (await dialog.getByTestId('area-stats-total-ellipsoidal').textContent())!;
  const planar = shownNumber(planarText);
  const ellipsoidal = shownNumber(ellipsoidalText);
  expect(planar).toBeGreaterThan(0);
  // The two methods differ by the projection's scale error only (< 0.1 % within a 3° zone).
  expect(Math.abs(planar - ellipsoidal) / ellipsoidal).toBeLessThan(0.001);

  // Grouping changes the rows, never the total.
  const rowsByObject = await dialog.locator('tbody tr').count();
  await dialog.getByLabel('分组').selectOption({ label: '区划类型' });
  await expect(dialog.getByRole('columnheader', { name: '区划类型' })).toBeVisible();
  expect(await dialog.locator('tbody tr').count()).not.toBe(rowsByObject);
  await expect(dialog.getByTestId('area-stats-total-planar')).toHaveText(planarText);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出 CSV' }).click();
  const file = join(mkdtempSync(join(tmpdir(), 'hzw-area-')), 'areas.csv');
  await (await download).saveAs(file);
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const header = lines[0]!.split(',');
  const last = lines.at(-1)!.split(',');
  expect(last[0]).toBe('合计');
  const planarColumn = header.findIndex((h) => h.startsWith('高斯平面面积') && h.endsWith('公顷'));
  const ellipsoidalColumn = header.findIndex((h) => h.startsWith('椭球面积') && h.endsWith('公顷'));
  expect(header[0]).toBe('区划类型');
  expect(Number(last[planarColumn])).toBe(planar);
  expect(Number(last[ellipsoidalColumn])).toBe(ellipsoidal);
  expect(lines.length - 2).toBe(await dialog.locator('tbody tr').count());

  await dialog.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('button', { name: '切换到英文' }).click();
  await expect(page.getByRole('button', { name: 'Area statistics' })).toBeVisible();
});
