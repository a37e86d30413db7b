import { test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { startRangeServer } from '../e2e/fixtures/rangeServer';
import { benchCog, benchCogBytes, BENCH_COG_SIDE, FULL_COG_SIDE } from './benchCog';
import { startProfile, startTrace, stopProfile, stopTrace } from './cpuProfile';
import { frameRow, panZoomFrames } from './panFrames';
import { fmt, machine, median, writeSection } from './report';

/**
 * Pan/zoom frame times with a 1 GB-class orthophoto (COG, JPEG) on screen, beside the same view
 * and gestures with the layer hidden. The COG is served by range from 127.0.0.1 (as the desktop's
 * granted-file route serves a local file) and added through the layers panel by URL.
 */
// playwright.config.ts allows http://127.0.0.1:(E2E_PORT + 113) in connect-src.
const RANGE_PORT = Number(process.env.E2E_PORT ?? 4173) + 113;
/** BENCH_PROFILE=1 / BENCH_TRACE=1: a CPU profile / Chromium trace of each gesture round (cpuProfile.ts). */
const PROFILE = Boolean(process.env.BENCH_PROFILE);
const TRACE = Boolean(process.env.BENCH_TRACE);
/** Rounds with and without the layer in turn, so a busy moment of the shared machine falls on both. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/**
 * Wheel steps (0.8 zoom level each) from "zoom to layer" to the planning scale: a smaller file
 * (BENCH_COG_SIDE) starts closer, by log2(full / side) levels, and ends at the same scale.
 */
const WHEEL_STEPS = 8 - Math.round(Math.log2(FULL_COG_SIDE / BENCH_COG_SIDE) / 0.8);

/** Ground metres per screen pixel, read off the scale bar. */
const scaleBar = (page: Page) =>
  page.evaluate(() => {
    const inner = document.querySelector<HTMLElement>('.ol-scale-line-inner');
    const m = /([\d.]+)\s*(km|m|mm)/.exec(inner?.textContent ?? '');
    if (!inner || !m) return NaN;
    const metres = Number(m[1]) * ({ km: 1000, m: 1, mm: 0.001 } as Record<string, number>)[m[2]!]!;
    return metres / inner.getBoundingClientRect().width;
  });

/** One wheel step in, then a wait until the zoom has ended (the scale bar changed, then held for 150 ms). */
async function wheelIn(page: Page): Promise<void> {
  const before = await scaleBar(page);
  await page.mouse.wheel(0, -240);
  let last = NaN;
  for (let i = 0; i < 100; i++) {
    await page.waitForTimeout(150);
    const now = await scaleBar(page);
    if (now !== before && now === last) return;
    last = now;
  }
}

test('backgrounds: pan/zoom frame times with a 1 GB-class COG orthophoto', async ({ page, baseURL }) => {
  test.setTimeout(3_600_000);
  const cog = benchCog();
  const size = benchCogBytes(cog);
  const name = cog.split('/').pop()!;
  const small = BENCH_COG_SIDE !== FULL_COG_SIDE;
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
    // Zoom to the layer, then in to a planning scale (about 0.1 m per screen pixel, the DOM's own pixel).
    await layers.getByRole('button', { name: `缩放至图层 ${name}` }).click();
    await page.waitForTimeout(2000);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // Each step waits for the zoom to end: a step that lands mid-animation (a busy machine) zooms less.
    for (let i = 0; i < WHEEL_STEPS; i++) await wheelIn(page);
    await page.waitForTimeout(5000);
    const before = server.bytesServed();
    mkdirSync('test-results', { recursive: true });
    await page.getByTestId('map').screenshot({ path: 'test-results/bench-cog.png' });
    const metresPerPixel = await scaleBar(page);
    const cdp = PROFILE || TRACE ? await page.context().newCDPSession(page) : null;
    const round = async (label: string) => {
      if (!cdp) return panZoomFrames(page);
      await (TRACE ? startTrace(cdp) : startProfile(cdp));
      const frames = await panZoomFrames(page);
      const file = `backgrounds-${label}`;
      console.log(
        `${label} (median ${fmt(median(frames))})\n${await (TRACE ? stopTrace(cdp, file) : stopProfile(cdp, file))}`,
      );
      return frames;
    };
    const withCog: number[] = [];
    const without: number[] = [];
    const shown = layers.getByRole('checkbox', { name: `显示 ${name}` });
    for (let i = 0; i < ROUNDS; i++) {
      withCog.push(...(await round(`shown-${i}`)));
      await shown.uncheck();
      await page.waitForTimeout(1000);
      without.push(...(await round(`hidden-${i}`)));
      await shown.check();
      await page.waitForTimeout(3000);
    }
    const gestureBytes = server.bytesServed() - before;
    const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
    const text = [
      `Command: \`${small ? `BENCH_COG_SIDE=${BENCH_COG_SIDE} ` : ''}npm run bench -- backgrounds\` (Playwright, \`bench/backgrounds.bench.ts\`; the COG is generated once with GDAL into the gitignored \`bench/.cache\`), ${new Date().toISOString().slice(0, 10)}; headless Chromium with software WebGL (SwiftShader, no GPU), 1400×900, the same mouse drags and wheel zooms each time, ${ROUNDS} rounds with and without the layer in turn, at ${metresPerPixel.toFixed(2)} m per screen pixel (scale bar).`,
      `Machine: ${machine()}; load average ${loadavg()[0]!.toFixed(1)} when the run ended.`,
      '',
      '| work | workbench | reference (same view, same gestures, layer hidden) |',
      '|---|---|---|',
      `| frame interval while panning and zooming over a ${mb(size)} COG orthophoto (${BENCH_COG_SIDE.toLocaleString('en')}² px, JPEG YCbCr, 512 px tiles, overviews; EPSG:4516 warped to Web Mercator) at a planning scale | ${frameRow(withCog)} | ${frameRow(without)} |`,
      `| adding it by URL until its status is 正常 (header and first tiles by range) | ${fmt(addMs)} | — |`,
      `| bytes read for the whole session / during the gestures | ${mb(server.bytesServed())} in ${server.requests.length} range requests (${((server.bytesServed() / size) * 100).toFixed(2)} % of the file) / ${mb(gestureBytes)} | — |`,
    ].join('\n');
    // A smaller file (profiling) has its own section: the full-size table stays as recorded.
    writeSection(small ? 'backgrounds-frames-small' : 'backgrounds-frames', text);
    console.log(text);
    if (server.requests.some((r) => r.range === null)) throw new Error('a request without Range');
  } finally {
    await server.close();
  }
});
