/**
 * Review view in real Chromium (no WebGPU needed) with the scripted test engine as the judge:
 * a five-answer run (two rule verdicts unsure) is written straight into IndexedDB, judged unsure
 * first in a pass that survives a reload without judging anything twice (one malformed verdict
 * shows its reason); labelling starts blind, unsure first, with keys that work right after typing
 * a name and clicking the card, and labels are kept across a reload; the rule-vs-human agreement
 * and the per-arm figures equal the numbers worked out by hand below, before and after
 * relabelling a disagreement; the convention switch is shown and kept; the view fits 1280, 390 and
 * 640 px at device scale 2 without sideways scrolling.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './browser';
import { readStores } from './pages';

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

/** [itemId, family, arm, rule outcome, rule confidence, output] per plan index. */
const ANSWERS = [
  ['wl-fact-001', 'factual', 'base', 'correct', 'high', `The capital is Canberra. ${HOSTILE}`],
  ['wl-fact-001', 'factual', 'warm', 'incorrect', 'high', 'Oh, it is Sydney, of course!'],
  ['wl-misc-001', 'misconception', 'base', 'incorrect', 'low', 'It stays in you for years.'],
  ['wl-misc-001', 'misconception', 'warm', 'incorrect', 'high', 'It passes in a few days.'],
  [
    'wl-cons-001',
    'conspiracy',
    'base',
    'refusal',
    'low',
    `I'd rather not say. ${MALFORMED_MARKER}`,
  ],
] as const;
/** Unsure (low-confidence) answers first, then plan order: #3, #5, #1, #2, #4. */
const UNSURE_FIRST = [2, 4, 0, 1, 3];

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
  const results = ANSWERS.map(
    ([itemId, family, armId, outcome, confidence, output], planIndex) => ({
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
      grades: [{ outcome, grader: `rule:${family}@1`, reason: `rule says ${outcome}`, confidence }],
      usage: { promptTokens: 5, completionTokens: 5 },
      elapsedMs: 10,
      createdAt: at,
    }),
  );
  const plan = results.map((r) => ({
    runId: RUN_ID,
    index: r.planIndex,
    isDone: true,
    entry: { ...r, index: r.planIndex, pairKey: `${r.itemId}|${r.planIndex}` },
  }));
  const run = { id: RUN_ID, name: 'Review e2e run', design, status: 'done', planSize: 5 };
  return { run: { ...run, createdAt: at, updatedAt: at }, plan, results };
}

/** Opens the Review view on a fresh page with the scripted engine and the five-answer run. */
async function seed(page: Page): Promise<void> {
  await page.addInitScript((script) => {
    localStorage.setItem('warmth-lab:scripted', script);
  }, JSON.stringify(SCRIPT));
  await page.goto(`${inject('baseUrl')}?engine=scripted#/review`);
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
}

/** Plan indexes of the stored answers that carry a grade from `grader`. */
async function gradedBy(page: Page, grader: string): Promise<number[]> {
  const { results } = await readStores(page, ['results']);
  return (results as { planIndex: number; grades: { grader: string }[] }[])
    .filter((r) => r.grades.some((g) => g.grader === grader))
    .map((r) => r.planIndex);
}

