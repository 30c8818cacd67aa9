/**
 * Playwright end-to-end tests, run by vitest: a global setup builds the app in test mode,
 * serves it on localhost and exposes the URL; specs drive Debian Chromium via playwright-core.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/globalSetup.ts'],
    expect: { requireAssertions: true },
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/e2e.json' },
    testTimeout: 120000,
    hookTimeout: 180000,
    fileParallelism: false,
    pool: 'forks',
  },
});
