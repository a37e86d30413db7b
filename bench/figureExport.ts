import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { FIGURE_PHASES } from '../shared/figures/figurePhases';

/** Add a GeoTIFF by URL through the layers panel and wait until its status is 正常. */
export async function addCogByUrl(page: Page, url: string, name: string): Promise<void> {
  const layers = page.getByRole('region', { name: '图层', exact: true });
  await layers.getByRole('button', { name: /添加底图/ }).click();
  await layers.getByRole('menuitem', { name: '按网址添加 COG…' }).click();
  const dialog = page.getByRole('dialog', { name: '按网址添加云优化 GeoTIFF（COG）' });
  await dialog.getByLabel('COG 网址').fill(url);
  await dialog.getByRole('button', { name: '添加' }).click();
  await layers.getByRole('status', { name: new RegExp(`${name}.*正常`) }).waitFor({ timeout: 120_000 });
}

/**
 * Open the figure composer on `object` at A1 landscape, 1:1 000 and `dpi`, and wait until its
 * preview shows the backgrounds (so the preview's own render is not timed with the export).
 */
export async function openA1Composer(page: Page, object: string, dpi: number): Promise<Locator> {
  await page.getByRole('button', { name: '出图', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /出图/ });
  await dialog.getByLabel('出图对象').selectOption({ label: object });
  await dialog.getByLabel('纸张').selectOption('A1');
  await dialog.getByLabel('方向').selectOption('landscape');
  await dialog.getByLabel('比例尺', { exact: true }).selectOption({ label: '1:1 000' });
  await dialog.getByLabel('分辨率').selectOption(String(dpi));
  await expect(dialog.getByRole('img', { name: /预览/ })).toHaveAttribute('data-backgrounds', /^[1-9]/, {
    timeout: 120_000,
  });
  return dialog;
}

export interface ExportRun {
  /** Click on 导出 PDF → the download's file complete on disk. */
  ms: number;
  /** Summed User Timing measures of the export's phases (ms). */
  phases: Record<keyof typeof FIGURE_PHASES, number>;
  pdf: string;
}

/** Click 导出 PDF once and time it to the written file, with the phases the export measured. */
export async function exportPdfOnce(page: Page, dialog: Locator): Promise<ExportRun> {
  await page.evaluate(() => performance.clearMeasures());
  const pending = page.waitForEvent('download', { timeout: 600_000 });
  const t0 = performance.now();
  await dialog.getByRole('button', { name: '导出 PDF' }).click();
  const download = await pending;
  await download.path();
  const ms = performance.now() - t0;
  const pdf = join(mkdtempSync(join(tmpdir(), 'hzw-figure-bench-')), 'figure.pdf');
  await download.saveAs(pdf);
  const phases = await page.evaluate((names) => {
    const sum = (name: string) =>
      performance.getEntriesByName(name, 'measure').reduce((n, e) => n + e.duration, 0);
    return { background: sum(names.background), compose: sum(names.compose), write: sum(names.write) };
  }, FIGURE_PHASES);
  return { ms, phases, pdf };
}
