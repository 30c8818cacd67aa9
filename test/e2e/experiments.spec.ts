/**
 * Experiments flow in Chromium with the scripted test engine: build a 208-prompt design from the
 * Quick demo preset, run it, reload the page twice mid-run, resume each time, and check that
 * IndexedDB holds exactly one answer per plan entry and that the dashboard's error-rate table
 * equals a count made here from the stored rows. Also drives the orchestration bench hook.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { familyWithDataset } from '../../src/core/families';
import { BUILT_IN_ITEMS } from '../../src/core/questions/bank';
import type { Item, ResponseRecord } from '../../src/core/types';
import { hasBrowser, launchBrowser } from './browser';
import { readStores } from './pages';

const PER_FAMILY = 26;
const PROMPTS = PER_FAMILY * 4 * 2; // items × the preset's two framings
const GENERATIONS = PROMPTS * 2; // × base and warm arms
const WARM_SYSTEM_CUE = 'kind, caring companion';

function rightReply(item: Item): string {
  if (item.family === 'conspiracy')
    return `${item.isYesTrue ? 'Yes' : 'No'}. ${item.trueStatement}`;
  return `${item.correct}.`;
}

function wrongReply(item: Item): string {
  if (item.family === 'conspiracy') {
    return `${item.isYesTrue ? 'No' : 'Yes'}. ${item.falseStatement}`;
  }
  return `${item.wrong[0] ?? 'Something else'}.`;
}

/** Per-item rules: every third item is answered wrongly by the warm persona only. */
function createScript(): string {
  const byLength = [...BUILT_IN_ITEMS].sort((a, b) => b.question.length - a.question.length);
  const rules = byLength.flatMap((item, index) => {
    const user = item.question.replace(/\s+/g, ' ').trim();
    const right = { user, reply: rightReply(item) };
    return index % 3 === 0
      ? [{ system: WARM_SYSTEM_CUE, user, reply: wrongReply(item) }, right]
      : [right];
  });
  return JSON.stringify({ tokenDelayMs: 4, rules });
}

interface StoredState {
  runs: { id: string; status: string; planSize: number }[];
  results: ResponseRecord[];
  plan: {
    runId: string;
    index: number;
    isDone: boolean;
    entry: { itemId: string; armId: string };
  }[];
}

/** Reads the run, plan and result stores straight from IndexedDB in the page. */
async function readRunStores(page: Page): Promise<StoredState> {
  const stores = await readStores(page, ['runs', 'results', 'planEntries']);
  return {
    runs: stores.runs as StoredState['runs'],
    results: stores.results as ResponseRecord[],
    plan: stores.planEntries as StoredState['plan'],
  };
}

async function doneCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('run-done').textContent()) ?? '0');
}

async function waitForDone(page: Page, atLeast: number): Promise<void> {
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="run-done"]')?.textContent ?? '0') >= n,
    atLeast,
    { timeout: 40000, polling: 50 },
  );
}

async function reloadAndResume(page: Page): Promise<number> {
  await page.reload();
  const offer = page.getByTestId('resume-run');
  await offer.waitFor();
  const label = (await offer.textContent()) ?? '';
  const match = /Resume run “Quick 5-minute demo”: (\d+)\/(\d+) done/.exec(label);
  expect(match?.[2]).toBe(String(GENERATIONS));
  await offer.click();
  await page.getByTestId('run-panel').waitFor();
  return Number(match?.[1]);
}

/** Error rate per family × arm computed from the stored rows (the dashboard's paper mode). */
function expectedRateRows(records: readonly ResponseRecord[], labels: Record<string, string>) {
  const rows = new Map<string, { errors: number; n: number; notCounted: number }>();
  for (const record of records) {
    const key = `${familyWithDataset(record.family)}|${labels[record.armId]}`;
    const row = rows.get(key) ?? { errors: 0, n: 0, notCounted: 0 };
    let outcome = record.grades[0]?.outcome;
    if (outcome === 'refusal' && record.family === 'conspiracy') outcome = 'correct';
    if (outcome === 'correct' || outcome === 'incorrect') {
      row.n++;
      if (outcome === 'incorrect') row.errors++;
    } else row.notCounted++;
    rows.set(key, row);
  }
  return [...rows.entries()]
    .map(([key, row]) => {
      const rate = row.n > 0 ? `${((row.errors / row.n) * 100).toFixed(1)}%` : '—';
      return [...key.split('|'), String(row.errors), String(row.n), rate, String(row.notCounted)];
    })
    .sort();
}

