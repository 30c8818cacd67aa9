/**
 * Builds the app in test mode (scripted engine compiled in) and serves it on localhost for the
 * Playwright specs. The URL reaches specs through vitest's `provide`/`inject`.
 */
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await build({
    mode: 'test',
    logLevel: 'warn',
    build: { outDir: 'dist-test', emptyOutDir: true },
  });
  server = await preview({
    mode: 'test',
    logLevel: 'warn',
    build: { outDir: 'dist-test' },
    preview: { port: 4317, strictPort: false, host: 'localhost' },
  });
  const address = server.resolvedUrls?.local[0] ?? 'http://localhost:4317/';
  project.provide('baseUrl', address);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
