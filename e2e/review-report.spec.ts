import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { clickMap } from './fixtures/mapInput';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

/**
 * The review report (审查意见) from the review panel: a comment typed with markup in it comes out
 * as text in the PDF (poppler) and in the XLSX (GDAL), set in the embedded font.
 */
const HOSTILE = `<img src=x onerror=alert(1)>&amp; 东侧边界请沿道路中线调整`;
const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

async function download(page: Page, button: string, name: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = join(mkdtempSync(join(tmpdir(), 'hzw-review-report-')), name);
  await (await pending).saveAs(file);
  return file;
}

test('the review report exports a typed comment as text in PDF and XLSX', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await openWorkbench(page);
  await newProjectWithObject(page, '报告测试寺');
  await drawZone(page, [
    [300, 200],
    [420, 200],
    [420, 300],
    [300, 300],
  ]);
  await page.getByRole('button', { name: '批注', exact: true }).click();
  await clickMap(page, [360, 250]);
  const composer = page.getByRole('region', { name: '新意见' });
  await composer.getByLabel('意见内容').fill(HOSTILE);
  await composer.getByRole('button', { name: '发送' }).click();
  const identity = page.getByRole('dialog', { name: '审阅人信息' });
  await identity.getByLabel('姓名').fill('李审查');
  await identity.getByLabel('单位').fill('乌苏市文物局');
  await identity.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText(HOSTILE, { exact: true }).first()).toBeVisible();

  const pdf = await download(page, '导出审查意见 PDF', 'review.pdf');
  const text = run('pdftotext', ['-layout', pdf, '-']);
  expect(text).toContain(HOSTILE);
  expect(text.replace(/\s+/g, '')).toContain('「报告测试寺」');
  expect(run('pdffonts', [pdf])).toMatch(/WenQuanYiMicroHei.*yes\s+yes/);

  const xlsx = await download(page, '导出审查意见 XLSX', 'review.xlsx');
  const rows = JSON.parse(
    run('ogr2ogr', ['--config', 'OGR_XLSX_HEADERS', 'FORCE', '-f', 'GeoJSON', '/vsistdout/', xlsx, '意见']),
  ) as { features: { properties: Record<string, unknown> }[] };
  expect(rows.features.map((f) => f.properties)).toEqual([
    expect.objectContaining({ 内容: HOSTILE, 作者: '李审查', 单位: '乌苏市文物局', 意见状态: '未解决' }),
  ]);
  expect(dialogs).toBe(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});