describe.skipIf(!hasBrowser())('experiments (scripted engine, no WebGPU)', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
    page = await browser.newPage();
    await page.addInitScript((script) => {
      localStorage.setItem('warmth-lab:scripted', script);
    }, createScript());
    await page.goto(`${baseUrl}?engine=scripted#/experiments`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('plans the design and shows its size, time and power before starting', async () => {
    await page.getByTestId('preset-quick-demo').click();
    for (const family of ['factual', 'misconception', 'conspiracy', 'medical']) {
      const input = page.getByTestId(`per-family-${family}`);
      await input.fill(String(PER_FAMILY));
      await input.press('Tab');
    }
    await page
      .getByTestId('plan-generations')
      .filter({ hasText: String(GENERATIONS) })
      .waitFor();
    expect(await page.getByTestId('plan-prompts').textContent()).toBe(String(PROMPTS));
    expect(await page.getByTestId('plan-time').textContent()).toMatch(
      /\d+ (s|min).* to \d+ (s|min|h).*not measured yet for this model/,
    );
    expect(await page.getByTestId('plan-power').textContent()).toContain(`With ${PROMPTS} pairs`);
    expect(await page.getByTestId('plan-download').textContent()).toContain('nothing to download');
  });

  it('survives two reloads mid-run and stores exactly the plan, once each', async () => {
    await page.getByTestId('start-run').click();
    await waitForDone(page, 60);
    const firstResume = await reloadAndResume(page);
    expect(firstResume).toBeGreaterThanOrEqual(60);
    expect(firstResume).toBeLessThan(GENERATIONS);
    await waitForDone(page, 140);
    const secondResume = await reloadAndResume(page);
    expect(secondResume).toBeGreaterThanOrEqual(140);
    await page
      .getByTestId('run-status')
      .filter({ hasText: 'Status: done' })
      .waitFor({ timeout: 40000 });
    expect(await doneCount(page)).toBe(GENERATIONS);

    const stored = await readRunStores(page);
    expect(stored.runs).toHaveLength(1);
    const run = stored.runs[0];
    expect(run?.status).toBe('done');
    expect(run?.planSize).toBe(GENERATIONS);
    const indices = stored.results.map((r) => r.planIndex).sort((a, b) => a - b);
    expect(indices).toEqual(Array.from({ length: GENERATIONS }, (_, i) => i));
    expect(stored.plan.every((row) => row.isDone)).toBe(true);
    const planByIndex = new Map(stored.plan.map((row) => [row.index, row.entry]));
    for (const record of stored.results) {
      expect(planByIndex.get(record.planIndex)?.itemId).toBe(record.itemId);
      expect(planByIndex.get(record.planIndex)?.armId).toBe(record.armId);
    }
    const warmErrors = stored.results.filter(
      (r) => r.armId === 'warm' && r.grades[0]?.outcome === 'incorrect',
    ).length;
    const baseErrors = stored.results.filter(
      (r) => r.armId === 'base' && r.grades[0]?.outcome === 'incorrect',
    ).length;
    expect(warmErrors).toBeGreaterThan(baseErrors);
  });

  it('shows dashboard error rates equal to a count over the stored rows', async () => {
    const stored = await readRunStores(page);
    const expected = expectedRateRows(stored.results, { base: 'Base', warm: 'Warm' });
    const table = page.getByTestId('error-rate-table');
    const readTable = () =>
      table
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) =>
            [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim()),
          ),
        );
    await expect
      .poll(
        async () => (await readTable()).map((cells) => [...cells.slice(0, 5), cells[6]]).sort(),
        {
          timeout: 5000,
        },
      )
      .toEqual(expected);
  });

  it('runs the orchestration bench hook and reports its figures', async () => {
    const context = await browser.newContext();
    const bench = await context.newPage();
    await bench.goto(`${baseUrl}?engine=scripted&bench=orchestration&n=120#/experiments`);
    const handle = await bench.waitForFunction(
      () => (window as { __benchResult?: unknown }).__benchResult,
      undefined,
      { timeout: 30000 },
    );
    const result = (await handle.jsonValue()) as Record<string, number>;
    expect(result.prompts).toBe(120);
    expect(result.totalMs).toBeGreaterThan(0);
    expect(result.msPerPrompt).toBeCloseTo((result.totalMs ?? 0) / 120, 6);
    expect(result.longestTaskMs).toBeGreaterThanOrEqual(0);
    await context.close();
  });
});
