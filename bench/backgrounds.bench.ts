import { test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startRangeServer } from '../e2e/fixtures/rangeServer';
import { benchCog, benchCogBytes, BENCH_COG_SIDE } from './benchCog';
import { frameRow, panZoomFrames } from './panFrames';
import { fmt, machine, writeSection } from './report';

/**
 * Pan/zoom frame times with a 1 GB-class orthophoto (COG, JPEG) on screen, beside the same view
 * and gestures with the layer hidden. The COG is served by range from 127.0.0.1 (as the desktop's
 * granted-file route serves a local file) and added through the layers panel by URL.
 */
// playwright.config.ts allows http://127.0.0.1:(E2E_PORT + 113) in connect-src.
const RANGE_PORT = Number(process.env.E2E_PORT ?? 4173) + 113;

test('backgrounds: pan/zoom frame times with a 1 GB-class COG orthophoto', async ({ page, baseURL }) => {
  test.setTimeout(3_600_000);
  const cog = benchCog();
  const size = benchCogBytes(cog);
  const name = cog.split('/').pop()!;
  const server = await startRangeServer([cog], RANGE_PORT);
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${baseURL}/`);
    await page.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 60_000 });
    const layers = page.getByRole('region', { name: '图层', exact: true });
    const t0 = Date.now();
    await layers.getByRole('button', { name: /添加底图/ }).click();
    await layers.getByRole('menuitem', { name: '按网址添加 COG…' }).click();
    const dialog = page.getByRole('dialog', { name: '按网址添加云优化 GeoTIFF（COG）' });
    await dialog.getByLabel('COG 网址').fill(server.url(name));
    await dialog.getByRole('button', { name: '添加' }).click();
    await layers.getByRole('status', { name: new RegExp(`${name}.*正常`) }).waitFor({ timeout: 120_000 });
    const addMs = Date.now() - t0;
    // Zoom to the layer, then in to a planning scale (about 0.3 m per screen pixel).
    await layers.getByRole('button', { name: `缩放至图层 ${name}` }).click();
    await page.waitForTimeout(2000);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 8; i++) {
      await page.mouse.wheel(0, -240);
      await page.waitForTimeout(400);
    }
    await page.waitForTimeout(5000);
    const before = server.bytesServed();
    mkdirSync('test-results', { recursive: true });
    await page.getByTestId('map').screenshot({ path: 'test-results/bench-cog.png' });
    const withCog = await panZoomFrames(page);
    const gestureBytes = server.bytesServed() - before;
    await layers.getByRole('checkbox', { name: `显示 ${name}` }).uncheck();
    await page.waitForTimeout(1000);
    const without = await panZoomFrames(page);
    const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
    const text = [
      `Command: \`npm run bench\` (Playwright, \`bench/backgrounds.bench.ts\`; the COG is generated once with GDAL into the gitignored \`bench/.cache\`), ${new Date().toISOString().slice(0, 10)}; headless Chromium with software WebGL (SwiftShader, no GPU), 1400×900, the same mouse drags and wheel zooms each time.`,
      `Machine: ${machine()}.`,
      '',
      '| work | workbench | reference (same view, same gestures, layer hidden) |',
      '|---|---|---|',
      `| frame interval while panning and zooming over a ${mb(size)} COG orthophoto (${BENCH_COG_SIDE.toLocaleString('en')}² px, JPEG YCbCr, 512 px tiles, overviews; EPSG:4516 warped to Web Mercator) at a planning scale | ${frameRow(withCog)} | ${frameRow(without)} |`,
      `| adding it by URL until its status is 正常 (header and first tiles by range) | ${fmt(addMs)} | — |`,
      `| bytes read for the whole session / during the gestures | ${mb(server.bytesServed())} in ${server.requests.length} range requests (${((server.bytesServed() / size) * 100).toFixed(2)} % of the file) / ${mb(gestureBytes)} | — |`,
    ].join('\n');
    writeSection('backgrounds-frames', text);
    console.log(text);
    if (server.requests.some((r) => r.range === null)) throw new Error('a request without Range');
  } finally {
    await server.close();
  }
});
