/**
 * Bundles that restore, in Chromium with the scripted test engine: run a 16-answer experiment,
 * label 8 answers as two labellers (one blind), analyse, export the run as a JSON bundle, then
 * in a NEW browser context (its own IndexedDB, like another machine) restore the bundle and
 * check that Review shows both labellers' labels and Results gives the same analysis. Restoring
 * the same file again reports the duplicate and changes nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './browser';
import { readStores } from './pages';

const GENERATIONS = 16; // 1 item per family × the preset's two framings × base and warm

interface StoredLabel {
  key: string;
  labeller: string;
  outcome: string;
  isBlind: boolean;
}

async function runSmallExperiment(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}?engine=scripted#/experiments`);
  await page.getByTestId('preset-quick-demo').click();
  for (const family of ['factual', 'misconception', 'conspiracy', 'medical']) {
    const input = page.getByTestId(`per-family-${family}`);
    await input.fill('1');
    await input.press('Tab');
  }
  await page
    .getByTestId('plan-generations')
    .filter({ hasText: String(GENERATIONS) })
    .waitFor();
  await page.getByTestId('start-run').click();
  await page
    .getByTestId('run-status')
    .filter({ hasText: 'Status: done' })
    .waitFor({ timeout: 60000 });
}

async function labelAs(page: Page, labeller: string, keys: string[], isBlind: boolean) {
  await page.getByTestId('labeller-name').fill(labeller);
  await page.getByTestId('labeller-name').press('Tab');
  const blind = page.getByTestId('blind-toggle');
  if ((await blind.isChecked()) !== isBlind) await blind.click();
  await page
    .getByTestId('queue-progress')
    .filter({ hasText: `0 of ${GENERATIONS} labelled` })
    .waitFor();
  for (const [index, key] of keys.entries()) {
    await page.getByTestId('label-correct').focus();
    await page.keyboard.press(key);
    const progress = `${index + 1} of ${GENERATIONS} labelled`;
    await page.getByTestId('queue-progress').filter({ hasText: progress }).waitFor();
  }
}

/** Analyses every run of this browser and returns the text of the summary and rate tables. */
async function analyseRuns(page: Page, baseUrl: string): Promise<string[]> {
  await page.goto(`${baseUrl}#/results`);
  await page.getByTestId('run-choice').first().check();
  await page.getByTestId('analyse-runs').click();
  // The details (row counts, rate tables) sit in sections that are collapsed by default.
  await page.getByTestId('rows-in').waitFor({ state: 'attached' });
  // The dashboard's tables arrive a little after the analysis: wait so both pages compare whole.
  await page.getByTestId('error-rate-table').first().waitFor({ state: 'attached' });
  const tables = await page.locator('[data-testid="results-view"] table').allTextContents();
  return [await page.getByTestId('rows-in').textContent(), ...tables].map((t) =>
    (t ?? '').replace(/\s+/g, ' ').trim(),
  );
}

async function labelsIn(page: Page): Promise<StoredLabel[]> {
  const stores = await readStores(page, ['labels']);
  return (stores.labels as StoredLabel[]).map(({ key, labeller, outcome, isBlind }) => ({
    key,
    labeller,
    outcome,
    isBlind,
  }));
}

