import { mkdtempSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromiumArgs.mjs';
import {
  syntheticCentre,
  syntheticPolygons,
  writeSyntheticGeoJson,
  type SyntheticOptions,
} from './data/synthetic';
import { writeSection } from './report';
import { report, type Result } from './countyReport';
import { profileWorkers } from './workerProfile';
import { importReferences, importThroughDialog } from './countyImport';
import { hover, install, mapBox, measure, pan, taskSeconds } from './countyGestures';
import {
  startHeapSampling,
  startProfile,
  startTrace,
  stopHeapSampling,
  stopProfile,
  stopTrace,
} from './cpuProfile';

/**
 * The map at county and province scale, in web mode: a project of 10 000 zones (24–200 vertices,
 * the first 100 surveyed boundaries of 6 000), and 100 objects × 100 zones, imported through the
 * import dialog; then the page is reloaded (the project reopens from IndexedDB) and the planner
 * pans, hovers and drags a vertex of a 6 000-vertex zone. Beside it: the same gestures on an
 * empty project and on that 6 000-vertex zone alone. Main-thread time comes from Chromium's own
 * counter (CDP Performance.getMetrics TaskDuration), long tasks from PerformanceObserver, frame
 * intervals from requestAnimationFrame, React renders from the app's bench counter.
 */
const COUNT = Number(process.env.BENCH_COUNTY_COUNT ?? 10_000);
/** BENCH_PROFILE=1: CPU-profile each phase into test-results/profiles (cpuProfile.ts). */
const PROFILE = Boolean(process.env.BENCH_PROFILE);
/** BENCH_TRACE=1: a Chromium trace of each phase instead (native work: raster, paint, layout). */
const TRACE = Boolean(process.env.BENCH_TRACE);
/** BENCH_HEAP=1: what keeps the final heap, by allocating code (sampled from before the import). */
const HEAP = Boolean(process.env.BENCH_HEAP);
const LARGE = 6000;
const CELL = 0.002;

interface Scenario {
  name: string;
  options: SyntheticOptions | null;
}

const ALL_SCENARIOS: Scenario[] = [
  { name: 'empty project', options: null },
  {
    name: `${COUNT.toLocaleString('en')} zones`,
    options: {
      count: COUNT,
      vertices: [24, 200],
      cell: CELL,
      large: { count: Math.ceil(COUNT / 100), vertices: LARGE },
    },
  },
  { name: `one ${LARGE}-vertex zone`, options: { count: 1, vertices: LARGE, cell: CELL } },
  {
    name: '100 objects × 100 zones',
    options: {
      count: COUNT,
      vertices: [24, 200],
      cell: CELL,
      zonesPerObject: 100,
      large: { count: 1, vertices: LARGE },
    },
  },
];

/** Reload: the project reopens from IndexedDB; returns when the map holds every zone. */
async function reopen(page: Page, zones: number) {
  await page.reload();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-zones')) === n,
    zones,
    { timeout: 600_000, polling: 50 },
  );
  if (zones > 0)
    await page.waitForFunction(() => performance.getEntriesByName('hzw:project-drawn').length > 0);
  const listed =
    zones > 0
      ? await page.waitForFunction(
          () => document.querySelector('[role="treeitem"]') && performance.now(),
          null,
          { polling: 'raf', timeout: 600_000 },
        )
      : null;
  return page.evaluate(
    (listedAt) => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      const tasks = (window as unknown as { __longtasks: { duration: number }[] }).__longtasks;
      return {
        read: at('hzw:project-read'),
        drawn: at('hzw:project-drawn'),
        listed: listedAt ?? NaN,
        longest: Math.max(0, ...tasks.map((t) => t.duration)),
      };
    },
    listed ? ((await listed.jsonValue()) as number) : null,
  );
}

/**
 * The page's JS memory after a forced GC: V8's heap plus the array buffers' backing stores, which
 * live outside that heap (typed arrays: packed geometry, tiles' pixels) but are the page's data.
 */
async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, backingStorageSize = 0 } = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    backingStorageSize?: number;
  };
  return (usedSize + backingStorageSize) / 1024 / 1024;
}

