/**
 * The answer-first summary in a real browser: importing the paper authors' Qwen-32B sample shows
 * the headline sentence with its interval above the fold at 1280×800, with the grading band and
 * the unsure-verdict counts; Results (every detail opened) and the dashboard after a scripted run
 * never scroll sideways at 1280×800, 390×844 and 640×400 (200% zoom), device scale 2.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BUILT_IN_ITEMS } from '../../src/core/questions/bank';
import type { Item } from '../../src/core/types';
import { hasBrowser, launchBrowser } from './browser';

const QWEN = path.resolve('../shared/fixtures/paper-sample-outputs/qwen32b-outputs-long.csv');
const hasQwen = existsSync(QWEN);
if (!hasQwen) console.warn('resultsLayout: qwen32b sample skipped (../shared/fixtures not found)');

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run()).violations;
  })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
  { width: 640, height: 400 },
] as const;

/**
 * Widths at each size, as [viewport width, scrollWidth, available width]: of the page, or of
 * the element with `testId` (its content must not overflow it, and it must fit the viewport).
 */
async function widthsAtSizes(page: Page, testId?: string): Promise<[number, number, number][]> {
  const widths: [number, number, number][] = [];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // Two frames so layout (and any chart resize) has settled.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const [scroll, inner] = await page.evaluate((id) => {
      if (!id) return [document.documentElement.scrollWidth, window.innerWidth];
      const element = document.querySelector(`[data-testid="${id}"]`) as HTMLElement;
      return [element.scrollWidth, element.clientWidth];
    }, testId);
    widths.push([size.width, scroll, inner]);
  }
  return widths;
}

/**
 * The exported error-rate PNG is the chart plus a caption band above it (title, run name, date):
 * as wide as the chart's canvas and taller than it.
 */
async function expectCaptionedPng(page: Page): Promise<void> {
  const canvas = page.getByTestId('chart-error-rate');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('div.chart').filter({ has: canvas }).locator('button.png').click(),
  ]);
  const png = readFileSync((await download.path()) as string);
  // PNG signature (8 bytes), IHDR length and type (8), then width and height (big-endian).
  const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  const drawn = await canvas.evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }));
  expect(download.suggestedFilename()).toBe('error-rate.png');
  expect(size.width).toBe(drawn.w);
  expect(size.height).toBeGreaterThan(drawn.h);
}

/** Opens every collapsed detail (the widest state a page can be in). */
async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}

function expectNoSidewaysScroll(widths: [number, number, number][]): void {
  for (const [size, scroll, inner] of widths) {
    expect({ size, fits: scroll <= inner, scroll, inner }).toEqual({
      size,
      fits: true,
      scroll,
      inner,
    });
  }
}

/** Every base/warm pair answered right, except every third item, which the warm persona misses. */
function createScript(): string {
  const rules = BUILT_IN_ITEMS.flatMap((item: Item, index) => {
    const user = item.question.replace(/\s+/g, ' ').trim();
    const right =
      item.family === 'conspiracy'
        ? `${item.isYesTrue ? 'Yes' : 'No'}. ${item.trueStatement}`
        : `${item.correct}.`;
    const wrong =
      item.family === 'conspiracy'
        ? `${item.isYesTrue ? 'No' : 'Yes'}. ${item.falseStatement}`
        : `${item.wrong[0] ?? 'Something else'}.`;
    const rightRule = { user, reply: right };
    return index % 3 === 0
      ? [{ system: 'kind, caring companion', user, reply: wrong }, rightRule]
      : [rightRule];
  });
  return JSON.stringify({ tokenDelayMs: 0, rules });
}

describe.skipIf(!hasBrowser())('answer-first results and layouts that fit', () => {
  let browser: Browser;
  let context: BrowserContext;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 2,
      // axe is injected as an inline script, which the app's CSP rightly forbids.
      bypassCSP: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.skipIf(!hasQwen)(
    'shows the headline with its interval above the fold after importing the Qwen sample',
    async () => {
      const page = await context.newPage();
      await page.goto(`${baseUrl}#/results`);
      await page.getByTestId('import-files').setInputFiles(QWEN);
      const sentence = page.getByTestId('headline-sentence');
      await sentence.waitFor();
      expect(await sentence.textContent()).toBe(
        'Warm arm: +7.6 pp more errors than base (95% CI −0.3 to +15.4 pp; 66 pairs over 64 questions; p = 0.059)',
      );
      const box = await sentence.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(800);
      // The file's verdicts are the paper's judge labels: no unsure verdicts, so the band is a point.
      expect(await page.getByTestId('low-confidence').textContent()).toBe(
        'Unsure (low-confidence) verdicts: base 0 of 66, warm 0 of 66.',
      );
      expect(await page.getByTestId('grading-band').textContent()).toContain(
        'Grading band: none (no unsure verdicts; the effect stays +7.6 pp)',
      );
      await openAllDetails(page);
      await page.getByTestId('mcnemar').waitFor();
      expectNoSidewaysScroll(await widthsAtSizes(page));
      // Every panel open, at 640 px (200% zoom): no serious or critical axe violation either.
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it('shows the headline on the dashboard after a scripted run, and the dashboard fits', async () => {
    const page = await context.newPage();
    await page.addInitScript((script) => {
      localStorage.setItem('warmth-lab:scripted', script);
    }, createScript());
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${baseUrl}?engine=scripted#/experiments`);
    await page.getByTestId('preset-quick-demo').click();
    for (const family of ['factual', 'misconception', 'conspiracy', 'medical']) {
      const input = page.getByTestId(`per-family-${family}`);
      await input.fill('6');
      await input.press('Tab');
    }
    await page.getByTestId('start-run').click();
    await page
      .getByTestId('run-status')
      .filter({ hasText: 'Status: done' })
      .waitFor({ timeout: 60000 });
    const headline = page.getByTestId('dashboard-headline').getByTestId('headline-sentence');
    // 6 items × 4 families × 2 framings; the dashboard catches up within its throttle.
    await expect
      .poll(() => headline.textContent(), { timeout: 10000 })
      .toMatch(
        /^Warm arm: \+\d+\.\d pp more errors than base \(95% CI .+ to .+ pp; 48 pairs over 24 questions; p (=|<) /,
      );
    expect(
      await page.getByTestId('dashboard-headline').getByTestId('low-confidence').textContent(),
    ).toMatch(/^Unsure \(low-confidence\) verdicts: base \d+ of \d+, warm \d+ of \d+\.$/);
    await expectCaptionedPng(page);
    await openAllDetails(page);
    // Nothing in the dashboard is wider than the dashboard at any size. (The page as a whole
    // also depends on the Experiments view's own columns, checked by the all-views layout test.)
    expectNoSidewaysScroll(await widthsAtSizes(page, 'dashboard'));
    // Results shows the same dashboard for imported answers: there the whole page must fit.
    await page.goto(`${baseUrl}#/results`);
    await page.getByTestId('run-choice').first().check();
    await page.getByTestId('analyse-runs').click();
    const resultsHeadline = page.getByTestId('headline').getByTestId('headline-sentence');
    await resultsHeadline.waitFor();
    // Results and the dashboard count the same pairs the same way.
    expect(await resultsHeadline.textContent()).toBe(await headline.textContent());
    await page.locator('details:has([data-testid="dashboard"]) > summary').click();
    await page.getByTestId('dashboard').getByTestId('dashboard-headline').waitFor();
    await openAllDetails(page);
    expectNoSidewaysScroll(await widthsAtSizes(page));
    await page.close();
  });
});
