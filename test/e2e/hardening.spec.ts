/**
 * Privacy and offline: during a scripted comparison no request leaves the app's own origin; after
 * one visit the service worker lets the app open and run with the network off.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './browser';

async function runComparison(page: Page): Promise<void> {
  await page.getByTestId('load-model').click();
  await page.getByTestId('model-ready').waitFor();
  await page.getByTestId('run-comparison').click();
  await page.getByTestId('stats-warm').filter({ hasText: 's' }).waitFor();
}

describe.skipIf(!hasBrowser())('privacy and offline', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const baseUrl = inject('baseUrl');
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: true });
    context = await browser.newContext();
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
    await page.goto(`${baseUrl}?engine=scripted#/playground`);
    await page.getByTestId('model-picker').waitFor({ timeout: 60000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends every request of a scripted run to its own origin only', async () => {
    await runComparison(page);
    const origin = new URL(baseUrl).origin;
    const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
    expect(requests.length).toBeGreaterThan(3);
    expect(foreign).toEqual([]);
  });

  it('opens and runs with the network off after one visit', async () => {
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.reload();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByTestId('capability-panel').waitFor();
      expect(await page.getByTestId('composed-prompt').textContent()).toMatch(/\S/);
      await runComparison(page);
      expect(((await page.getByTestId('answer-base').textContent()) ?? '').length).toBeGreaterThan(
        0,
      );
    } finally {
      await context.setOffline(false);
    }
  });
});