describe.skipIf(!hasBrowser())('bundles restore into another browser', () => {
  let browser: Browser;
  let page: Page;
  let bundlePath = '';
  let labels: StoredLabel[] = [];
  let analysis: string[] = [];
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs, labels 8 answers as two labellers, analyses and exports a bundle', async () => {
    await runSmallExperiment(page, baseUrl);
    await page.goto(`${baseUrl}?engine=scripted#/review`);
    await page
      .getByTestId('review-run-size')
      .filter({ hasText: `${GENERATIONS} answers stored` })
      .waitFor();
    await labelAs(page, 'Ana', ['c', 'i', 'c', 'r'], false);
    await labelAs(page, 'Ben', ['i', 'i', 'c', 'c'], true);
    labels = await labelsIn(page);
    expect(labels).toHaveLength(8);
    expect(labels.filter((l) => l.labeller === 'Ben').map((l) => l.isBlind)).toEqual([
      true,
      true,
      true,
      true,
    ]);

    analysis = await analyseRuns(page, baseUrl);
    expect(analysis[0]).toMatch(/^\d+$/);
    expect(analysis.length).toBeGreaterThan(2);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-bundle').click();
    bundlePath = (await (await download).path()) ?? '';
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as { labels: StoredLabel[] };
    expect(bundle.labels).toHaveLength(8);
  });

  it('restores into a fresh profile: Review shows the 8 labels, Results the same analysis', async () => {
    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto(`${baseUrl}#/results`);
    await fresh.getByText('Restore bundles into this browser').click();
    await fresh.getByTestId('restore-bundles').setInputFiles(bundlePath);
    const status = fresh.getByTestId('restore-status');
    await status.filter({ hasText: 'Restored run' }).waitFor();
    expect(await status.textContent()).toContain(`${GENERATIONS} answers, 8 labels by 2 labellers`);
    expect(await labelsIn(fresh)).toEqual(labels);
    expect(await analyseRuns(fresh, baseUrl)).toEqual(analysis);

    await fresh.goto(`${baseUrl}#/review`);
    await fresh
      .getByTestId('review-run-size')
      .filter({ hasText: `${GENERATIONS} answers stored` })
      .waitFor();
    for (const labeller of ['Ana', 'Ben']) {
      await fresh.getByTestId('labeller-name').fill(labeller);
      await fresh.getByTestId('labeller-name').press('Tab');
      await fresh
        .getByTestId('queue-progress')
        .filter({ hasText: `4 of ${GENERATIONS} labelled` })
        .waitFor();
    }
    expect(await fresh.getByTestId('queue-progress').textContent()).toBe(
      `4 of ${GENERATIONS} labelled`,
    );

    // The same file again: reported as a duplicate, nothing changes.
    await fresh.goto(`${baseUrl}#/results`);
    await fresh.getByText('Restore bundles into this browser').click();
    await fresh.getByTestId('restore-bundles').setInputFiles(bundlePath);
    await status.filter({ hasText: 'Nothing was restored' }).waitFor();
    expect(await status.textContent()).toContain('is already stored in this browser');
    expect(await labelsIn(fresh)).toEqual(labels);
  });

  it.each([
    [1280, 800, 1],
    [390, 844, 1],
    [640, 400, 2],
  ])(
    'the restore panel fits %ix%i at scale %i, with its problems listed',
    async (width, height, scale) => {
      const context = await browser.newContext({
        viewport: { width, height },
        deviceScaleFactor: scale,
      });
      const small = await context.newPage();
      await small.goto(`${baseUrl}#/results`);
      await small.getByText('Restore bundles into this browser').click();
      const junk = {
        name: `not-a-bundle-${'x'.repeat(80)}.json`,
        mimeType: 'application/json',
        buffer: Buffer.from('{"format":"other"}'),
      };
      await small
        .getByTestId('restore-bundles')
        .setInputFiles([
          junk,
          { name: 'run.json', mimeType: 'application/json', buffer: readFileSync(bundlePath) },
        ]);
      await small
        .getByTestId('restore-status')
        .filter({ hasText: 'Nothing was restored' })
        .waitFor();
      // The panel's own boxes (the source panel above it is the results view's, checked there).
      const overflow = await small.evaluate(() =>
        [...document.querySelectorAll('.restore, .restore *')]
          .map((el) => el.getBoundingClientRect().right)
          .filter((right) => right > innerWidth + 0.5),
      );
      expect(overflow).toEqual([]);
      expect(await small.getByTestId('restore-status').textContent()).toContain(
        'not a Warmth Lab results bundle',
      );
      await context.close();
    },
  );
});
