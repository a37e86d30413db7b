import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openWorkbench, test } from './fixtures/test';

const scratch = () => mkdtempSync(join(tmpdir(), 'hzw-figure-'));

test('figure: the composer previews an A3 page and exports a PNG of it at 150 dpi', async ({ page }) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: '出图' }).click();
  const dialog = page.getByRole('dialog', { name: /出图/ });
  await dialog.getByLabel('纸张').selectOption('A3');
  await dialog.getByLabel('方向').selectOption('landscape');
  await dialog.getByLabel('比例尺', { exact: true }).selectOption({ label: '1:1 000' });
  await dialog.getByLabel('分辨率').selectOption('150');
  const preview = dialog.getByRole('img', { name: /出图预览/ });
  await expect(preview).toHaveAttribute('data-page-mm', '420x297');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /导出 PNG/ }).click();
  const file = join(scratch(), 'figure.png');
  await (await download).saveAs(file);
  const info = JSON.parse(execFileSync('gdalinfo', ['-json', file], { encoding: 'utf8' })) as {
    size: number[];
  };
  // 420 × 297 mm at 150 dpi.
  expect(info.size).toEqual([Math.round((420 / 25.4) * 150), Math.round((297 / 25.4) * 150)]);
});
