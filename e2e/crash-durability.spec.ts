import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromiumArgs.mjs';
import { expect, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
}

/** Kill every Chromium process of this profile at once, as a crash or power loss would. */
function killProfile(profile: string): void {
  const pids = execFileSync('pgrep', ['-f', profile], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean);
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Already gone with its parent.
    }
  }
}

test('a drawn zone survives the browser being killed right after the gesture', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'hzw-crash-'));
  let context = await launch(profile);
  let page = await context.newPage();
  await page.goto(baseURL!);
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await newProjectWithObject(page, '崩溃测试');
  await drawZone(page, [
    [450, 300],
    [600, 300],
    [600, 420],
    [450, 420],
  ]);
  // The attribute panel shows the zone: its commit has resolved. Crash now, with no orderly shutdown.
  killProfile(profile);
  await context.close().catch(() => undefined);

  context = await launch(profile);
  page = await context.newPage();
  await page.goto(baseURL!);
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const zones = (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-'));
  expect(zones).toHaveLength(1);
  expect(zones[0]!.attributes.zoneType).toBe('protection_range');
  await expect(page.getByRole('treeitem', { name: '崩溃测试 保护范围' })).toBeVisible();
  await context.close();
});
