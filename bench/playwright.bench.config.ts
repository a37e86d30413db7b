import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

/** `npm run bench`: the benchmarks, against the same built app, server and browser as the e2e tests. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: /.*\.bench\.ts$/,
  timeout: 600_000,
  workers: 1,
  projects: [{ name: 'bench' }],
});
