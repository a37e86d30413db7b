import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { clickMap } from './fixtures/mapInput';
import { drawZone, newProjectWithObject, tagVersion } from './fixtures/workflow';
import { readZip } from '../shared/formats/zip/zip';

/**
 * The reports from the UI: 审查意见 from the review panel (a comment typed with markup in it comes
 * out as text in the PDF and the XLSX, set in the embedded font; the XLSX has the thread's mini-map
 * as a picture), and the change report from the
 * compare dialog (XLSX rows as GDAL reads them, PDF text, a self-contained HTML page).
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
  // The thread's mini-map is a picture in its row, drawn by the job worker's canvas: about 100 dpi,
  // with the open thread's red pin (#c62828) on it.
  const pictures = readZip(readFileSync(xlsx)).filter((f) => f.name.startsWith('xl/media/'));
  expect(pictures.map((f) => f.name)).toEqual(['xl/media/image1.png']);
  const png = join(mkdtempSync(join(tmpdir(), 'hzw-review-picture-')), 'map.png');
  writeFileSync(png, pictures[0]!.bytes);
  const info = JSON.parse(run('gdalinfo', ['-json', png])) as { size: number[] };
  expect(info.size).toEqual([288, 200]);
  const ppm = `${png}.ppm`;
  run('gdal_translate', ['-q', '-of', 'PNM', '-b', '1', '-b', '2', '-b', '3', png, ppm]);
  const raw = readFileSync(ppm);
  const at = /^P6\s+\d+\s+\d+\s+255\s/.exec(raw.subarray(0, 32).toString('latin1'))![0].length;
  let pin = 0;
  for (let i = at; i + 2 < raw.length; i += 3)
    if (Math.hypot(raw[i]! - 0xc6, raw[i + 1]! - 0x28, raw[i + 2]! - 0x28) < 8) pin++;
  expect(pin).toBeGreaterThan(30);
  expect(dialogs).toBe(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('the compare dialog exports the change report as XLSX, PDF and HTML', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await openWorkbench(page);
  await newProjectWithObject(page, '城墙');
  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: '放大' }).click();
    await page.waitForTimeout(250);
  }
  await drawZone(page, [
    [400, 300],
    [550, 300],
    [550, 450],
    [400, 450],
  ]);
  await drawZone(page, [
    [600, 300],
    [750, 300],
    [750, 450],
    [600, 450],
  ]);
  await tagVersion(page, '送审稿');
  await page.getByRole('button', { name: '选择' }).click();
  await clickMap(page, [675, 375]);
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await expect(page.getByTestId('map')).toHaveAttribute('data-zones', '1');

  await page.getByRole('button', { name: '比较版本' }).click();
  const dialog = page.getByRole('dialog', { name: '比较版本' });
  await dialog.getByRole('button', { name: '比较', exact: true }).click();
  const unit = dialog.getByTestId('compare-unit');
  await expect(unit).toHaveCount(1);
  const lost = Number(await unit.getByTestId('compare-unit-lost').getAttribute('data-value'));
  expect(lost).toBeGreaterThan(1000);

  const xlsx = await download(page, '导出变化报告 XLSX', 'change.xlsx');
  const sheet = (name: string) =>
    (
      JSON.parse(
        run('ogr2ogr', ['--config', 'OGR_XLSX_HEADERS', 'FORCE', '-f', 'GeoJSON', '/vsistdout/', xlsx, name]),
      ) as { features: { properties: Record<string, unknown> }[] }
    ).features.map((f) => f.properties);
  expect(sheet('区划变化')).toEqual([expect.objectContaining({ 保护对象: '城墙', 变化: '删除' })]);
  const [row] = sheet('调入调出');
  expect(Math.abs((row!['调出_m2'] as number) - lost)).toBeLessThanOrEqual(0.006);

  const pdf = await download(page, '导出变化报告 PDF', 'change.pdf');
  const text = run('pdftotext', [pdf, '-']).replace(/\s+/g, '');
  expect(text).toContain('比较：「送审稿」→「当前状态」');
  expect(text).toContain('调出');

  const html = await download(page, '导出变化报告 HTML', 'change.html');
  // Opened from disk in a fresh browser: one map, no script, nothing fetched.
  const context = await browser.newContext();
  const viewer = await context.newPage();
  const requests: string[] = [];
  viewer.on('request', (r) => requests.push(r.url()));
  await viewer.goto(`file://${html}`);
  await expect(viewer.locator('svg')).toHaveCount(1);
  await expect(viewer.locator('script, img')).toHaveCount(0);
  await expect(viewer.getByRole('heading', { level: 1 })).toContainText('变化报告');
  expect(requests).toEqual([`file://${html}`]);
  await context.close();
});
