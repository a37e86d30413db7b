// `npm run screenshots`: the current look of the workbench for docs/, taken with Playwright in a
// headed Chromium (under xvfb-run when there is no display), from the built web mode.
import { spawn, spawnSync, execSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { rendererBuildIsStale } from './buildState.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromiumArgs.mjs';

if (!process.env.DISPLAY) {
  const run = spawnSync(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1600x1000x24', process.execPath, ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(run.status ?? 1);
}
if (rendererBuildIsStale()) execSync('npx vite build --config vite.web.config.ts', { stdio: 'inherit' });

const port = '4199';
const server = spawn(
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

const browser = await chromium.launch({
  headless: false,
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
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

  await page
    .getByRole('combobox', { name: '当前项目' })
    .selectOption({ label: '特克斯县历史文化名城（示意）' });
  await page
    .getByRole('treeitem', { name: '特克斯县八卦城', exact: true })
    .locator('.tree-row')
    .first()
    .dblclick();
  await page.getByRole('treeitem', { name: '特克斯县八卦城 高度控制区' }).locator('.tree-row').click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/screenshot-tekes.png' });
  console.log('Wrote docs/screenshot-overview.png, docs/screenshot-main.png, docs/screenshot-tekes.png');
} finally {
  await browser.close();
  server.kill();
}
