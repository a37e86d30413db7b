import { defineConfig } from '@playwright/test';
import base, { CHROMIUM_ARGS } from '../playwright.config';

/** `npm run bench`: the benchmarks, against the same built app and server as the e2e tests. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: /.*\.bench\.ts$/,
  timeout: 600_000,
  workers: 1,
  projects: [
    {
      name: 'bench',
      use: {
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
