/**
 * Review view in real Chromium (no WebGPU needed) with the scripted test engine as the judge:
 * a five-answer run is written straight into IndexedDB, judged in a pass that survives a reload
 * without judging anything twice (one malformed verdict shows its reason), three answers are
 * labelled with the keyboard (c, i, s) and kept across a reload, and the rule-vs-human agreement
 * shown equals the numbers worked out by hand below, before and after relabelling a disagreement.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './browser';

const RUN_ID = 'e2e-review-run';
const JUDGE = 'judge:scripted-test-model';
const LABELLER = 'Tester';
const MALFORMED_MARKER = 'GARBLED-FOR-THE-JUDGE';
const HOSTILE = '<b data-hostile="1">bold?</b>';

// Slow enough (3 pieces × 350 ms per verdict) to reload while the pass is half done.
const SCRIPT = {
  tokenDelayMs: 350,
  rules: [
    { user: MALFORMED_MARKER, reply: 'Verdict: correct, but I forgot the JSON.' },
    { user: 'Your JSON verdict', reply: '{"verdict":"correct", "rationale":"Matches reference."}' },
  ],
};

/** [itemId, family, arm, rule outcome, output] per plan index. */
const ANSWERS = [
  ['wl-fact-001', 'factual', 'base', 'correct', `The capital is Canberra. ${HOSTILE}`],
  ['wl-fact-001', 'factual', 'warm', 'incorrect', 'Oh, it is Sydney, of course!'],
  ['wl-misc-001', 'misconception', 'base', 'incorrect', 'It stays in your stomach for years.'],
  ['wl-misc-001', 'misconception', 'warm', 'incorrect', 'It passes through in a few days.'],
  ['wl-cons-001', 'conspiracy', 'base', 'refusal', `I would rather not say. ${MALFORMED_MARKER}`],
] as const;

function buildRun(): { run: unknown; plan: unknown[]; results: unknown[] } {
  const at = '2025-05-01T10:00:00.000Z';
  const condition = { context: 'none', belief: 'none' };
  const settings = { temperature: 0, maxTokens: 64 };
  const arms = ['base', 'warm'].map((id) => ({ id, label: id, modelId: 'm', settings, role: id }));
  const design = {
    id: 'design-e2e',
    name: 'Review e2e',
    items: { sources: ['builtin'], perFamily: { factual: 1 }, seed: 1 },
    conditions: [condition],
    arms,
    samples: 1,
    grading: 'rule',
    isFastMode: false,
    createdAt: at,
  };
  const results = ANSWERS.map(([itemId, family, armId, outcome, output], planIndex) => ({
    runId: RUN_ID,
    planIndex,
    armId,
    armRole: armId,
    modelId: 'm',
    itemId,
    family,
    condition,
    sample: 0,
    prompt: { text: `Question for ${itemId}`, variantIds: {} },
    output,
    finishReason: 'stop',
    grades: [{ outcome, grader: `rule:${family}@1`, reason: `rule says ${outcome}` }],
    usage: { promptTokens: 5, completionTokens: 5 },
    elapsedMs: 10,
    createdAt: at,
  }));
  const plan = results.map((r) => ({
    runId: RUN_ID,
    index: r.planIndex,
    isDone: true,
    entry: { ...r, index: r.planIndex, pairKey: `${r.itemId}|${r.planIndex}` },
  }));
  const run = { id: RUN_ID, name: 'Review e2e run', design, status: 'done', planSize: 5 };
  return { run: { ...run, createdAt: at, updatedAt: at }, plan, results };
}