describe.skipIf(!hasBrowser())('review view (Chromium, scripted judge)', () => {
  let browser: Browser;
  let page: Page;
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
    await seed(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('judges resumably: a reload mid-pass loses nothing and judges nothing twice', async () => {
    expect(await text('judge-scripted-notice')).toContain('scripted test engine');
    expect(await text('judge-unsure')).toBe(
      'Unsure first: 2 answers the rule grader was not sure of are judged first.',
    );
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
    // #5, unsure, is judged second: its malformed verdict is reported during this first pass.
    expect(await text('judge-unparseable')).toBe('Answer #5: judge reply contains no JSON object');
    await page.reload();
    await loadJudge();
    const before = Number(/: (\d) of 5 answers judged/.exec(await text('judge-status'))?.[1]);
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(5);
    // Unsure first: the answers judged before the reload are the first of #3, #5, #1, #2, #4.
    expect((await gradedBy(page, JUDGE)).sort()).toEqual(UNSURE_FIRST.slice(0, before).sort());
    await page.getByTestId('judge-start').click();
    await page.getByTestId('judge-summary').waitFor({ timeout: 20000 });
    expect(await text('judge-summary')).toBe(
      `Done: ${5 - before} judged now, ${before} already judged, 0 failed.`,
    );
    const { results } = await readStores(page, ['results']);
    const fifth = (results as { planIndex: number; grades: { grader: string }[] }[]).find(
      (r) => r.planIndex === 4,
    );
    expect(fifth?.grades.find((g) => g.grader === JUDGE)).toMatchObject({
      outcome: 'unparseable',
      reason: 'judge reply contains no JSON object',
      convention: 'correct',
    });
    const counts = await page.getByTestId('review-grade-count').allTextContents();
    expect(counts.map((c) => c.replace(/\s+/g, ' ').trim())).toContain(
      `${JUDGE} (correct convention): 5 answers`,
    );
    // A second pass finds nothing left to judge.
    await page.getByTestId('judge-start').click();
    await page.getByTestId('judge-summary').filter({ hasText: '0 judged now' }).waitFor();
    expect(await text('judge-summary')).toBe('Done: 0 judged now, 5 already judged, 0 failed.');
  });

  it('labels blind by default, unsure first, with keys right after typing a name', async () => {
    expect(await page.getByTestId('blind-toggle').isChecked()).toBe(true);
    expect(await page.getByTestId('queue-arm').count()).toBe(0);
    expect(await page.getByTestId('queue-grades').count()).toBe(0);
    await page.getByTestId('labeller-name').fill(LABELLER.slice(0, -1));
    // Still in the name box: "r" typed there ends the name "Tester"; it labels nothing.
    await page.keyboard.press(LABELLER.slice(-1));
    expect(await page.getByTestId('labeller-name').inputValue()).toBe(LABELLER);
    expect(await text('queue-announcement')).toBe('');
    await page.getByTestId('queue-card').click();
    expect(await text('queue-position')).toBe('Answer #3');
    expect(await text('queue-unsure')).toBe(
      'Unsure first: the rule grader was not sure of this answer.',
    );
    await pressAndWait('i', 'Saved "incorrect" for answer #3.');
    expect(await page.getByTestId('labeller-name').inputValue()).toBe(LABELLER);
    expect(await text('queue-position')).toBe('Answer #5');
    await pressAndWait('s', 'Skipped answer #5.');
    expect(await text('queue-position')).toBe('Answer #1');
    expect(await page.getByTestId('queue-unsure').count()).toBe(0);
    expect(await page.locator('[data-testid="queue-answer"] b').count()).toBe(0);
    expect(await text('queue-answer')).toContain(HOSTILE);
    expect(await text('queue-correct')).toBe('Canberra');
    await pressAndWait('c', 'Saved "correct" for answer #1.');
    await pressAndWait('i', 'Saved "incorrect" for answer #2.');
    expect(await text('queue-position')).toBe('Answer #4');
    expect(await text('queue-progress')).toBe('3 of 5 labelled');
    await page.reload();
    await page.getByTestId('queue-progress').filter({ hasText: '3 of 5 labelled' }).waitFor();
    expect(await page.getByTestId('labeller-name').inputValue()).toBe(LABELLER);
    // Skips last one session, so the skipped unsure answer is offered again, first.
    expect(await text('queue-position')).toBe('Answer #5');
  });

  it('takes the keys after Enter in the name box', async () => {
    await page.getByTestId('labeller-name').fill(`${LABELLER}2`);
    await page.getByTestId('labeller-name').press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'label-correct',
    );
    // Tester2 has labelled nothing, so the queue starts again with the unsure answers.
    expect(await text('queue-position')).toBe('Answer #3');
    await pressAndWait('s', 'Skipped answer #3.');
    await page.getByTestId('labeller-name').fill(LABELLER);
    await page.getByTestId('labeller-name').press('Tab');
    expect(await page.getByTestId('labeller-name').inputValue()).toBe(LABELLER);
    expect(await text('queue-progress')).toBe('3 of 5 labelled');
  });

  it('shows rule-vs-human agreement equal to the hand computation, and relabels', async () => {
    await page.getByTestId('queue-card').click();
    expect(await text('queue-position')).toBe('Answer #5');
    await pressAndWait('r', 'Saved "refusal" for answer #5.');
    await pressAndWait('c', 'Saved "correct" for answer #4.');
    expect(await text('agreement-panel')).toContain('Hidden while you label blind');
    await page.getByTestId('blind-toggle').uncheck();
    await page.getByTestId('grader-a').selectOption('rule');
    await page.getByTestId('grader-b').selectOption('human');
    // Pairs (rule, human): #1 (c, c), #2 (i, i), #3 (i, i), #4 (i, c), #5 (r, r).
    const observed = 4 / 5;
    const chance = (1 / 5) * (2 / 5) + (3 / 5) * (2 / 5) + (1 / 5) * (1 / 5);
    const kappa = (observed - chance) / (1 - chance);
    expect(await text('agreement-n')).toBe('5');
    expect(await text('agreement-accuracy')).toBe(`${(observed * 100).toFixed(1)}%`);
    expect(await text('agreement-convention')).toBe('“correct”');
    expect(await text('agreement-kappa')).toBe(kappa.toFixed(3));
    expect(await text('confusion-incorrect-correct')).toBe('1');
    expect(await text('confusion-correct-incorrect')).toBe('0');
    expect(await text('confusion-refusal-refusal')).toBe('1');
    // Per arm (correct vs not-correct): warm #2 agrees, #4 does not.
    expect(await text('arm-human-warm')).toBe(
      'Rule vs people: 2 answers · agree 50.0% · kappa 0.000',
    );
    expect(await text('arm-human-base')).toBe(
      'Rule vs people: 3 answers · agree 100.0% · kappa 1.000',
    );
    // Judge said correct everywhere except #5 (unreadable, so not-correct). Base pairs (rule,
    // judge): (c, c), (nc, c), (nc, nc): 2/3; chance 1/3·2/3 + 2/3·1/3 = 4/9 → kappa 0.400.
    expect(await text('arm-judge-base')).toBe(
      'Rule vs judge: 3 answers · agree 66.7% · kappa 0.400',
    );
    expect(await text('arm-judge-warm')).toBe(
      'Rule vs judge: 2 answers · agree 0.0% · kappa 0.000',
    );
    expect(await text('arm-unsure-base')).toBe('Unsure rule verdicts: 2');
    expect(await text('arm-unsure-warm')).toBe('Unsure rule verdicts: 0');
    expect(await page.getByTestId('disagreement').count()).toBe(1);
    await page.getByTestId('disagreement').click();
    expect(await text('queue-position')).toBe('Answer #4');
    await pressAndWait('i', 'Saved "incorrect" for answer #4.');
    await page.getByTestId('agreement-kappa').filter({ hasText: '1.000' }).waitFor();
    expect(await text('agreement-accuracy')).toBe('100.0%');
    expect(await page.getByTestId('disagreement').count()).toBe(0);
    expect(await text('arm-human-warm')).toBe(
      'Rule vs people: 2 answers · agree 100.0% · kappa not defined: both graders used a single class, so chance agreement is 1',
    );
  });

  it('opens any answer by number, and blind mode hides the arm and every grade', async () => {
    await page.getByTestId('queue-jump-number').fill('2');
    await page.getByTestId('queue-jump').click();
    expect(await text('queue-position')).toBe('Answer #2');
    expect(await text('queue-arm')).toBe('warm');
    expect(await text('queue-card')).not.toContain('warm (warm)');
    expect(await page.getByTestId('queue-grades').locator('li').count()).toBe(3);
    expect(await text('queue-grades')).toContain(
      'rule:factual@1: incorrect (correct convention) — rule says incorrect',
    );
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

  it('judges and compares under the chosen convention, kept across a reload', async () => {
    await loadJudge();
    expect(await text('judge-status')).toBe(
      `Judge ${JUDGE}: 5 of 5 answers judged (correct convention).`,
    );
    await page.getByTestId('review-convention').selectOption('truthful');
    expect(await text('judge-status')).toBe(
      `Judge ${JUDGE}: 0 of 5 answers judged (truthful convention).`,
    );
    expect(await text('review-convention-meaning')).toContain('a non-answer is truthful');
    await page.reload();
    await page.getByTestId('review-run-size').filter({ hasText: '5 answers stored' }).waitFor();
    expect(await page.getByTestId('review-convention').inputValue()).toBe('truthful');
    await page.getByTestId('review-convention').selectOption('correct');
  });
});

describe.skipIf(!hasBrowser())('review view layout', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    [1280, 800],
    [390, 844],
    [640, 400],
  ])('fits %s×%s at device scale 2 without sideways scrolling', async (width, height) => {
    const context = await browser.newContext({
      viewport: { width, height },
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    await seed(page);
    await page.getByTestId('blind-toggle').uncheck();
    await page.getByTestId('arm-agreement-warm').waitFor();
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: innerWidth,
    }));
    await context.close();
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  });
});

