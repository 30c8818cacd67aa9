/**
 * The scripted test engine exists only in test builds: a production build must not contain it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';

function readAllText(dir: string): { name: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|html|css)$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { name: path, text: readFileSync(path, 'utf8') };
    });
}

describe('production build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'warmth-lab-dist-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('contains no trace of the scripted engine but does contain the app', async () => {
    await build({ mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const files = readAllText(outDir);
    expect(files.some((f) => f.text.includes('Warmth Lab'))).toBe(true);
    const leaks = files.filter((f) =>
      /scripted test engine|ScriptedEngine|scriptedEngine/.test(f.text),
    );
    expect(leaks.map((f) => f.name)).toEqual([]);
  });

  it('ships a Content-Security-Policy and a service worker', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html.replaceAll('&#39;', "'")).toContain("script-src 'self' 'wasm-unsafe-eval'");
    const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
    expect(sw).toContain('url:"index.html"');
  });

  it('precaches every emitted file of the app shell and caches nothing at run time', () => {
    const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
    const precached = new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]));
    // `_headers` is the static host's response-header file (CSP for workers), not app content.
    const notShell = new Set(['sw.js', '_headers']);
    const emitted = readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter(
        (entry) => entry.isFile() && !notShell.has(entry.name) && !entry.name.endsWith('.map'),
      )
      .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).replaceAll('\\', '/'));
    expect(emitted.filter((file) => !precached.has(file))).toEqual([]);
    expect(emitted.length).toBeGreaterThan(10);
    // Model weights stay with web-llm's own Cache Storage: no runtime route, no model host.
    expect(sw).not.toMatch(
      /huggingface|mlc\.ai|registerRoute\(\/|StaleWhileRevalidate|CacheFirst\(/,
    );
    // A new version waits for the user's "reload" (no skipWaiting on install).
    expect(sw).toContain('SKIP_WAITING');
    expect(sw.split('skipWaiting()').length - 1).toBe(1);
  });
});
