// `npm run screenshots`: the current look of the workbench for docs/, taken with Playwright in a
// headed Chromium (under xvfb-run when there is no display), from the built web mode.
import { spawnSync, execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { rendererBuildIsStale } from './buildState.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromiumArgs.mjs';
import { startProcessTree } from './processTree.mjs';

if (!process.env.DISPLAY) {
  const run = spawnSync(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1600x1000x24', process.execPath, ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(run.status ?? 1);
}
// HZW_RENDERER_OUT (a private build folder) is always rebuilt; the default out/renderer only when stale.
if (process.env.HZW_RENDERER_OUT || rendererBuildIsStale())
  execSync('npx vite build --config vite.web.config.ts', { stdio: 'inherit' });

const port = '4199';
// npx runs vite as its child: the whole tree is stopped at the end, or the port stays taken.
const server = startProcessTree(
  'npx',
  ['vite', 'preview', '--config', 'vite.web.config.ts', '--port', port, '--strictPort'],
  { stdio: 'ignore', env: { ...process.env, PORT: port } },
);
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 50; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}

let browser;
try {
  browser = await chromium.launch({
    headless: false,
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await page.goto(base);
  await page.locator('[data-testid="map"][data-ready="true"]').waitFor();
  await page.screenshot({ path: 'docs/screenshot-overview.png' });

  await page
    .getByRole('treeitem', { name: '巴音沟承化寺', exact: true })
    .locator('.tree-row')
    .first()
    .dblclick();
  await page.getByRole('treeitem', { name: '巴音沟承化寺 保护范围' }).locator('.tree-row').click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/screenshot-main.png' });
  const shots = ['overview', 'main'];

  // Derive: a 30 m construction-control zone from the selected protection range.
  await page.getByRole('button', { name: '派生区划' }).first().click();
  const derive = page.getByRole('dialog', { name: '派生区划' });
  await derive.getByLabel('派生方法').selectOption({ label: '整体外扩' });
  await derive.getByLabel('外扩距离（米）').fill('30');
  await derive.getByLabel('四至原文').fill('保护范围外扩30米');
  await derive.getByLabel('生成的四至草稿').getByText('以保护范围外轮廓为基线').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshot-derive.png' });
  shots.push('derive');
  await page.keyboard.press('Escape');
  await derive.waitFor({ state: 'hidden' });

  // Export dialog.
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: '导出' });
  await exportDialog.waitFor();
  await exportDialog.getByRole('combobox', { name: '格式' }).selectOption('shapefile');
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshot-export.png' });
  shots.push('export');
  await page.keyboard.press('Escape');
  await exportDialog.waitFor({ state: 'hidden' });

  // Import preview of a zipped GBK shapefile in EPSG:4516 (encoding from .cpg, CRS from .prj).
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (await chooser).setFiles('e2e/fixtures/exchange/gbk-zones.zip');
  const preview = page.getByRole('dialog', { name: '导入预览' });
  await preview.getByTestId('import-summary').getByText('3 个可导入').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshot-import.png' });
  shots.push('import');
  await page.keyboard.press('Escape');
  await preview.waitFor({ state: 'hidden' });

  // Field mapping: a county's own table (Chinese field names and zone-type values) matched to the schema.
  const tableChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (await tableChooser).setFiles('e2e/fixtures/exchange/county-table.zip');
  await preview.getByTestId('import-summary').getByText('4 个可导入').waitFor();
  await preview.getByRole('combobox', { name: '区划类型 的来源字段' }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshot-import-mapping.png' });
  shots.push('import-mapping');
  await page.keyboard.press('Escape');
  await preview.waitFor({ state: 'hidden' });

  // Checks panel (full check) and "what applies here" at the centre of the range.
  await page.getByRole('treeitem', { name: '巴音沟承化寺 保护范围' }).locator('.tree-row').dblclick();
  await page.waitForTimeout(800);
  const checks = page.getByRole('region', { name: '检查结果' }).first();
  await checks.getByRole('button', { name: '全面检查' }).click();
  await checks.getByRole('status').waitFor();
  await page.getByRole('button', { name: '查询此处管控' }).click();
  const map = await page.getByTestId('map').boundingBox();
  await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2, { steps: 3 });
  await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
  await page.getByRole('region', { name: '此处适用的管控' }).locator('.zones-here li').first().waitFor();
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'docs/screenshot-checks.png' });
  shots.push('checks');

  // A farmland reference layer (worker-drawn tiles) around 巴音沟承化寺, overlaps highlighted.
  const parcels = [];
  for (let i = -20; i < 20; i++)
    for (let j = -14; j < 14; j++) {
      if ((i * 7 + j * 3) % 11 === 0) continue; // lanes and farmsteads between the fields
      const x = 84.492 + i * 0.00075;
      const y = 43.958 + j * 0.00055;
      const ring = [
        [x, y],
        [x + 0.00068, y],
        [x + 0.00068, y + 0.00049],
        [x, y + 0.00049],
        [x, y],
      ];
      parcels.push({
        type: 'Feature',
        properties: { DKBH: `NT-${i}-${j}` },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  const references = page.getByRole('region', { name: '参考图层（三条控制线）' });
  await references.getByLabel('参考图层类型').selectOption({ label: '永久基本农田' });
  const farmland = page.waitForEvent('filechooser');
  await references.getByRole('button', { name: '添加参考图层…' }).click();
  await (
    await farmland
  ).setFiles({
    name: '永久基本农田.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: parcels })),
  });
  // The reference layer's row is in the layers panel's list.
  const layers = page.getByRole('region', { name: '图层', exact: true });
  await layers.getByRole('checkbox', { name: '显示 永久基本农田' }).waitFor();
  await layers.getByRole('button', { name: '重叠分析 永久基本农田' }).click();
  await references.getByRole('region', { name: '重叠分析结果' }).waitFor();
  await page.getByRole('treeitem', { name: '巴音沟承化寺 建设控制地带' }).locator('.tree-row').dblclick();
  await page.waitForTimeout(800);
  // The map is aria-busy while the tile worker draws.
  // A function, not a string: the page's CSP refuses evaluating strings.
  await page.waitForFunction(() => !globalThis.document.querySelector('[data-testid="map"][aria-busy]'));
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshot-references.png' });
  shots.push('references');
  // The layers panel itself (nothing selected, so it has the side column's room): zone types,
  // label field, the reference layer's row, the overlap result.
  await page.getByTestId('map').focus();
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  await layers.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  const dock = await page.locator('.analysis-dock').boundingBox();
  await page.screenshot({ path: 'docs/screenshot-layers.png', clip: dock ?? undefined });
  shots.push('layers');

  // Review mode: the project saved here, opened by "someone else" (a second browser profile).
  const download = page.waitForEvent('download');
  await page.getByTestId('map').focus();
  await page.keyboard.press('Control+s');
  const saved = join(mkdtempSync(join(tmpdir(), 'hzw-screens-')), (await download).suggestedFilename());
  await (await download).saveAs(saved);
  const reviewer = await (
    await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  ).newPage();
  await reviewer.goto(base);
  await reviewer.locator('[data-testid="map"][data-ready="true"]').waitFor();
  const opener = reviewer.waitForEvent('filechooser');
  await reviewer.getByRole('button', { name: '打开项目' }).click();
  await (await opener).setFiles(saved);
  await reviewer.getByRole('region', { name: '审阅模式：只读' }).waitFor();
  await reviewer.locator('[data-testid="map"][data-ready="true"]').waitFor();
  await reviewer.waitForTimeout(1200);
  // The reviewer comments on the protection range with the 批注 tool (the pin and the panel).
  await reviewer.getByRole('treeitem', { name: '巴音沟承化寺 保护范围' }).locator('.tree-row').dblclick();
  await reviewer.waitForTimeout(800);
  await reviewer.getByRole('button', { name: '批注', exact: true }).click();
  const mapBox = await reviewer.getByTestId('map').boundingBox();
  if (mapBox) await reviewer.mouse.click(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
  const composerRegion = reviewer.getByRole('region', { name: '新意见' });
  await composerRegion.getByLabel('意见内容').fill('保护范围东侧应沿现状围墙外缘划定，请补充测绘依据。');
  await composerRegion.getByRole('button', { name: '发送' }).click();
  const identity = reviewer.getByRole('dialog', { name: '审阅人信息' });
  await identity.getByLabel('姓名').fill('李审查');
  await identity.getByLabel('单位').fill('某县文物局（示意）');
  await identity.getByRole('button', { name: '确定' }).click();
  await reviewer.waitForTimeout(1000);
  await reviewer.screenshot({ path: 'docs/screenshot-review.png' });
  shots.push('review');
  await page.getByRole('button', { name: '选择', exact: true }).click();

  // Figure composer (出图): 巴音沟承化寺 on A3 at 1:2 000, and the PDF's page as an image.
  await page.getByRole('button', { name: '出图', exact: true }).click();
  const composer = page.getByRole('dialog', { name: /出图/ });
  await composer.getByLabel('出图对象').selectOption({ label: '巴音沟承化寺' });
  await composer.getByLabel('比例尺', { exact: true }).selectOption({ label: '1:2 000' });
  for (const [label, value] of [
    ['编制单位', '某某规划设计研究院（示意）'],
    ['日期', '2026年12月'],
    ['图号', 'WS-BH-01'],
  ]) {
    await composer.getByLabel(label, { exact: true }).fill(value);
    await composer.getByLabel(label, { exact: true }).press('Enter');
  }
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/screenshot-figure.png' });
  shots.push('figure');
  const figurePdf = page.waitForEvent('download');
  await composer.getByRole('button', { name: '导出 PDF' }).click();
  const pdfPath = join(mkdtempSync(join(tmpdir(), 'hzw-screens-')), 'figure.pdf');
  await (await figurePdf).saveAs(pdfPath);
  execSync(`pdftoppm -r 60 -png -singlefile ${pdfPath} docs/figure-example`);
  await composer.getByRole('button', { name: '关闭' }).click();
  await composer.waitFor({ state: 'hidden' });

  // Compare (比较版本): tag the state as 送审稿, delete the construction-control zone, compare.
  await page.getByRole('button', { name: /^版本/ }).click();
  const versions = page.getByRole('dialog', { name: '命名版本' });
  await versions.getByLabel('版本名称').fill('送审稿');
  await versions.getByRole('button', { name: '标记当前状态' }).click();
  await versions.locator('tbody tr', { hasText: '送审稿' }).waitFor();
  await versions.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('treeitem', { name: '巴音沟承化寺 建设控制地带' }).locator('.tree-row').click();
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await page.getByRole('button', { name: '比较版本' }).click();
  const compare = page.getByRole('dialog', { name: '比较版本' });
  await compare.getByRole('button', { name: '比较', exact: true }).click();
  await compare.getByTestId('compare-unit').first().waitFor();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: 'docs/screenshot-compare.png' });
  shots.push('compare');
  await compare.getByRole('button', { name: '关闭' }).click();

  shots.push('tekes');
  console.log(`Wrote ${shots.map((name) => `docs/screenshot-${name}.png`).join(', ')}`);
} finally {
  await browser?.close();
  await server.stop();
}
