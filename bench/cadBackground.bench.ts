import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';
import { largeSheetDxf } from '../shared/formats/dxf/fixtures/surveySheet';
import { frameRow, panZoomFrames } from './panFrames';
import { fmt, machine, median } from './report';
import { writeSection } from './report';

/**
 * Panning over a 100 000-entity CAD survey sheet (lines, closed polylines and elevation texts in
 * GK zone 28, 1.3 km across, every entity on screen) beside the same gestures over the empty map,
 * in the same run. The goal: at most one frame more than the empty map.
 */
const ENTITIES = Number(process.env.HZW_BENCH_CAD_ENTITIES ?? 100_000);
const layers = (page: Page) => page.getByRole('region', { name: '图层', exact: true });

const tilesDrawn = async (page: Page) => {
  await page.waitForTimeout(300);
  await page.waitForFunction(() => !document.querySelector('[data-testid="map"][aria-busy]'), null, {
    timeout: 600_000,
  });
};

test('CAD survey sheet: pan/zoom frame times with a 100 000-entity DXF background', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(1_500_000);
  const bytes = largeSheetDxf(ENTITIES);
  const dir = mkdtempSync(join(tmpdir(), 'hzw-bench-cad-'));
  writeFileSync(join(dir, 'sheet-100k.dxf'), bytes);
  // The file input path: the drawing is copied into IndexedDB, as in web mode without handles.
  await page.addInitScript(() => delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${baseURL}/`);
  await page.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: '新建项目' }).click();
  await layers(page).getByRole('button', { name: '添加底图' }).click();
  const chooser = page.waitForEvent('filechooser');
  await layers(page).getByRole('menuitem', { name: '来自文件…' }).click();
  const t0 = Date.now();
  await (await chooser).setFiles(join(dir, 'sheet-100k.dxf'));
  await layers(page).getByRole('status', { name: '状态 sheet-100k: 正常' }).waitFor({ timeout: 600_000 });
  const loadMs = Date.now() - t0;
  const close = page.getByRole('button', { name: '关闭提示' });
  while ((await close.count()) > 0) await close.first().click();
  // The whole sheet on screen, every entity in view.
  await layers(page).getByRole('button', { name: '缩放至图层 sheet-100k' }).click();
  const t1 = Date.now();
  await tilesDrawn(page);
  const drawMs = Date.now() - t1;
  mkdirSync('test-results', { recursive: true });
  await page.getByTestId('map').screenshot({ path: 'test-results/bench-cad-sheet.png' });
  // Three rounds, with and without the sheet in turn, so a busy moment of the machine falls on both.
  const withSheet: number[] = [];
  const empty: number[] = [];
  const shown = layers(page).getByRole('checkbox', { name: '显示 sheet-100k' });
  for (let round = 0; round < 3; round++) {
    withSheet.push(...(await panZoomFrames(page)));
    await shown.uncheck();
    await page.waitForTimeout(500);
    empty.push(...(await panZoomFrames(page)));
    await shown.check();
    await tilesDrawn(page);
  }
  const extra = median(withSheet) - median(empty);
  const text = [
    `Command: \`npm run bench -- cadBackground\` (Playwright, \`bench/cadBackground.bench.ts\`), ${new Date().toISOString().slice(0, 10)}; headless Chromium with software WebGL (SwiftShader, no GPU), 1400×900, the same mouse drags and wheel zooms each time, three rounds with and without the sheet in turn.`,
    `Machine: ${machine()}; load average ${loadavg()[0]!.toFixed(1)} when the run ended.`,
    '',
    '| work | with the CAD sheet | reference: empty map (same view, same gestures, sheet hidden) |',
    '|---|---|---|',
    `| frame interval while panning and zooming over a ${ENTITIES.toLocaleString('en')}-entity DXF (${(bytes.length / 1e6).toFixed(1)} MB: lines, closed polylines, texts), the whole sheet on screen | ${frameRow(withSheet)} | ${frameRow(empty)} |`,
    `| median difference (goal: at most one frame, 16.7 ms) | ${fmt(extra)} | — |`,
    `| adding it from file until its row says ready (copy into IndexedDB; job worker: parse, draw, place in GK zone 28, pack; tile worker: R-tree) | ${fmt(loadMs)} | — |`,
    `| drawing the whole sheet after "zoom to layer" (tile worker, 256 px tiles) | ${fmt(drawMs)} | — |`,
  ].join('\n');
  writeSection('cad-frames', text);
  console.log(text);
});
