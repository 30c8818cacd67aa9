/**
 * One grading convention everywhere, in Chromium with the scripted-engine test build: a bundle
 * whose warm arm gives one warm non-answer (graded `incorrect` under `correct` when it was run)
 * is opened in Results; switching the app-wide convention to `truthful` re-counts it as correct
 * in the dashboard inside Results (warm error rate 1/3 → 0/3), the badges say "truthful", and
 * the Review view, opened next, shows the same convention, kept across a reload.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createBundle, serializeBundle } from '../../src/core/results';
import type { FactualItem, Grade, ResponseRecord } from '../../src/core/types';
import { hasBrowser, launchBrowser } from './browser';

const NON_ANSWER =
  "Oh, I really wish I could give you a definite answer! Honestly, I don't know, and it's hard to say for sure.";

function item(id: string, correct: string): FactualItem {
  return {
    id,
    family: 'factual',
    question: `What is the capital asked about in ${id}?`,
    correct,
    aliases: [],
    wrong: ['Nowhere'],
    source: { name: 'e2e', license: 'CC0' },
  };
}

const ITEMS = [item('i1', 'Paris'), item('i2', 'Rome'), item('i3', 'Oslo')];
const ARMS = ['base', 'warm'].map((role) => ({
  id: role,
  label: `${role} arm`,
  modelId: 'tiny-model',
  settings: { temperature: 0, maxTokens: 64 },
  role: role as 'base' | 'warm',
}));

/** [item, arm, output, outcome under `correct` as stored by the run]. */
const ANSWERS: [string, 'base' | 'warm', string, Grade['outcome']][] = [
  ['i1', 'base', 'Paris.', 'correct'],
  ['i1', 'warm', NON_ANSWER, 'incorrect'],
  ['i2', 'base', 'Rome.', 'correct'],
  ['i2', 'warm', 'It is Rome, my friend!', 'correct'],
  ['i3', 'base', 'Oslo.', 'correct'],
  ['i3', 'warm', 'Oslo, of course!', 'correct'],
];

function bundleText(): string {
  const records: ResponseRecord[] = ANSWERS.map(([itemId, role, output, outcome], planIndex) => ({
    runId: 'run-convention',
    planIndex,
    armId: role,
    armRole: role,
    modelId: 'tiny-model',
    itemId,
    family: 'factual',
    condition: { context: 'none', belief: 'none' },
    sample: 0,
    prompt: { text: `What is the capital asked about in ${itemId}?`, variantIds: {} },
    output,
    finishReason: 'stop',
    grades: [
      {
        outcome,
        grader: 'rule:factual@2',
        reason: 'e2e',
        convention: 'correct',
        confidence: 'high',
      },
    ],
    usage: { promptTokens: 5, completionTokens: 3 },
    elapsedMs: 10,
    createdAt: '2025-06-01T10:00:00.000Z',
  }));
  const run = {
    id: 'run-convention',
    name: 'convention run',
    status: 'done' as const,
    planSize: records.length,
    createdAt: '2025-06-01T09:00:00.000Z',
    updatedAt: '2025-06-01T11:00:00.000Z',
  };
  const made = createBundle({
    run,
    arms: ARMS,
    items: ITEMS,
    records,
    appVersion: '0.1.0',
    device: { label: 'Laptop' },
  });
  return serializeBundle(made);
}

describe.skipIf(!hasBrowser())('one grading convention in every view (Chromium)', () => {
  let browser: Browser;
  let page: Page;
  const text = async (testId: string): Promise<string> =>
    ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  /** The dashboard's error-rate table, one line per row. */
  const rateRows = async (): Promise<string[]> =>
    (await page.getByTestId('error-rate-table').locator('tbody tr').allTextContents()).map((row) =>
      row.replace(/\s+/g, ' ').trim(),
    );

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switching to truthful turns the warm non-answer correct in the dashboard', async () => {
    await page.goto(`${inject('baseUrl')}?engine=scripted#/results`);
    await page.getByTestId('results-view').waitFor();
    await page.getByTestId('import-files').setInputFiles({
      name: 'run.json',
      mimeType: 'application/json',
      buffer: Buffer.from(bundleText(), 'utf8'),
    });
    await page.getByTestId('results-convention').filter({ hasText: 'correct' }).waitFor();
    await page.getByText('Dashboard of these answers').click();
    await page.getByTestId('error-rate-table').waitFor();
    // Cells: family, arm, wrong, n, error rate [Wilson 95%], refusals.
    expect(await rateRows()).toEqual([
      'Factual (TriviaQA)base arm030.0%[0.0%, 56.1%]0Show answers',
      'Factual (TriviaQA)warm arm1333.3%[6.1%, 79.2%]0Show answers',
    ]);
    expect(await text('convention-badge')).toBe('convention: correct');

    await page.getByTestId('convention-switch').first().selectOption('truthful');
    await page.getByTestId('results-convention').filter({ hasText: 'truthful' }).waitFor();
    await expect.poll(async () => (await rateRows()).join(' | ')).not.toMatch(/33\.3/);
    expect(await rateRows()).toEqual([
      'Factual (TriviaQA)base arm030.0%[0.0%, 56.1%]0Show answers',
      'Factual (TriviaQA)warm arm030.0%[0.0%, 56.1%]0Show answers',
    ]);
    expect(await text('convention-badge')).toBe('convention: truthful');
    expect(await text('results-convention')).toBe('convention: truthful');
  });

  it('Review shows the same convention, kept across a reload', async () => {
    await page.goto(`${inject('baseUrl')}?engine=scripted#/review`);
    await page.getByTestId('review-view').waitFor();
    await page.getByTestId('review-convention-badge').filter({ hasText: 'truthful' }).waitFor();
    expect(await page.getByTestId('review-convention').inputValue()).toBe('truthful');
    await page.reload();
    await page.getByTestId('review-convention-badge').filter({ hasText: 'truthful' }).waitFor();
    expect(await text('review-convention-badge')).toBe('convention: truthful');
  });

  it('the switch and badges fit at 1280x800, 390x844 and 640x400 (device scale 2)', async () => {
    const sizes = [
      [1280, 800],
      [390, 844],
      [640, 400],
    ] as const;
    const overflow: string[] = [];
    for (const [width, height] of sizes) {
      const context = await browser.newContext({
        viewport: { width, height },
        deviceScaleFactor: 2,
      });
      const small = await context.newPage();
      for (const [view, badge] of [
        ['results', 'results-convention'],
        ['review', 'review-convention-badge'],
      ] as const) {
        await small.goto(`${inject('baseUrl')}?engine=scripted#/${view}`);
        await small.getByTestId(`${view}-view`).waitFor();
        await small.getByTestId(badge).waitFor();
        const fits = await small.evaluate(
          () => document.documentElement.scrollWidth <= window.innerWidth,
        );
        if (!fits) overflow.push(`${view} at ${width}x${height}`);
      }
      await context.close();
    }
    expect(overflow).toEqual([]);
  });
});
