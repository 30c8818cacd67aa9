/**
 * A run's life in Chromium with the scripted test engine: visible clamping of a per-family count,
 * the design restored after a reload, a run that fails at once (every attempt of its first entry
 * fails, as offline) paused, cancelled and deleted with its answers, a finished run's dashboard
 * shown again after a reload without a click, and the Experiments view without sideways
 * scrolling at 1280×800, 390×844 and 640×400 (device scale 2, i.e. 200% zoom).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BUILT_IN_ITEMS } from '../../src/core/questions/bank';
import { hasBrowser, launchBrowser } from './browser';
import { readStores } from './pages';

const FAMILIES = ['factual', 'misconception', 'conspiracy', 'medical'] as const;
const DESIGN_NAME = 'Lifecycle design';
// Calls 1–3 fail: the first entry exhausts its three attempts and the run pauses at once.
const SCRIPT = JSON.stringify({ tokenDelayMs: 1, failOnCalls: [1, 2, 3], rules: [] });

async function status(page: Page): Promise<string> {
  return (await page.getByTestId('run-status').textContent()) ?? '';
}

async function waitForStatus(page: Page, word: string): Promise<void> {
  await page.waitForFunction(
    (w) => document.querySelector('[data-testid="run-status"]')?.textContent?.includes(w),
    word,
    { timeout: 30000, polling: 100 },
  );
}

/** The page width, and the innermost elements reaching past the viewport (to name a culprit). */
async function fitsWidth(
  page: Page,
): Promise<{ scrollWidth: number; innerWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter(
        (el) =>
          ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1),
      )
      .slice(0, 8)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`,
      );
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      wide,
    };
  });
}

describe.skipIf(!hasBrowser())('run lifecycle (scripted engine)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 2,
    });
    page = await context.newPage();
    await page.addInitScript((script) => {
      localStorage.setItem('warmth-lab:scripted', script);
    }, SCRIPT);
    await page.goto(`${baseUrl}?engine=scripted#/experiments`);
    await page.getByTestId('start-run').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("names each way the Quick demo departs from the paper's settings", async () => {
    expect(await page.getByTestId('paper-verdict').textContent()).toContain(
      'Differs from the paper',
    );
    const deviations = (await page.getByTestId('paper-deviations').textContent()) ?? '';
    expect(deviations).toContain('Fast mode: an answer-only instruction');
    expect(deviations).toContain("2 of the paper's 28 prompts per question");
    await page.getByTestId('preset-paper-small').click();
    await page.getByTestId('paper-verdict').filter({ hasText: 'Paper settings' }).waitFor();
    expect(await page.getByTestId('paper-deviations').count()).toBe(0);
    await page.getByTestId('preset-quick-demo').click();
    await page.getByTestId('paper-deviations').waitFor();
  });

  it('clamps 999 questions per family to what is available, and says so', async () => {
    const available = BUILT_IN_ITEMS.filter((item) => item.family === 'factual').length;
    const input = page.getByTestId('per-family-factual');
    await input.fill('999');
    await input.press('Tab');
    const note = page.getByTestId('clamped-factual');
    await note.waitFor();
    expect(await input.inputValue()).toBe(String(available));
    expect(await note.textContent()).toContain(
      `you asked for 999, ${available} available in the chosen sources`,
    );
  });

  it('restores the edited design after a reload', async () => {
    await page.getByTestId('design-name').fill(DESIGN_NAME);
    for (const family of FAMILIES) {
      const input = page.getByTestId(`per-family-${family}`);
      await input.fill('1');
      await input.press('Tab');
    }
    await page.getByTestId('plan-generations').filter({ hasText: /^16$/ }).waitFor();
    await page.waitForTimeout(600); // the design is saved 300 ms after the last edit
    await page.reload();
    await page.waitForFunction(
      (name) =>
        (document.querySelector('[data-testid="design-name"]') as HTMLInputElement | null)
          ?.value === name,
      DESIGN_NAME,
      { timeout: 10000 },
    );
    expect(await page.getByTestId('per-family-medical').inputValue()).toBe('1');
    // Quick demo: 4 questions × 2 framings × 2 arms.
    expect(await page.getByTestId('plan-generations').textContent()).toBe('16');
  });

  it('cancels and deletes a run that failed at once, with its answers', async () => {
    await page.getByTestId('start-run').click();
    await waitForStatus(page, 'paused');
    expect(await page.getByTestId('run-reason').textContent()).toContain('Scripted failure');
    await page.getByTestId('cancel-run').click();
    await waitForStatus(page, 'cancelled');
    const before = await readStores(page, ['runs']);
    expect(before.runs).toHaveLength(1);
    await page.getByTestId('past-runs').locator('summary').click();
    await page.getByTestId('delete-run').click();
    expect(await page.getByRole('alert').filter({ hasText: 'This cannot be undone' }).count()).toBe(
      1,
    );
    await page.getByTestId('confirm-delete').click();
    await page.getByTestId('run-panel').waitFor({ state: 'detached' });
    const after = await readStores(page, ['runs', 'results', 'planEntries']);
    expect(after).toEqual({ runs: [], results: [], planEntries: [] });
  });

  it('shows a finished run again after a reload, without a click', async () => {
    await page.getByTestId('start-run').click();
    await waitForStatus(page, 'done');
    const runs = (await readStores(page, ['runs'])).runs as { id: string }[];
    expect(runs).toHaveLength(1);
    const runId = runs[0]?.id;
    const time = page.getByTestId('plan-time');
    await time.filter({ hasText: 'measured in this browser' }).waitFor({ timeout: 5000 });
    expect(await time.textContent()).toMatch(/^\s*about \d+ s/);
    await page.reload();
    await page.getByTestId('run-panel').waitFor();
    await waitForStatus(page, 'done');
    expect(await status(page)).toContain('16/16 done');
    const stored = (await readStores(page, ['settings'])).settings as {
      key: string;
      value: unknown;
    }[];
    expect(stored.find((s) => s.key === 'experiments.openRunId')?.value).toBe(runId);
  });

  it.each([
    [1280, 800],
    [390, 844],
    [640, 400],
  ])('fits %i×%i (device scale 2) with no sideways scrolling', async (width, height) => {
    await page.setViewportSize({ width, height });
    await page.getByTestId('arms-note').locator('summary').click();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const { scrollWidth, innerWidth, wide } = await fitsWidth(page);
    await page.getByTestId('arms-note').locator('summary').click();
    expect(scrollWidth, `too wide: ${wide.join(' | ')}`).toBeLessThanOrEqual(innerWidth);
  });
});
