// Browser figures for the bench, measured in headless Debian Chromium:
// - tti_ms: time to interactive of the production build loaded from the service-worker cache
//   (the app marks 'warmth-lab:interactive' once mounted and started);
// - orchestration_ms_per_prompt and longest_main_thread_task_ms: a 2,000-prompt experiment run
//   with the zero-latency scripted engine, persistence and live charts (test build only).
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const TTI_RUNS = 7;
const ORCHESTRATION_RUNS = 3;
const ORCHESTRATION_PROMPTS = 2000;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function withServer(outDir, port, action) {
  const server = await preview({
    build: { outDir },
    preview: { port, strictPort: true },
    logLevel: 'silent',
  });
  try {
    return await action(`http://localhost:${port}/`);
  } finally {
    await server.close();
  }
}

async function measureTti(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const times = [];
  for (let i = 0; i < TTI_RUNS; i++) {
    await page.reload();
    await page.waitForFunction(
      () => performance.getEntriesByName('warmth-lab:interactive').length > 0,
    );
    times.push(
      await page.evaluate(
        () => performance.getEntriesByName('warmth-lab:interactive')[0].startTime,
      ),
    );
  }
  await context.close();
  return Math.round(median(times));
}

async function measureOrchestration(browser, url, log) {
  const results = [];
  for (let i = 0; i < ORCHESTRATION_RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(
      `${url}?engine=scripted&bench=orchestration&n=${ORCHESTRATION_PROMPTS}#/experiments`,
    );
    const handle = await page.waitForFunction(() => window.__benchResult, null, {
      timeout: 300000,
      polling: 500,
    });
    const result = await handle.jsonValue();
    log(`orchestration run ${i + 1}: ${JSON.stringify(result)}`);
    results.push(result);
    await context.close();
  }
  return {
    orchestration_ms_per_prompt:
      Math.round(median(results.map((r) => r.msPerPrompt)) * 1000) / 1000,
    longest_main_thread_task_ms: Math.round(median(results.map((r) => r.longestTaskMs))),
  };
}

/** Measures every browser figure; a figure that cannot be measured is null, with the reason logged. */
export async function measureBrowserFigures({ log }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    log('measuring time to interactive');
    const tti = await withServer('dist', 4501, (url) => measureTti(browser, url));
    log('running a 2,000-prompt scripted experiment');
    let orchestration = { orchestration_ms_per_prompt: null, longest_main_thread_task_ms: null };
    try {
      orchestration = await withServer('dist-test', 4502, (url) =>
        measureOrchestration(browser, url, log),
      );
    } catch (error) {
      log(
        `orchestration figures unavailable: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
      );
    }
    return { tti_ms: tti, ...orchestration };
  } finally {
    await browser.close();
  }
}
