import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromiumArgs.mjs';
import { fmt, machine, median, writeSection } from './report';

/** A browser with an on-disk profile, as a user has: IndexedDB really reaches the disk. */
function diskProfile(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hzw-bench-')), {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
}

const RUNS = 10;
const GESTURES = 20;

/**
 * Cold start to interactive in web mode (fresh on-disk profile, so IndexedDB is empty and the
 * sample is built), compared with loading a static file from the same server in the same run.
 */
async function coldStart(url: string): Promise<{ cold: number; warm: number }> {
  const context = await diskProfile();
  const page = await context.newPage();
  const interactive = async (go: () => Promise<unknown>) => {
    const t0 = Date.now();
    await go();
    await page.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '绘制多边形' }).waitFor();
    return Date.now() - t0;
  };
  const cold = await interactive(() => page.goto(url));
  // Warm: the same profile again, database and sample already there (a planner's usual start).
  const warm = await interactive(() => page.reload());
  await context.close();
  return { cold, warm };
}

async function blankLoad(url: string): Promise<number> {
  const context = await diskProfile();
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForLoadState('load');
  const elapsed = Date.now() - t0;
  await context.close();
  return elapsed;
}

test('foundation: cold start and gesture-to-commit latency', async ({ baseURL }) => {
  const starts: number[] = [];
  const warms: number[] = [];
  const blanks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { cold, warm } = await coldStart(`${baseURL}/`);
    starts.push(cold);
    warms.push(warm);
    blanks.push(await blankLoad(`${baseURL}/favicon.svg`));
  }

  const context = await diskProfile();
  const page = await context.newPage();
  await page.goto(`${baseURL}/`);
  await page.locator('[data-testid="map"][data-ready="true"]').waitFor();
  await page.getByRole('button', { name: '新建项目' }).click();
  await page.getByRole('button', { name: '新建保护对象' }).click();
  await page.getByRole('dialog').getByLabel('名称').fill('基准测试');
  await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
  await page.getByRole('button', { name: '绘制多边形' }).click();
  const box = (await page.getByTestId('map').boundingBox())!;
  for (let i = 0; i < GESTURES; i++) {
    const x = box.x + 200 + (i % 5) * 110;
    const y = box.y + 150 + Math.floor(i / 5) * 110;
    for (const [dx, dy] of [
      [0, 0],
      [80, 0],
      [80, 80],
      [0, 80],
      [0, 0],
    ]) {
      await page.mouse.click(x + dx!, y + dy!);
      await page.waitForTimeout(120);
    }
    await page.waitForFunction((n) => performance.getEntriesByName('hzw:gesture-commit').length >= n, i + 1);
  }
  const commits = await page.evaluate(() =>
    performance.getEntriesByName('hzw:gesture-commit').map((e) => e.duration),
  );
  // Reference: a bare IndexedDB put of the same zone record, strict durability, in the same page.
  const raw = await page.evaluate(async (n) => {
    const zones = await new Promise<unknown[]>((resolve) => {
      const open = indexedDB.open('heritage-zone-workbench');
      open.onsuccess = () => {
        const r = open.result.transaction('zones').objectStore('zones').getAll();
        r.onsuccess = () => resolve(r.result);
      };
    });
    const record = zones.at(-1) as { id: string };
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('hzw-bench-reference', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('zones', { keyPath: 'id' });
      open.onsuccess = () => resolve(open.result);
    });
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await new Promise<void>((resolve) => {
        const tx = db.transaction('zones', 'readwrite', { durability: 'strict' });
        tx.objectStore('zones').put({ ...record, id: `ref-${i}` });
        tx.oncomplete = () => resolve();
      });
      times.push(performance.now() - t0);
    }
    return times;
  }, GESTURES);
  await context.close();

  const rows = [
    `| measure | workbench (median) | reference (median) | runs |`,
    `|---|---|---|---|`,
    `| cold start → interactive (web mode, new on-disk profile: sample built, basemap rendered) | ${fmt(median(starts))} | a static file from the same server, same browser start: ${fmt(median(blanks))} | ${RUNS} |`,
    `| warm start → interactive (reload, same profile: data already stored) | ${fmt(median(warms))} | the same static file: ${fmt(median(blanks))} | ${RUNS} |`,
    `| gesture end → change committed in IndexedDB (draw polygon, strict durability) | ${fmt(median(commits))} | bare IndexedDB put of the same record, strict: ${fmt(median(raw))} | ${GESTURES} |`,
  ];
  const text = [
    `Command: \`npm run bench\` (Playwright, \`bench/foundation.bench.ts\`), ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${machine()}.`,
    '',
    ...rows,
    '',
    `All cold starts (ms): ${starts.join(', ')}. Warm starts (ms): ${warms.join(', ')}. All commits (ms): ${commits.map((c) => c.toFixed(1)).join(', ')}.`,
  ].join('\n');
  writeSection('foundation', text);
  console.log(text);
});
