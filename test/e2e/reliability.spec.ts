/**
 * Reliability in a classroom: a scripted run survives reloads and closed tabs at many random
 * points, a full disk pauses it without corrupting anything, and IndexedDB that is unavailable,
 * blocked by another tab, or upgraded elsewhere gives a clear message.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRng } from '../../src/core/random';
import { STORAGE_MESSAGES, VERSION_CHANGE_MESSAGE } from '../../src/storage/errors';
import { hasBrowser, launchBrowser } from './browser';
import { readStores } from './pages';

const PER_FAMILY = 8;
const GENERATIONS = PER_FAMILY * 4 * 2 * 2; // items × two framings × base and warm arms
const SCRIPT = JSON.stringify({ tokenDelayMs: 3, rules: [] });

/** Makes `results` writes fail like a full disk while localStorage says so (a test switch). */
function installQuotaSwitch(): void {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
    if (this.name === 'results' && localStorage.getItem('test:disk-full') === '1') {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return put.apply(this, args);
  };
}

interface StoredRun {
  indices: number[];
  doneEntries: number;
  planSize: number;
  status: string;
}

async function readRun(page: Page): Promise<StoredRun> {
  const stores = await readStores(page, ['results', 'planEntries', 'runs']);
  const results = stores.results as { planIndex: number }[];
  const plan = stores.planEntries as { isDone: boolean }[];
  const runs = stores.runs as { status: string; planSize: number }[];
  return {
    indices: results.map((r) => r.planIndex).sort((a, b) => a - b),
    doneEntries: plan.filter((p) => p.isDone).length,
    planSize: runs[0]?.planSize ?? 0,
    status: runs[0]?.status ?? 'none',
  };
}

async function openExperiments(context: BrowserContext, baseUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}?engine=scripted#/experiments`);
  return page;
}

async function startDesign(page: Page): Promise<void> {
  await page.getByTestId('preset-quick-demo').click();
  for (const family of ['factual', 'misconception', 'conspiracy', 'medical']) {
    await page.getByTestId(`per-family-${family}`).fill(String(PER_FAMILY));
    await page.getByTestId(`per-family-${family}`).press('Tab');
  }
  await page
    .getByTestId('plan-generations')
    .filter({ hasText: String(GENERATIONS) })
    .waitFor();
  await page.getByTestId('start-run').click();
  await page.getByTestId('run-panel').waitFor();
}

/** After a reload, resumes the interrupted run if it is offered; false once it is finished. */
async function resumeIfOffered(page: Page): Promise<boolean> {
  const offer = page.getByTestId('resume-run');
  const runs = page.getByTestId('stored-runs');
  await Promise.race([offer.waitFor({ timeout: 15000 }), runs.waitFor({ timeout: 15000 })]);
  if ((await offer.count()) === 0) return false;
  await offer.click();
  await page.getByTestId('run-panel').waitFor();
  return true;
}

function expectExactlyThePlan(stored: StoredRun): void {
  expect(stored.planSize).toBe(GENERATIONS);
  expect(stored.indices).toEqual(Array.from({ length: GENERATIONS }, (_, i) => i));
  expect(stored.doneEntries).toBe(GENERATIONS);
}

describe.skipIf(!hasBrowser())('reliability', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('resumes after reloads and closed tabs at 12 random points with no duplicates or gaps', async () => {
    const context = await browser.newContext();
    await context.addInitScript(
      (script) => localStorage.setItem('warmth-lab:scripted', script),
      SCRIPT,
    );
    let page = await openExperiments(context, baseUrl);
    await startDesign(page);
    const rng = createRng('reliability-e2e');
    for (let interruption = 0; interruption < 12; interruption++) {
      await page.waitForTimeout(60 + Math.floor(rng() * 400));
      if (rng() < 0.5) {
        await page.reload();
      } else {
        await page.close({ runBeforeUnload: false });
        page = await openExperiments(context, baseUrl);
      }
      if (!(await resumeIfOffered(page))) break;
    }
    await page
      .getByTestId('run-status')
      .filter({ hasText: 'Status: done' })
      .waitFor({ timeout: 60000 });
    const stored = await readRun(page);
    expectExactlyThePlan(stored);
    expect(stored.status).toBe('done');
    await context.close();
  });

  it('pauses with a clear message when the disk is full, keeps what was stored, and resumes', async () => {
    const context = await browser.newContext();
    await context.addInitScript(
      (script) => localStorage.setItem('warmth-lab:scripted', script),
      SCRIPT,
    );
    await context.addInitScript(installQuotaSwitch);
    const page = await openExperiments(context, baseUrl);
    await startDesign(page);
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="run-done"]')?.textContent ?? '0') >= 20,
    );
    await page.evaluate(() => localStorage.setItem('test:disk-full', '1'));
    await page.getByTestId('run-status').filter({ hasText: 'Status: paused' }).waitFor();
    expect(await page.getByTestId('run-reason').textContent()).toContain(STORAGE_MESSAGES.quota);
    const partial = await readRun(page);
    expect(partial.indices.length).toBeGreaterThanOrEqual(20);
    expect(new Set(partial.indices).size).toBe(partial.indices.length);
    expect(partial.doneEntries).toBe(partial.indices.length);

    await page.evaluate(() => localStorage.removeItem('test:disk-full'));
    await page.getByTestId('resume-current').click();
    await page
      .getByTestId('run-status')
      .filter({ hasText: 'Status: done' })
      .waitFor({ timeout: 60000 });
    expectExactlyThePlan(await readRun(page));
    await context.close();
  });

  it('explains when IndexedDB is unavailable (private mode)', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}#/playground`);
    const banner = page.getByRole('alert').filter({ hasText: 'private browsing' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(STORAGE_MESSAGES.unavailable);
    expect(await page.getByTestId('composed-prompt').textContent()).toMatch(/\S/);
    await context.close();
  });

  it('waits for a tab holding an old schema, then upgrades; and reacts to an upgrade elsewhere', async () => {
    const context = await browser.newContext();
    // The "old version": the app at schema version 1, plus a connection that, like old code,
    // never closes when a newer version asks it to.
    const oldTab = await context.newPage();
    await oldTab.goto(`${baseUrl}?dbVersion=1#/about`);
    await oldTab.waitForFunction(() => document.body.dataset.ready === 'true');
    await oldTab.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const request = indexedDB.open('warmth-lab', 1);
          request.onsuccess = () => {
            (window as unknown as { oldDb: IDBDatabase }).oldDb = request.result;
            resolve();
          };
        }),
    );
    const app = await context.newPage();
    await app.goto(`${baseUrl}#/playground`);
    const blocked = app.getByRole('alert').filter({ hasText: 'another tab' });
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain(STORAGE_MESSAGES.blocked);
    await oldTab.evaluate(() => (window as unknown as { oldDb: IDBDatabase }).oldDb.close());
    await blocked.waitFor({ state: 'detached' });
    await app.getByTestId('history').waitFor();

    await oldTab.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const request = indexedDB.open('warmth-lab', 99);
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
        }),
    );
    const updated = app.getByRole('alert').filter({ hasText: 'another tab' });
    await updated.waitFor();
    expect(await updated.textContent()).toContain(VERSION_CHANGE_MESSAGE);
    await context.close();
  });
});
