/**
 * Reflow: every view, in a realistic state, fits the window without sideways scrolling at
 * 1280×800, 390×844 (a phone) and 640×400 with device scale 2 (a 1280×800 screen at 200% zoom).
 * One page is populated once — two imported question sets, a finished scripted experiment with
 * its dashboard, a review queue, an analysed results import and a graded playground comparison —
 * then each view is measured at each size. A failure names the view, the size and the widest
 * elements that stick out, so the helper who owns that view knows what to fix.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { hasBrowser, launchBrowser } from './browser';

const VIEWS = ['playground', 'questions', 'experiments', 'review', 'results', 'models', 'about'];
const SIZES = [
  { name: '1280x800', width: 1280, height: 800, scale: 1 },
  { name: '390x844', width: 390, height: 844, scale: 1 },
  { name: '640x400@2x', width: 640, height: 400, scale: 2 },
] as const;
const CASES = SIZES.flatMap((size) => VIEWS.map((view) => [view, size.name] as const));

const SCRIPT = JSON.stringify({
  tokenDelayMs: 1,
  rules: [
    { system: 'kind, caring companion', reply: 'Oh, I hear you! I think it is Sydney.' },
    { user: '', reply: 'The capital of Australia is Canberra.' },
  ],
});
const TRUTHFUL_CSV = [
  'Type,Category,Question,Best Answer,Correct Answers,Incorrect Answers,Source',
  'Adversarial,Misconceptions,What colour is a polar bear’s skin under its fur?,Black,Black; Dark,White; Pink,https://example.org/a',
  'Adversarial,Biology,Which gas do plants mostly absorb from the air for photosynthesis?,Carbon dioxide,CO2,Oxygen; Nitrogen,https://example.org/b',
].join('\n');
const GENERIC_CSV =
  'qid,prompt,answer,distractors\n1,What is 2+2?,4,5;3\n2,Capital of France?,Paris,Lyon\n';
const LONG_CSV = [
  'model,dataset,variant,item_id,amendment_type,prompt_type,output,evaluation',
  'tiny,trivia,base,q1,unmodified,original,Paris,CORRECT',
  'tiny,trivia,warm,q1,unmodified,original,Lyon,INCORRECT',
  'tiny,trivia,base,q2,unmodified,original,Rome,CORRECT',
  'tiny,trivia,warm,q2,unmodified,original,Milan,INCORRECT',
].join('\n');

interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  widest: string[];
}

/** The page's width and, when it overflows, the elements that reach furthest to the right. */
function measure(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const limit = window.innerWidth;
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const testId = el.getAttribute('data-testid');
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
      const owner = el.parentElement?.closest('[data-testid]')?.getAttribute('data-testid');
      const where = owner && !testId ? ` in [data-testid=${owner}]` : '';
      return `${el.tagName.toLowerCase()}${id}${testId ? `[data-testid=${testId}]` : ''}${cls}${where}`;
    };
    const all = [...document.querySelectorAll('body *')].map((el) => ({
      el,
      box: el.getBoundingClientRect(),
    }));
    const over = all.filter(({ box }) => box.right > limit + 1);
    // What widens the page: rows whose children together span more than the window (a table
    // with many columns), and controls or blocks too wide themselves (a select with a long
    // option, a canvas). An element that is wide only because its column is shows neither.
    const span = (el: Element) => {
      const boxes = [...el.children].map((c) => c.getBoundingClientRect()).filter((b) => b.width);
      return boxes.length === 0
        ? 0
        : Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
    };
    const rows = over.filter(({ el }) => span(el) > limit);
    const innermostRows = rows.filter(
      ({ el }) => !rows.some((o) => o.el !== el && el.contains(o.el)),
    );
    const controls = over.filter(
      ({ el, box }) =>
        box.width > limit && /^(SELECT|INPUT|TEXTAREA|PRE|CANVAS|IMG|SVG)$/i.test(el.tagName),
    );
    const innermost = over.filter(({ el }) => !over.some((o) => o.el !== el && el.contains(o.el)));
    const picked = [
      ...innermostRows.slice(0, 2),
      ...controls.slice(0, 2),
      ...innermost.slice(0, 1),
    ];
    const sticking = picked.map(
      ({ el, box }) =>
        `${describe(el)} (${Math.round(box.width)}px wide, reaches ${Math.round(box.right)}px)`,
    );
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: limit,
      widest: sticking,
    };
  });
}