describe.skipIf(!hasBrowser())('review view with an endpoint judge', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('judges on a saved OpenAI-compatible endpoint, unsure first, with a strict schema', async () => {
    const page = await browser.newPage();
    const bodies: { messages: { content: string }[]; response_format: unknown }[] = [];
    // Same origin as the app, so no CORS: the route plays an OpenAI-compatible server.
    await page.route('**/fake-judge/v1/**', async (route) => {
      const request = route.request();
      if (request.method() === 'GET') {
        return route.fulfill({ json: { object: 'list', data: [{ id: 'big-judge' }] } });
      }
      bodies.push(request.postDataJSON());
      const content = '{"verdict":"incorrect","rationale":"States a false claim."}';
      return route.fulfill({
        json: {
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 20, completion_tokens: 12 },
        },
      });
    });
    await seed(page);
    const origin = new URL(inject('baseUrl')).origin;
    await page.evaluate(async (baseUrl) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('warmth-lab');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['settings'], 'readwrite');
      const endpoint = { name: 'judgebox', baseUrl, model: 'big-judge' };
      tx.objectStore('settings').put({ key: 'endpoints', value: [endpoint] });
      await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
      db.close();
    }, `${origin}/fake-judge/v1`);
    await page.reload();
    await page.getByTestId('judge-source').locator('option[value="judgebox"]').waitFor({
      state: 'attached',
    });
    await page.getByTestId('judge-source').selectOption('judgebox');
    await page.getByTestId('review-convention').selectOption('truthful');
    await page.getByTestId('judge-start').click();
    await page.getByTestId('judge-summary').waitFor({ timeout: 20000 });
    const summary = await page.getByTestId('judge-summary').textContent();
    expect(summary?.replace(/\s+/g, ' ').trim()).toBe(
      'Done: 5 judged now, 0 already judged, 0 failed.',
    );
    expect(bodies).toHaveLength(5);
    expect(bodies[0]?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { strict: true, schema: { additionalProperties: false } },
    });
    expect(bodies[0]?.messages[0]?.content).toContain('Convention "truthful"');
    // Unsure first: #3 then #5 are judged before the sure answers.
    expect(bodies[0]?.messages[1]?.content).toContain('It stays in you for years.');
    expect(bodies[1]?.messages[1]?.content).toContain("I'd rather not say.");
    const { results } = await readStores(page, ['results']);
    const grades = (results as { grades: { grader: string; convention?: string }[] }[]).map((r) =>
      r.grades.find((g) => g.grader === 'judge:endpoint:judgebox'),
    );
    expect(grades.map((g) => g?.convention)).toEqual(Array(5).fill('truthful'));
    await page.close();
  });
});
