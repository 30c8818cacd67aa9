// CLI end-to-end figure (issue 12): builds the CLI as one ESM bundle with esbuild (no tsx
// start-up), writes the paper-scale CSV of paperScale.ts (448,000 rows) once to the temp folder,
// and times `node --max-semi-space-size=64 dist/cli/warmth-lab.mjs analyze FILE --json` from
// process start to exit
// (median of RUNS). With BENCH_STATSMODELS=1 it also times bench/statsmodels_pipeline.py under
// the system Python (one run, 20 s or more) and reports the ratio. Wall time on a shared
// machine is noisy, so CPU time (user + sys, from /usr/bin/time) is reported beside it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = 3;
const BUNDLE = 'dist/cli/warmth-lab.mjs';
const CSV = join(tmpdir(), 'warmth-lab-bench-paper-scale.csv');
const TIME = '/usr/bin/time';
/** A larger young generation: the reader allocates one short-lived array per row (~10% less CPU). */
const NODE_FLAGS = ['--max-semi-space-size=64'];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs a command; returns wall and CPU milliseconds (CPU null without /usr/bin/time). */
function timed(command, args) {
  const hasTime = existsSync(TIME);
  const start = performance.now();
  const result = hasTime
    ? spawnSync(TIME, ['-f', 'cpu %U %S', command, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.slice(-500)}`);
  const match = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  const cpu = match ? (Number(match[1]) + Number(match[2])) * 1000 : null;
  return { wall, cpu };
}

export function measureCliAnalyze({ log }) {
  mkdirSync('dist/cli', { recursive: true });
  execFileSync(
    'npx',
    [
      'esbuild',
      'src/cli/main.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      `--outfile=${BUNDLE}`,
      '--log-level=warning',
    ],
    { stdio: 'inherit' },
  );
  if (!existsSync(CSV)) {
    log(`writing the paper-scale CSV to ${CSV}`);
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bench/paperScale.ts', CSV], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const runs = Array.from({ length: RUNS }, () =>
    timed(process.execPath, [...NODE_FLAGS, BUNDLE, 'analyze', CSV, '--json']),
  );
  log(`cli analyze runs (wall ms): ${runs.map((r) => r.wall.toFixed(0)).join(', ')}`);
  const result = {
    cli_analyze_425k_ms: Math.round(median(runs.map((r) => r.wall))),
    cli_analyze_425k_cpu_ms:
      runs[0].cpu === null ? null : Math.round(median(runs.map((r) => r.cpu))),
  };
  if (process.env.BENCH_STATSMODELS === '1') {
    log('timing the statsmodels pipeline (one run)');
    const python = timed('/usr/bin/python3', ['bench/statsmodels_pipeline.py', CSV]);
    result.statsmodels_pipeline_ms = Math.round(python.wall);
    result.statsmodels_pipeline_cpu_ms = python.cpu === null ? null : Math.round(python.cpu);
    result.cli_speedup_wall = Number((python.wall / result.cli_analyze_425k_ms).toFixed(1));
    if (python.cpu !== null && result.cli_analyze_425k_cpu_ms !== null) {
      result.cli_speedup_cpu = Number((python.cpu / result.cli_analyze_425k_cpu_ms).toFixed(1));
    }
  }
  return result;
}

if (import.meta.url.endsWith(process.argv[1] ?? '')) {
  const figures = measureCliAnalyze({ log: (m) => process.stderr.write(`[bench] ${m}\n`) });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
