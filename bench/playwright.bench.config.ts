import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

/** `npm run bench`: the benchmarks, against the same built app, server and browser as the e2e tests. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: /.*\.bench\.ts$/,
  timeout: 600_000,
  workers: 1,
  // No Playwright trace: its DOM snapshots and screenshots run in the page on every action and
  // were counted as the app's own main-thread time per pointer move.
  use: { ...base.use, trace: 'off' },
  projects: [{ name: 'bench' }],
});
