/**
 * Vite + Vitest configuration.
 *
 * `--mode test` compiles the scripted test engine in (`__SCRIPTED_ENGINE__`); every other mode
 * defines it false so the bundler drops the scripted engine entirely (checked by a test on dist/).
 * Builds also get a Content-Security-Policy meta tag and an offline service worker (Workbox, via
 * vite-plugin-pwa: see src/build/pwa.ts).
 */
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { buildContentSecurityPolicy, contentSecurityPolicyPlugin } from './src/build/csp.ts';
import { offlineShellPlugin } from './src/build/pwa.ts';

export default defineConfig(({ mode, command }) => ({
  plugins: [svelte(), contentSecurityPolicyPlugin(), ...offlineShellPlugin()],
  define: {
    __SCRIPTED_ENGINE__: JSON.stringify(mode === 'test'),
    // NODE_ENV-independent: vitest builds the e2e bundle with NODE_ENV=test.
    __IS_BUILT_APP__: JSON.stringify(command === 'build'),
    __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.1.0'),
  },
  worker: { format: 'es' },
  // The meta tag does not govern workers: `vite preview` also sends the policy as a header.
  preview: { headers: { 'Content-Security-Policy': buildContentSecurityPolicy() } },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    expect: { requireAssertions: true },
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
    testTimeout: 20000,
    pool: 'forks',
  },
}));
