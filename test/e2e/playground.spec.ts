/**
 * Playground flow in real Chromium with a SwiftShader WebGPU adapter and the scripted test engine:
 * capability panel, f32 model pick, a streamed base/warm comparison, history after reload, and
 * model output rendered as text.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './browser';

const HOSTILE = '<img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script>';
const SCRIPT = {
  tokenDelayMs: 5,
  rules: [
    { system: 'kind, caring companion', reply: `Oh, I hear you. ${HOSTILE} warm reply.` },
    { user: '', reply: 'The capital of Australia is Canberra. base reply.' },
  ],
};

describe.skipIf(!hasBrowser())('playground (WebGPU via SwiftShader, scripted engine)', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: true });
    page = await browser.newPage();
    await page.addInitScript((script) => {
      localStorage.setItem('warmth-lab:scripted', script);
    }, JSON.stringify(SCRIPT));
    await page.goto(`${baseUrl}?engine=scripted#/playground`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reports the real SwiftShader adapter without shader-f16 and picks a q4f32_1 build', async () => {
    await page.getByTestId('adapter-label').waitFor();
    const adapter = (await page.getByTestId('adapter-label').textContent()) ?? '';
    expect(adapter.toLowerCase()).toMatch(/google|swiftshader/);
    expect(await page.getByTestId('f16-status').textContent()).toContain('No shader-f16 support');
    const picker = page.getByTestId('model-picker');
    await picker.waitFor({ timeout: 60000 });
    const selected = await picker.inputValue();
    expect(selected).toMatch(/^(Qwen2\.5-0\.5B|SmolLM2-360M)-Instruct-q4f32_1-MLC$/);
    const options = await picker.locator('option').evaluateAll((els) =>
      els.map((el) => ({
        id: (el as HTMLOptionElement).value,
        isDisabled: (el as HTMLOptionElement).disabled,
      })),
    );
    expect(options.length).toBeGreaterThan(8);
    const f16 = options.filter((o) => o.id.includes('q4f16'));
    expect(f16.length).toBeGreaterThan(0);
    expect(f16.every((o) => o.isDisabled)).toBe(true);
    expect(await page.getByTestId('scripted-label').textContent()).toContain(
      'scripted test engine',
    );
  });

  it('streams two answers side by side and renders hostile output as text', async () => {
    await page.getByTestId('load-model').click();
    await page.getByTestId('model-ready').waitFor();
    expect(await page.getByTestId('composed-prompt').textContent()).toMatch(/\S/);
    await page.getByTestId('run-comparison').click();
    await page.getByTestId('stats-warm').filter({ hasText: 's' }).waitFor();
    expect(await page.getByTestId('answer-base').textContent()).toBe(
      'The capital of Australia is Canberra. base reply.',
    );
    const warm = (await page.getByTestId('answer-warm').textContent()) ?? '';
    expect(warm).toContain(HOSTILE);
    expect(await page.locator('[data-testid="answer-warm"] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('keeps the comparison in the history after a reload', async () => {
    await page.reload();
    const item = page.getByTestId('history-item').first();
    await item.waitFor();
    expect(await page.getByTestId('history-item').count()).toBe(1);
    expect(await item.textContent()).toContain('scripted-test-model');
  });

  it('asks both arms with Ctrl+Enter from the keyboard', async () => {
    await page.getByTestId('model-ready').or(page.getByTestId('load-model')).first().waitFor();
    if ((await page.getByTestId('model-ready').count()) === 0) {
      await page.getByTestId('load-model').click();
      await page.getByTestId('model-ready').waitFor();
    }
    await page.getByLabel('Context').selectOption('none');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('stats-warm').filter({ hasText: 's' }).waitFor();
    await page.getByTestId('history-item').nth(1).waitFor();
    expect(await page.getByTestId('history-item').count()).toBe(2);
    expect(await page.getByTestId('answer-base').textContent()).toBe(
      'The capital of Australia is Canberra. base reply.',
    );
  });
});