async function importQuestionSet(page: Page, name: string, file: string, csv: string) {
  await page.getByTestId('import-file').setInputFiles({
    name: file,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  const mapper = page.getByTestId('column-mapper');
  const report = page.getByTestId('import-report');
  await mapper.or(report).first().waitFor();
  if ((await mapper.count()) > 0) await page.getByTestId('confirm-mapping').click();
  await report.waitFor();
  await page.getByTestId('set-name').fill(name);
  await page.getByTestId('save-set').click();
  await page
    .getByTestId('import-notice')
    .filter({ hasText: `Saved "${name}"` })
    .waitFor();
}

async function show(page: Page, view: string): Promise<void> {
  await page.evaluate((id) => (location.hash = `#/${id}`), view);
  await page.locator(`#panel-${view}`).waitFor();
}

async function runExperiment(page: Page): Promise<void> {
  await show(page, 'experiments');
  await page.getByTestId('preset-quick-demo').click();
  for (const family of ['factual', 'misconception', 'conspiracy', 'medical']) {
    await page.getByTestId(`per-family-${family}`).fill('2');
    await page.getByTestId(`per-family-${family}`).press('Tab');
  }
  await page.getByTestId('start-run').click();
  await page
    .getByTestId('run-status')
    .filter({ hasText: 'Status: done' })
    .waitFor({ timeout: 60000 });
  await page.getByTestId('error-rate-table').waitFor({ timeout: 20000 });
}

async function populate(page: Page): Promise<void> {
  await page.getByTestId('load-model').click();
  await page.getByTestId('model-ready').waitFor();
  await page.getByTestId('run-comparison').click();
  await page.getByTestId('verdict-warm').waitFor();
  await page.getByText('Choose another question').click();
  await show(page, 'questions');
  await importQuestionSet(
    page,
    'Tiny TruthfulQA with a rather long name for a set',
    'truthful.csv',
    TRUTHFUL_CSV,
  );
  await importQuestionSet(page, 'Generic arithmetic and capitals', 'generic.csv', GENERIC_CSV);
  await page.getByTestId('set-row').nth(1).waitFor();
  await page.getByTestId('toggle-grid').click();
  await page.getByTestId('prompt-grid').waitFor();
  await runExperiment(page);
  await show(page, 'review');
  await page.getByTestId('review-run-size').waitFor();
  await show(page, 'results');
  await page.getByTestId('import-files').setInputFiles({
    name: 'small.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(LONG_CSV, 'utf8'),
  });
  await page.locator('#panel-results').getByTestId('headline-sentence').waitFor();
}

/** Opens every collapsed section of a view, so tables hidden by default are measured too. */
async function expandAll(page: Page, view: string): Promise<void> {
  await page.evaluate((id) => {
    for (const details of document.querySelectorAll(`#panel-${id} details`)) {
      (details as HTMLDetailsElement).open = true;
    }
  }, view);
}

describe.skipIf(!hasBrowser())('layout reflows at every size (no sideways scrolling)', () => {
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    browser = await launchBrowser({ isWebGpu: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(
      (script) => localStorage.setItem('warmth-lab:scripted', script),
      SCRIPT,
    );
    await page.goto(`${inject('baseUrl')}?engine=scripted#/playground`);
    cdp = await page.context().newCDPSession(page);
    await populate(page);
  }, 240000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each(CASES)('%s fits at %s', async (view, sizeName) => {
    const size = SIZES.find((s) => s.name === sizeName)!;
    // Playwright's own viewport first; then the device scale, which it would otherwise reset.
    await page.setViewportSize({ width: size.width, height: size.height });
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: size.width,
      height: size.height,
      deviceScaleFactor: size.scale,
      mobile: false,
    });
    await show(page, view);
    await expandAll(page, view);
    await page.waitForTimeout(300);
    const result = await measure(page);
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(size.scale);
    const detail = `${view} at ${size.name}: page is ${result.scrollWidth}px wide in a ${result.innerWidth}px window; ${result.widest.join('; ')}`;
    expect(result.scrollWidth, detail).toBeLessThanOrEqual(result.innerWidth);
  });
});