async function runScenario(baseURL: string, scenario: Scenario): Promise<Result> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hzw-bench-county-')), {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  try {
    await context.addInitScript(install);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const slug = scenario.name.replace(/[^a-z0-9]+/gi, '-');
    const phase = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
      if (!PROFILE && !TRACE) return run();
      await (TRACE ? startTrace(cdp) : startProfile(cdp));
      try {
        return await run();
      } finally {
        const file = `${slug}-${label}`;
        const summary = await (TRACE ? stopTrace(cdp, file) : stopProfile(cdp, file));
        console.log(`${scenario.name} — ${label}\n${summary}`);
      }
    };
    await page.goto(`${baseURL}/`);
    await page.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '新建项目' }).click();
    const baseHeapMB = await heapMB(cdp);
    if (HEAP) await startHeapSampling(cdp);
    const options = scenario.options;
    let bytes = 0;
    const timings: Pick<Result, 'importMs' | 'importSteps' | 'parseMs' | 'writeMs'> = {};
    if (options) {
      const { path } = writeSyntheticGeoJson('county', options);
      bytes = statSync(path).size;
      const references = await importReferences(page, path);
      timings.parseMs = references.parse;
      timings.writeMs = references.write;
      const workers = PROFILE ? await profileWorkers(cdp) : null;
      const imported = await importThroughDialog(page, path, options.count, (run) => phase('import', run));
      if (workers) console.log(`${scenario.name} — import, workers\n${await workers.stop(`${slug}-import`)}`);
      timings.importMs = imported.importMs;
      timings.importSteps = imported.steps;
    }
    const zones = options?.count ?? 0;
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-zones')) === n,
      zones,
      { timeout: 600_000, polling: 250 },
    );
    const open = await phase('open', () => reopen(page, zones));
    const result: Result = {
      ...timings,
      baseHeapMB,
      load: 0,
      bytes,
      zones,
      read: open.read,
      drawn: open.drawn,
      listed: open.listed,
      openLongest: open.longest,
      elements: await page.evaluate(() => document.getElementsByTagName('*').length),
    };
    await page.waitForTimeout(1000);
    result.pan = await phase('pan', () => measure(page, cdp, () => pan(page)));
    result.hover = await phase('hover', () => measure(page, cdp, () => hover(page)));
    if (options) {
      // The first zone is a 6 000-vertex one: centre on it, select it, drag its first vertex.
      const centre = syntheticCentre(options, 0);
      const ring = (
        syntheticPolygons({ ...options, count: 1 }) as {
          features: { geometry: { coordinates: number[][][] } }[];
        }
      ).features[0]!.geometry.coordinates[0]!;
      await page.evaluate((c) => {
        const map = (window as unknown as { __hzwBench: { map: { zoomToPoint(p: number[]): void } } })
          .__hzwBench.map;
        map.zoomToPoint(c);
      }, centre);
      await page.waitForTimeout(800);
      const box = await mapBox(page);
      const pixel = async (p: number[]) =>
        page.evaluate(
          (q) =>
            (
              window as unknown as { __hzwBench: { map: { pixelOf(p: number[]): number[] } } }
            ).__hzwBench.map.pixelOf(q),
          p,
        );
      const [sx, sy] = (await pixel(centre))!;
      await page.mouse.click(box.x + sx!, box.y + sy!);
      await page.getByRole('region', { name: '区划属性' }).waitFor();
      await page.getByRole('button', { name: '编辑节点' }).click();
      await page.waitForTimeout(500);
      const [vx, vy] = (await pixel(ring[0]!))!;
      await page.mouse.move(box.x + vx!, box.y + vy!, { steps: 3 });
      await page.waitForTimeout(200);
      const patchesBefore = await page.evaluate(() => performance.getEntriesByName('hzw:map-patch').length);
      result.drag = await phase('drag', () =>
        measure(page, cdp, async (mark) => {
          await page.mouse.down();
          let moves = 0;
          // Vertex 0 lies due east of the centre of a ring whose angle grows monotonically: moving it
          // straight towards the centre keeps the ring simple, so the write door accepts the result.
          const [dx, dy] = [sx! - vx!, sy! - vy!];
          const step = 4 / Math.hypot(dx, dy);
          for (let i = 1; i <= 10; i++, moves++) {
            if (i === 3) await mark(moves);
            await page.mouse.move(box.x + vx! + dx * step * i, box.y + vy! + dy * step * i);
          }
          return moves;
        }),
      );
      if (process.env.BENCH_DEBUG) await page.screenshot({ path: 'test-results/county-drag.png' });
      // Edit → map: from the release until the map has patched the committed zone.
      const t0 = await taskSeconds(cdp);
      const patched = await phase('edit', async () => {
        await page.mouse.up();
        return page
          .waitForFunction((n) => performance.getEntriesByName('hzw:map-patch').length > n, patchesBefore, {
            timeout: 30_000,
            polling: 20,
          })
          .then(() => true)
          .catch(() => false);
      });
      // No patch means the write door refused the dragged ring (the table shows "—"); the run goes on.
      if (patched) {
        result.editMain = ((await taskSeconds(cdp)) - t0) * 1000;
        result.mapPatch = await page.evaluate(
          () => performance.getEntriesByName('hzw:map-patch').at(-1)!.duration,
        );
      }
    }
    result.heapMB = await heapMB(cdp);
    if (HEAP) console.log(`${scenario.name} — heap\n${await stopHeapSampling(cdp, `${slug}-heap`)}`);
    result.load = loadavg()[0]!;
    return result;
  } finally {
    await context.close();
  }
}

/** BENCH_COUNTY_SCENARIOS=0,2 runs only those (by index); the recorded run uses all. */
const SCENARIOS = process.env.BENCH_COUNTY_SCENARIOS
  ? process.env.BENCH_COUNTY_SCENARIOS.split(',').map((i) => ALL_SCENARIOS[Number(i)]!)
  : ALL_SCENARIOS;

test('county scale: open, pan, hover and edit with 10 000 zones', async ({ baseURL }) => {
  test.setTimeout(3_600_000);
  const results: Result[] = [];
  for (const scenario of SCENARIOS) {
    results.push(await runScenario(baseURL!, scenario));
    console.log(scenario.name, JSON.stringify(results.at(-1)));
    // Written after every scenario, so a run cut short still records what it measured.
    const text = report(
      results,
      SCENARIOS.map((sc) => sc.name),
      LARGE,
    );
    writeSection('county', text);
    if (results.length === SCENARIOS.length) console.log(text);
  }
});
