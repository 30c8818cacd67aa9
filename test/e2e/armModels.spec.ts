/**
 * An arm on other weights (e.g. a warm fine-tune): the warm arm is given another catalog model,
 * the run loads the models one after the other (phases), and every stored warm answer names it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ResponseRecord } from '../../src/core/types';
import { hasBrowser, launchBrowser } from './browser';
import { readStores } from './pages';

const OTHER_MODEL = 'SmolLM2-360M-Instruct-q4f32_1-MLC';

describe.skipIf(!hasBrowser())('arms on different weights', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: true });
    page = await browser.newPage();
    await page.addInitScript(() =>
      localStorage.setItem('warmth-lab:scripted', JSON.stringify({ tokenDelayMs: 0, rules: [] })),
    );
    await page.goto(`${inject('baseUrl')}?engine=scripted#/experiments`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the warm arm on its own model, in its own phase', async () => {
    await page.getByTestId('preset-quick-demo').click();
    for (const family of ['factual', 'misconception', 'conspiracy', 'medical']) {
      await page.getByTestId(`per-family-${family}`).fill('1');
      await page.getByTestId(`per-family-${family}`).press('Tab');
    }
    const select = page.getByTestId('arm-model-warm');
    await select
      .locator(`option[value="${OTHER_MODEL}"]`)
      .waitFor({ state: 'attached', timeout: 60000 });
    await select.selectOption(OTHER_MODEL);
    await page.getByTestId('plan-generations').filter({ hasText: '16' }).waitFor();
    await page.getByTestId('start-run').click();
    await page.getByTestId('run-status').filter({ hasText: 'Status: done' }).waitFor();

    const stored = await readStores(page, ['results']);
    const results = stored.results as ResponseRecord[];
    const warm = results.filter((r) => r.armId === 'warm');
    const base = results.filter((r) => r.armId === 'base');
    expect(warm).toHaveLength(8);
    expect(base).toHaveLength(8);
    expect(new Set(warm.map((r) => r.modelId))).toEqual(new Set([OTHER_MODEL]));
    expect(base.every((r) => r.modelId !== OTHER_MODEL)).toBe(true);
    const lastBase = Math.max(...base.map((r) => Date.parse(r.createdAt)));
    const firstWarm = Math.min(...warm.map((r) => Date.parse(r.createdAt)));
    expect(firstWarm).toBeGreaterThanOrEqual(lastBase);
  });
});
