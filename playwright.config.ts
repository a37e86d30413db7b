import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromiumArgs.mjs';

/**
 * End-to-end tests drive the built renderer (web mode, `npm run build` first) in Debian's
 * Chromium, served by `vite preview` with the same CSP the desktop app sends.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
/**
 * Loopback fixture servers the page may reach (connect-src/img-src through HZW_TILE_ORIGINS):
 * E2E_PORT + 113 serves GeoTIFFs by range (e2e/fixtures/rangeServer.ts).
 */
const FIXTURE_ORIGINS = [113].map((offset) => `http://127.0.0.1:${PORT + offset}`);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: process.env.E2E_OUTPUT ?? 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    acceptDownloads: true,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'web', testIgnore: ['electron/**'] },
    { name: 'desktop', testDir: 'e2e/electron' },
  ],
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    cwd: import.meta.dirname,
    reuseExistingServer: false,
    timeout: 60_000,
    // The tile-service fixtures (e2e/fixtures/tileServer.ts) listen on PORT+11 and PORT+12; the
    // preview server's policy allows exactly those, as a planner's local settings would.
    env: {
      PORT: String(PORT),
      HZW_TILE_ORIGINS: [
        `http://127.0.0.1:${PORT + 11}`,
        `http://127.0.0.1:${PORT + 12}`,
        ...FIXTURE_ORIGINS,
      ].join(' '),
    },
  },
});
