import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, renderHeadersFile } from '../../src/build/csp';
import viteConfig from '../../vite.config';

describe('the Content-Security-Policy beyond the meta tag (it does not govern workers)', () => {
  it('ships the same policy as public/_headers for static hosts', () => {
    const path = new URL('../../public/_headers', import.meta.url);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(renderHeadersFile());
    expect(renderHeadersFile()).toContain(
      `/*\n  Content-Security-Policy: ${buildContentSecurityPolicy()}\n`,
    );
  });

  it('sends it as a response header from vite preview', () => {
    const config =
      typeof viteConfig === 'function'
        ? viteConfig({ mode: 'production', command: 'serve' })
        : viteConfig;
    expect(config.preview?.headers?.['Content-Security-Policy']).toBe(buildContentSecurityPolicy());
  });
});
