/**
 * Questions view in real Chromium (no WebGPU needed): import a small TruthfulQA-like CSV with a
 * report before saving, find it after a reload and by search; a malformed CSV names the file and
 * the missing column and stores nothing; hostile imported text renders literally; an empty
 * custom framing is refused in plain words; focus survives a set's delete confirmation; a custom
 * context shows up in the composer preview at once, its wording named by its label.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './browser';

const HOSTILE = '<img src=x onerror="window.__pwned=1">Which gas do plants absorb?';
const GOOD_CSV = [
  'Type,Category,Question,Best Answer,Correct Answers,Incorrect Answers,Source',
  'Adversarial,Misconceptions,What colour is a polar bear’s skin under its fur?,Black,Black; Dark,White; Pink,https://example.org/a',
  `Adversarial,Biology,"${HOSTILE.replace(/"/g, '""')}",Carbon dioxide,CO2,Oxygen; Nitrogen,https://example.org/b`,
  'Adversarial,Misconceptions,A row with no best answer,,,Something,https://example.org/c',
].join('\n');
const BAD_CSV = 'Question,Best Answer,Incorrect Answers\nWhat is up?,The sky,The ground\n';

describe.skipIf(!hasBrowser())('questions view (Chromium, no WebGPU)', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  async function chooseCsv(name: string, text: string): Promise<void> {
    await page.getByTestId('import-file').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(text, 'utf8'),
    });
  }

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
    page = await browser.newPage();
    await page.goto(`${baseUrl}#/questions`);
    await page.getByTestId('import-file').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the report before saving, then keeps the set across a reload', async () => {
    await chooseCsv('tiny-truthful.csv', GOOD_CSV);
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-format').textContent()).toBe('truthfulqa-csv');
    expect(await page.getByTestId('report-rows').textContent()).toBe('3');
    expect(await page.getByTestId('report-items').textContent()).toBe('2');
    expect(await page.getByTestId('import-report').textContent()).toContain(
      'line 4: empty Question or Best Answer',
    );
    expect(await page.getByTestId('set-row').count()).toBe(0);
    await page.getByTestId('set-name').fill('Tiny TruthfulQA');
    await page.getByTestId('save-set').click();
    await page.getByTestId('import-notice').filter({ hasText: 'Saved' }).waitFor();
    expect(await page.getByTestId('import-notice').textContent()).toContain(
      'Saved "Tiny TruthfulQA": 2 items.',
    );

    await page.reload();
    await page.getByTestId('set-row').first().waitFor();
    expect(await page.getByTestId('set-name-cell').allTextContents()).toEqual(['Tiny TruthfulQA']);
    await page.getByTestId('browse-search').fill('polar bear');
    await page.getByTestId('browse-count').filter({ hasText: 'of 1' }).waitFor();
    expect(await page.getByTestId('browse-row').count()).toBe(1);
    await page.getByTestId('browse-row').first().click();
    expect(await page.getByTestId('detail-correct').textContent()).toBe('Black');
  });

  it('refuses a CSV with the wrong columns, naming the file and the missing column', async () => {
    await chooseCsv('broken.csv', BAD_CSV);
    const error = page.getByTestId('import-error');
    await error.waitFor();
    const message = (await error.textContent()) ?? '';
    expect(message).toContain('broken.csv');
    expect(message).toContain('missing column(s) "Correct Answers"');
    expect(await page.getByTestId('import-report').count()).toBe(0);
    expect(await page.getByTestId('set-name-cell').allTextContents()).toEqual(['Tiny TruthfulQA']);
  });

  it('maps the columns of an unrecognised CSV, previews 3 items, then imports in a worker', async () => {
    const csv =
      'qid,prompt,answer,distractors\n1,What is 2+2?,4,5;3\n2,Capital of France?,Paris,Lyon\n3,Largest ocean?,Pacific,Atlantic\n4,Smallest prime?,2,1\n';
    await chooseCsv('generic.csv', csv);
    await page.getByTestId('column-mapper').waitFor();
    expect(await page.getByTestId('map-question').inputValue()).toBe('prompt');
    expect(await page.getByTestId('map-answer').inputValue()).toBe('answer');
    await page.getByTestId('map-answer').selectOption('');
    expect(await page.getByTestId('mapping-problem').textContent()).toContain(
      'Choose the correct-answer column',
    );
    await page.getByTestId('map-answer').selectOption('answer');
    expect(await page.getByTestId('mapping-preview').locator('li').count()).toBe(3);
    await page.getByTestId('confirm-mapping').click();
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-format').textContent()).toBe('generic-csv');
    expect(await page.getByTestId('report-items').textContent()).toBe('4');
    await page.getByRole('button', { name: 'Discard' }).click();
    expect(await page.getByTestId('set-name-cell').allTextContents()).toEqual(['Tiny TruthfulQA']);
  });

  it('renders hostile imported text literally', async () => {
    await page.getByTestId('browse-search').fill('plants absorb');
    await page.getByTestId('browse-count').filter({ hasText: 'of 1' }).waitFor();
    await page.getByTestId('browse-row').first().click();
    expect(await page.getByTestId('detail-question').textContent()).toBe(HOSTILE);
    expect(await page.locator('[data-testid="item-detail"] img').count()).toBe(0);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('sends a browsed item to the Playground to be asked there', async () => {
    await page.getByTestId('browse-search').fill('polar bear');
    await page.getByTestId('browse-count').filter({ hasText: 'of 1' }).waitFor();
    await page.getByTestId('browse-row').first().click();
    await page.getByTestId('ask-in-playground').click();
    await page.getByTestId('picked-question').waitFor();
    expect(await page.getByTestId('picked-question').textContent()).toContain(
      '(Tiny TruthfulQA): What colour is a polar bear’s skin under its fur?',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-playground');
    await page.locator('#tab-questions').click();
    await page.getByTestId('import-file').waitFor();
    // Back to the item the composer test below expects.
    await page.getByTestId('browse-search').fill('plants absorb');
    await page.getByTestId('browse-count').filter({ hasText: 'of 1' }).waitFor();
    await page.getByTestId('browse-row').first().click();
  });

  it('answers an empty custom framing in plain words, with no id jargon', async () => {
    await page.getByTestId('save-framing').click();
    const problems = page.getByTestId('framing-problems');
    await problems.waitFor();
    expect(await problems.locator('li').allTextContents()).toEqual([
      'Label: type a short name for this framing (its id is made from it).',
      'variants: expected at least one sentence — type one per line in the box above.',
    ]);
    expect(await problems.textContent()).not.toContain('custom:');
  });

  it('keeps keyboard focus through the delete confirmation of a set', async () => {
    await page.getByTestId('delete-set').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'confirm-delete',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('delete-set').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'delete-set',
    );
    expect(await page.getByTestId('set-name-cell').allTextContents()).toEqual(['Tiny TruthfulQA']);
  });

  it('validates a custom context and uses it in the composer preview at once', async () => {
    await page.getByTestId('framing-kind-context').check();
    await page.getByTestId('framing-label').fill('Stuck at the airport');
    await page.getByTestId('save-framing').click();
    expect(await page.getByTestId('framing-problems').textContent()).toContain(
      'variants: expected at least one sentence',
    );
    const sentence = 'My flight was cancelled and I am stranded at the airport tonight.';
    await page.getByTestId('framing-variants').fill(sentence);
    await page.getByTestId('save-framing').click();
    await page.getByTestId('framing-list').filter({ hasText: 'Stuck at the airport' }).waitFor();
    await page.getByTestId('composer-context').selectOption('custom:stuck-at-the-airport');
    const prompt = (await page.getByTestId('composer-prompt').textContent()) ?? '';
    expect(prompt.startsWith(sentence)).toBe(true);
    expect(prompt).toContain('Which gas do plants absorb?');
    expect(await page.getByTestId('composer-variants').textContent()).toContain(
      'Stuck at the airport context, wording 1 of 1',
    );
  });
});
