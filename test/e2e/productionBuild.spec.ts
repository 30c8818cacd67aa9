/**
 * The scripted test engine exists only in test builds: a production build must not contain it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    expect(sw).toContain('./index.html');
  });
});
