import { defineConfig } from 'vitest/config';

// Unit tests live beside the code; end-to-end specs (e2e/, bench/) belong to Playwright.
export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'electron/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
  },
});
