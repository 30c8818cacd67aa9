/**
 * Without WebGPU the app still opens, explains why models cannot run here, points to what works
 * instead (offline routes beside "Ask both arms", no empty model panel), and the playground still
 * composes prompts (everything that needs no model keeps working).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './browser';
import { newPageWithoutWebGpu } from './pages';

describe.skipIf(!hasBrowser())('no WebGPU', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
    page = await newPageWithoutWebGpu(browser);
    await page.goto(`${inject('baseUrl')}#/playground`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('explains that models cannot run and why', async () => {
    const status = page.getByTestId('capability-status');
    await status.waitFor();
    expect(await status.textContent()).toBe('Models cannot run in this browser.');
    const panel = (await page.getByTestId('capability-panel').textContent()) ?? '';
    expect(panel).toMatch(/WebGPU/);
    expect(panel).toMatch(/Chrome|Edge/);
    expect(await page.getByTestId('no-webgpu-note').textContent()).toContain('question bank');
    expect(await page.getByTestId('load-model').count()).toBe(0);
  });

  it('shows no empty model panel and offers the offline routes beside "Ask both arms"', async () => {
    expect(await page.locator('#model-heading').count()).toBe(0);
    expect(await page.getByTestId('capability-panel').textContent()).not.toContain('model panel');
    const ask = page.locator('section.ask');
    expect(await ask.getByTestId('ask-hint').textContent()).toContain(
      'Models cannot run in this browser, so the question cannot be asked here.',
    );
    const hrefs = await ask
      .getByTestId('offline-routes')
      .locator('a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['#/models', '#/models', '#/results']);
    expect(await ask.getByTestId('run-comparison').getAttribute('aria-disabled')).toBe('true');
  });

  it('still composes the framed prompt when the framing changes', async () => {
    const prompt = page.getByTestId('composed-prompt');
    const sad = (await prompt.textContent()) ?? '';
    expect(sad.length).toBeGreaterThan(20);
    await page.getByLabel('Context').selectOption('none');
    await page.getByLabel('User belief').selectOption('none');
    const plain = (await prompt.textContent()) ?? '';
    expect(plain.length).toBeLessThan(sad.length);
    expect(sad).toContain(plain.trim().split(' ').slice(0, 3).join(' '));
  });
});
