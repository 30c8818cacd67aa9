/**
 * Untrusted text renders inert everywhere: model output full of markup, script URLs, SVG payloads,
 * a very long line and a right-to-left override goes through the playground, its history, an
 * experiment run with its dashboard, and the review queue without creating a single element or
 * running a single script.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './browser';

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<a href="javascript:window.__pwned = 3">click me</a>',
  '<svg onload="window.__pwned = 4"><circle r="5"/></svg>',
  '"><iframe srcdoc="<script>parent.__pwned = 5</script>"></iframe>',
  '\u202Egnp.exe',
  '=HYPERLINK("http://example.invalid")',
  `long:${'x'.repeat(20000)}`,
].join(' ');

const SCRIPT = JSON.stringify({ tokenDelayMs: 0, rules: [{ user: '', reply: HOSTILE }] });

/** Elements or side effects the hostile text would create if it were rendered as HTML. */
async function injectedTraces(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => ({
    pwned: (window as { __pwned?: number }).__pwned ?? null,
    images: document.querySelectorAll('img[src="x"]').length,
    iframes: document.querySelectorAll('iframe').length,
    scriptLinks: document.querySelectorAll('a[href^="javascript:"]').length,
    svgHandlers: document.querySelectorAll('svg[onload]').length,
    inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
  }));
}

const CLEAN = {
  pwned: null,
  images: 0,
  iframes: 0,
  scriptLinks: 0,
  svgHandlers: 0,
  inlineScripts: 0,
};

describe.skipIf(!hasBrowser())('hostile text stays text', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
    page = await browser.newPage();
    await page.addInitScript(
      (script) => localStorage.setItem('warmth-lab:scripted', script),
      SCRIPT,
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('in the playground answers and the history', async () => {
    await page.goto(`${baseUrl}?engine=scripted#/playground`);
    await page.getByTestId('load-model').click();
    await page.getByTestId('model-ready').waitFor();
    await page.getByTestId('run-comparison').click();
    await page.getByTestId('stats-warm').filter({ hasText: 's' }).waitFor();
    expect(await page.getByTestId('answer-warm').textContent()).toBe(HOSTILE);
    await page.reload();
    await page.getByTestId('history-item').first().locator('summary').click();
    expect(await page.getByTestId('history').textContent()).toContain('<svg onload=');
    expect(await injectedTraces(page)).toEqual(CLEAN);
  });

  it('in an experiment run, its dashboard and the review queue', async () => {
    await page.goto(`${baseUrl}?engine=scripted#/experiments`);
    await page.getByTestId('preset-quick-demo').click();
    for (const family of ['factual', 'misconception', 'conspiracy', 'medical']) {
      await page.getByTestId(`per-family-${family}`).fill('1');
      await page.getByTestId(`per-family-${family}`).press('Tab');
    }
    await page.getByTestId('plan-generations').filter({ hasText: '16' }).waitFor();
    await page.getByTestId('start-run').click();
    await page.getByTestId('run-status').filter({ hasText: 'Status: done' }).waitFor();
    await page.getByTestId('dashboard').waitFor();
    expect(await injectedTraces(page)).toEqual(CLEAN);

    await page.goto(`${baseUrl}?engine=scripted#/review`);
    await page.locator('#panel-review').waitFor();
    await page.waitForFunction((text) => document.body.textContent?.includes(text), '<svg onload=');
    expect(await injectedTraces(page)).toEqual(CLEAN);
  });
});
