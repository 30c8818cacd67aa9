// Question-set save figure (issue 14, item 6), kept apart from bench/run.mjs: bundles
// bench/questionSaveEntry.ts, serves it on localhost, saves 188,000 synthetic items into
// Chromium's real IndexedDB and prints ONE JSON line with the longest main-thread task
// (PerformanceObserver 'longtask'). Budget: no task over 200 ms.
// Usage: node bench/questionSave.mjs   (QUESTION_SAVE_ITEMS=20000 for a quicker run)
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const COUNT = Number(process.env.QUESTION_SAVE_ITEMS ?? 188_000);
const BATCH = process.env.QUESTION_SAVE_BATCH ? Number(process.env.QUESTION_SAVE_BATCH) : undefined;
const BUDGET_MS = 200;

const bundled = await build({
  entryPoints: ['bench/questionSaveEntry.ts'],
  bundle: true,
  format: 'esm',
  write: false,
  target: 'es2022',
});
const script = bundled.outputFiles[0].text;
const server = createServer((request, response) => {
  const isScript = request.url === '/bench.js';
  response.setHeader('content-type', isScript ? 'text/javascript' : 'text/html');
  response.end(
    isScript ? script : '<!doctype html><script type="module" src="/bench.js"></script>',
  );
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => 'runQuestionSave' in globalThis);
  const figures = await page.evaluate(
    (args) => globalThis.runQuestionSave(...args),
    [COUNT, BATCH],
  );
  const isWithinBudget = figures.question_save_longest_task_ms <= BUDGET_MS;
  console.log(JSON.stringify({ ...figures, question_save_budget_ms: BUDGET_MS, isWithinBudget }));
} finally {
  await browser.close();
  server.close();
}
