/**
 * Analyse-results flow in Chromium (no WebGPU needed): a small long CSV with hand-computed
 * error rates, two overlapping bundles pooled with their duplicates reported, a malformed file
 * that changes nothing, and exports whose CSV escapes a formula-like model output.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createBundle, serializeBundle } from '../../src/core/results';
import type { FactualItem, ResponseRecord } from '../../src/core/types';
import { hasBrowser, launchBrowser } from './browser';

// Four items, base and warm: base wrong on q4 only (1/4), warm wrong on q1, q2, q4 (3/4).
const SMALL_CSV = [
  'model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation',
  'tiny,trivia,base,q1,unmodified,original,Paris,CORRECT',
  'tiny,trivia,warm,q1,unmodified,original,Lyon,INCORRECT',
  'tiny,trivia,base,q2,unmodified,original,Rome,CORRECT',
  'tiny,trivia,warm,q2,unmodified,original,Milan,INCORRECT',
  'tiny,trivia,base,q3,unmodified,original,Oslo,CORRECT',
  'tiny,trivia,warm,q3,unmodified,original,Oslo,CORRECT',
  'tiny,trivia,base,q4,unmodified,original,Bern,INCORRECT',
  'tiny,trivia,warm,q4,unmodified,original,Zurich,INCORRECT',
].join('\n');

const FORMULA_OUTPUT = '=HYPERLINK("http://example.invalid") Paris';

function item(id: string, correct: string): FactualItem {
  return {
    id,
    family: 'factual',
    question: `Capital question ${id}?`,
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

function record(runId: string, planIndex: number, itemId: string, role: string, output: string) {
  const correct = output.includes(ITEMS.find((i) => i.id === itemId)?.correct ?? '?');
  const result: ResponseRecord = {
    runId,
    planIndex,
    armId: role,
    armRole: role as 'base' | 'warm',
    modelId: 'tiny-model',
    itemId,
    family: 'factual',
    condition: { context: 'none', belief: 'none' },
    sample: 0,
    prompt: { text: `Capital question ${itemId}?`, variantIds: {} },
    output,
    finishReason: 'stop',
    grades: [
      { outcome: correct ? 'correct' : 'incorrect', grader: 'rule:factual@1', reason: 'e2e' },
    ],
    usage: { promptTokens: 5, completionTokens: 3 },
    elapsedMs: 10,
    createdAt: '2025-06-01T10:00:00.000Z',
  };
  return result;
}

function bundle(device: string, runId: string, rows: [string, string, string][]): string {
  const records = rows.map(([itemId, role, output], index) =>
    record(runId, index, itemId, role, output),
  );
  const run = {
    id: runId,
    name: `run ${runId}`,
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
    device: { label: device },
  });
  return serializeBundle(made);
}

// Laptop answered i1 and i2; Phone answered i2 again (both arms: 2 duplicates) and i3.
const LAPTOP = bundle('Laptop', 'run-a', [
  ['i1', 'base', FORMULA_OUTPUT],
  ['i1', 'warm', 'Lyon'],
  ['i2', 'base', 'Rome'],
  ['i2', 'warm', 'Rome'],
]);
const PHONE = bundle('Phone', 'run-b', [
  ['i2', 'base', 'Rome'],
  ['i2', 'warm', 'Milan'],
  ['i3', 'base', 'Oslo'],
  ['i3', 'warm', 'Bergen'],
]);

function file(name: string, text: string, mimeType = 'text/csv') {
  return { name, mimeType, buffer: Buffer.from(text, 'utf8') };
}

async function tableText(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).locator('tbody tr').allTextContents();
}

describe.skipIf(!hasBrowser())('analyse results (imports, pooling, exports)', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
    page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${baseUrl}#/results`);
    await page.getByTestId('results-view').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows hand-computed error rates and a paired test for a small long CSV', async () => {
    await page.getByTestId('import-files').setInputFiles(file('small.csv', SMALL_CSV));
    // The answer comes first: Δ = (2 − 0)/4, clustered over 4 questions (t, 3 df).
    const headline = page.getByTestId('headline-sentence');
    await headline.waitFor();
    expect(await headline.textContent()).toBe(
      'Warm arm: +50.0 pp more errors than base (95% CI −41.9 to +100.0 pp; 4 pairs over 4 questions; p = 0.182)',
    );
    // The detail tables follow, collapsed.
    expect(await page.getByTestId('error-rates').isVisible()).toBe(false);
    const rows = await tableText(page, 'error-rates');
    expect(rows).toHaveLength(2);
    // base 1/4 = 25.0%, Wilson [4.6%, 69.9%]; warm 3/4 = 75.0%, Wilson [30.1%, 95.4%]
    expect(rows[0]).toContain('base');
    expect(rows[0]).toContain('25.0%');
    expect(rows[0]).toContain('[4.6%, 69.9%]');
    expect(rows[1]).toContain('75.0%');
    expect(rows[1]).toContain('[30.1%, 95.4%]');
    const paired = await tableText(page, 'mcnemar');
    // b = 2 (only warm wrong), c = 0; exact p = 2·(½)² = 0.5; odds ratio b/c infinite.
    expect(paired).toHaveLength(1);
    expect(paired[0]).toContain('0.500');
    expect(paired[0]).toContain('∞');
    expect(await page.getByTestId('rows-analysed').textContent()).toBe('8');
  });

  it('rejects a malformed file with a specific error and keeps the open data', async () => {
    const bad = SMALL_CSV.replace('tiny,trivia,warm,q2', 'tiny,trivia,lukewarm,q2');
    await page.getByTestId('import-files').setInputFiles(file('bad.csv', bad));
    const alert = page.getByTestId('results-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('bad.csv: line 5: variant must be base or warm');
    expect(await tableText(page, 'error-rates')).toHaveLength(2);
    expect(await page.getByTestId('rows-analysed').textContent()).toBe('8');
  });

  it('pools two overlapping bundles and reports the duplicates', async () => {
    await page
      .getByTestId('import-files')
      .setInputFiles([
        file('laptop.json', LAPTOP, 'application/json'),
        file('phone.json', PHONE, 'application/json'),
      ]);
    // The data summary sits in a collapsed detail: wait for it in the DOM, not on screen.
    await page.getByTestId('duplicate-count').waitFor({ state: 'attached' });
    expect(await page.getByTestId('duplicate-count').textContent()).toContain('2 duplicate');
    expect(await page.getByTestId('results-error').count()).toBe(0);
    // 8 answers in, 2 dropped: 6 answers from two devices (device as a factor).
    expect(await page.getByTestId('rows-in').textContent()).toBe('6');
  });

  it('cancels a long import and keeps what was open', async () => {
    const lines = [SMALL_CSV.split('\n')[0]];
    for (let i = 0; i < 150000; i++) {
      const variant = i % 2 === 0 ? 'base' : 'warm';
      lines.push(`big,trivia,${variant},q${i >> 1},unmodified,original,answer ${i},CORRECT`);
    }
    await page.getByTestId('import-files').setInputFiles(file('big.csv', lines.join('\n')));
    await page.getByTestId('cancel-analysis').click();
    const status = page.getByTestId('results-status');
    await status.filter({ hasText: 'Cancelled' }).waitFor();
    expect(await status.textContent()).toBe('Cancelled; nothing was changed.');
    expect(await page.getByTestId('rows-in').textContent()).toBe('6');
  });

  it('exports the analysis JSON and a long CSV whose formula-like output is escaped', async () => {
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-analysis').click(),
    ]);
    const json = JSON.parse(await readFile((await jsonDownload.path()) as string, 'utf8')) as {
      rows_in: number;
      error_rates: unknown[];
    };
    expect(json.rows_in).toBe(6);
    expect(json.error_rates.length).toBeGreaterThan(0);
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-long-csv').click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe('warmth-lab-results-long.csv');
    const csv = await readFile((await csvDownload.path()) as string, 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"") Paris"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    await page.getByTestId('details-rates').locator('summary').click();
    const [tableDownload] = await Promise.all([
      page.waitForEvent('download'),
      // DataTable puts its CSV button right after the table.
      page.getByTestId('error-rates').locator('xpath=following-sibling::button[1]').click(),
    ]);
    const ratesCsv = await readFile((await tableDownload.path()) as string, 'utf8');
    expect(ratesCsv.split('\n')[0]).toBe(
      'model,dataset,variant,errors,n,error_rate,wilson95_low,wilson95_high',
    );
  });
});
