// Benchmark runner: prints ONE JSON object with every budget figure (each a median of several runs).
// Figures: shell_js_gzip_kb, tti_ms, analysis_440k_ms, orchestration_ms_per_prompt,
// longest_main_thread_task_ms, cli_analyze_425k_ms (+ CPU ms; with BENCH_STATSMODELS=1 also the
// statsmodels pipeline and the ratio). Progress goes to stderr so stdout stays parseable.
import { execFileSync } from 'node:child_process';
import { shellJsGzipKb } from './shellSize.mjs';
import { measureBrowserFigures } from './browser.mjs';
import { measureCliAnalyze } from './cliAnalyze.mjs';

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

function runAnalysisBench() {
  const out = execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'bench/analysis.ts'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    },
  );
  const line = out.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line);
}

async function main() {
  log('building production bundle');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const result = { shell_js_gzip_kb: shellJsGzipKb('dist') };
  log('building test bundle for the browser figures');
  execFileSync(
    'npx',
    ['vite', 'build', '--mode', 'test', '--outDir', 'dist-test', '--logLevel', 'error'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  Object.assign(result, await measureBrowserFigures({ log }));
  log('analysing a paper-scale table');
  const analysis = runAnalysisBench();
  result.analysis_440k_ms = analysis.analysis_440k_ms;
  result.analysis_rows = analysis.rows;
  log('timing the CLI end to end on the paper-scale CSV');
  Object.assign(result, measureCliAnalyze({ log }));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
});