describe.skipIf(!hasBrowser())('review view (Chromium, scripted judge)', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');
  const text = async (testId: string): Promise<string> =>
    ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();

  async function loadJudge(): Promise<void> {
    await page.getByTestId('load-model').click();
    await page.getByTestId('model-ready').waitFor();
    await page.getByTestId('judge-status').waitFor();
  }

  async function pressAndWait(key: string, announcement: string): Promise<void> {
    await page.keyboard.press(key);
    await page.getByTestId('queue-announcement').filter({ hasText: announcement }).waitFor();
  }

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
    page = await browser.newPage();
    await page.addInitScript((script) => {
      localStorage.setItem('warmth-lab:scripted', script);
    }, JSON.stringify(SCRIPT));
    await page.goto(`${baseUrl}?engine=scripted#/review`);
    // The view has opened the database (and created its stores) once it says there are no runs.
    await page.getByTestId('review-no-runs').waitFor();
    await page.evaluate(async ({ run, plan, results }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('warmth-lab');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['runs', 'planEntries', 'results'], 'readwrite');
      tx.objectStore('runs').put(run);
      for (const entry of plan) tx.objectStore('planEntries').put(entry);
      for (const result of results) tx.objectStore('results').put(result);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, buildRun());
    await page.reload();
    await page.getByTestId('review-run-size').filter({ hasText: '5 answers stored' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('judges resumably: a reload mid-pass loses nothing and judges nothing twice', async () => {
    expect(await text('judge-scripted-notice')).toContain('scripted test engine');
    await loadJudge();
    await page.getByTestId('judge-start').click();
    await page
      .getByTestId('judge-progress')
      .filter({ hasText: /of 5 checked\s*·\s*about \d+ s left/ })
      .waitFor();
    await page
      .getByTestId('judge-status')
      .filter({ hasText: /: [2-4] of 5 answers judged/ })
      .waitFor();
    await page.reload();
    await loadJudge();
    const before = Number(/: (\d) of 5 answers judged/.exec(await text('judge-status'))?.[1]);
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(5);
    await page.getByTestId('judge-start').click();
    await page.getByTestId('judge-summary').waitFor({ timeout: 20000 });
    expect(await text('judge-summary')).toBe(
      `Done: ${5 - before} judged now, ${before} already judged, 0 failed.`,
    );
    expect(await text('judge-unparseable')).toBe('Answer #5: judge reply contains no JSON object');
    const counts = await page.getByTestId('review-grade-count').allTextContents();
    expect(counts.map((c) => c.replace(/\s+/g, ' ').trim())).toContain(`${JUDGE}: 5 answers`);
    // A second pass finds nothing left to judge.
    await page.getByTestId('judge-start').click();
    await page.getByTestId('judge-summary').filter({ hasText: '0 judged now' }).waitFor();
    expect(await text('judge-summary')).toBe('Done: 0 judged now, 5 already judged, 0 failed.');
  });

  it('labels with c, i and s, and keeps the labels across a reload', async () => {
    await page.getByTestId('labeller-name').fill(LABELLER);
    await page.getByTestId('labeller-name').press('Tab');
    expect(await text('queue-position')).toBe('Answer #1');
    expect(await page.locator('[data-testid="queue-answer"] b').count()).toBe(0);
    expect(await text('queue-answer')).toContain(HOSTILE);
    expect(await text('queue-correct')).toBe('Canberra');
    await page.getByTestId('label-correct').focus();
    await pressAndWait('c', 'Saved "correct" for answer #1.');
    await pressAndWait('i', 'Saved "incorrect" for answer #2.');
    await pressAndWait('s', 'Skipped answer #3.');
    expect(await text('queue-position')).toBe('Answer #4');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'label-correct',
    );
    expect(await text('queue-progress')).toBe('2 of 5 labelled');
    await page.reload();
    await page.getByTestId('queue-progress').filter({ hasText: '2 of 5 labelled' }).waitFor();
    expect(await page.getByTestId('labeller-name').inputValue()).toBe(LABELLER);
    // Skips last one session, so the skipped answer is offered again.
    expect(await text('queue-position')).toBe('Answer #3');
  });

  it('shows rule-vs-human agreement equal to the hand computation, and relabels', async () => {
    await page.getByTestId('label-correct').focus();
    await pressAndWait('s', 'Skipped answer #3.');
    await pressAndWait('c', 'Saved "correct" for answer #4.');
    await pressAndWait('r', 'Saved "refusal" for answer #5.');
    await page.getByTestId('grader-a').selectOption('rule');
    await page.getByTestId('grader-b').selectOption('human');
    // Pairs (rule, human): #1 (correct, correct), #2 (incorrect, incorrect),
    // #4 (incorrect, correct), #5 (refusal, refusal); #3 has no human label.
    const observed = 3 / 4;
    const chance = (1 / 4) * (2 / 4) + (2 / 4) * (1 / 4) + (1 / 4) * (1 / 4);
    const kappa = (observed - chance) / (1 - chance);
    expect(await text('agreement-n')).toBe('4');
    expect(await text('agreement-accuracy')).toBe(`${(observed * 100).toFixed(1)}%`);
    expect(await text('agreement-kappa')).toBe(kappa.toFixed(3));
    expect(await text('confusion-incorrect-correct')).toBe('1');
    expect(await text('confusion-correct-incorrect')).toBe('0');
    expect(await text('confusion-refusal-refusal')).toBe('1');
    expect(await page.getByTestId('disagreement').count()).toBe(1);
    await page.getByTestId('disagreement').click();
    expect(await text('queue-position')).toBe('Answer #4');
    await pressAndWait('i', 'Saved "incorrect" for answer #4.');
    // Now (c,c), (i,i), (i,i), (r,r): full agreement; chance = 1/16 + 4/16 + 1/16 = 6/16.
    await page.getByTestId('agreement-kappa').filter({ hasText: '1.000' }).waitFor();
    expect(await text('agreement-accuracy')).toBe('100.0%');
    expect(await page.getByTestId('disagreement').count()).toBe(0);
  });

  it('opens any answer by number, and blind mode hides the arm and every grade', async () => {
    await page.getByTestId('queue-jump-number').fill('2');
    await page.getByTestId('queue-jump').click();
    expect(await text('queue-position')).toBe('Answer #2');
    expect(await text('queue-arm')).toBe('warm');
    expect(await page.getByTestId('queue-grades').locator('li').count()).toBe(3);
    await page.getByTestId('blind-toggle').check();
    expect(await page.getByTestId('queue-arm').count()).toBe(0);
    expect(await page.getByTestId('queue-grades').count()).toBe(0);
    expect(await page.getByTestId('agreement-kappa').count()).toBe(0);
    await page.getByTestId('queue-jump-number').fill('9');
    await page.getByTestId('queue-jump').click();
    expect(await page.getByRole('alert').filter({ hasText: 'no answer #9' }).textContent()).toBe(
      "There is no answer #9: this run's answers are numbered 1 to 5.",
    );
  });
});
