// CLI end-to-end figure (issue 12): builds the CLI bundle with `npm run build:cli` (the file
// bin/warmth-lab.js runs when it is fresh, with no tsx start-up), writes the paper-scale CSV of
// paperScale.ts (448,000 rows) once to the temp folder, and times what a user runs,
// `node bin/warmth-lab.js analyze FILE --json` (= `npm run cli -- analyze …` without npm's own
// start-up), from process start to exit (median of RUNS). With BENCH_STATSMODELS=1 it also times bench/statsmodels_pipeline.py
// under the system Python right after each CLI run (RUNS times, 15 s or more each; medians) and
// reports the ratios. Wall time on a shared machine is noisy, so CPU time (user + sys, from
// /usr/bin/time) is reported beside it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = 3;
const BUNDLE = 'build/cli/warmth-lab.mjs';
const BIN = 'bin/warmth-lab.js';
const CSV = join(tmpdir(), 'warmth-lab-bench-paper-scale.csv');
const TIME = '/usr/bin/time';

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

/** Builds the bundle with the package's own script, so the bench times what `bin/` runs. */
function buildBundle() {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { stdio: 'inherit' });
  if (!existsSync(BUNDLE)) throw new Error(`npm run build:cli did not write ${BUNDLE}`);
}

function medians(runs) {
  const cpu = runs.some((r) => r.cpu === null) ? null : Math.round(median(runs.map((r) => r.cpu)));
  return { wall: Math.round(median(runs.map((r) => r.wall))), cpu };
}

export function measureCliAnalyze({ log }) {
  mkdirSync('build/cli', { recursive: true });
  buildBundle();
  if (!existsSync(CSV)) {
    log(`writing the paper-scale CSV to ${CSV}`);
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bench/paperScale.ts', CSV], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const withPython = process.env.BENCH_STATSMODELS === '1';
  if (withPython) log(`timing CLI and statsmodels back to back, ${RUNS} times (minutes)`);
  const cliRuns = [];
  const pythonRuns = [];
  // Back to back, so both pipelines see the same load on a shared machine.
  for (let run = 0; run < RUNS; run++) {
    cliRuns.push(timed(process.execPath, [BIN, 'analyze', CSV, '--json']));
    if (withPython) {
      pythonRuns.push(timed('/usr/bin/python3', ['bench/statsmodels_pipeline.py', CSV]));
    }
  }
  const show = (runs) => runs.map((r) => `${r.wall.toFixed(0)}/${r.cpu?.toFixed(0)}`).join(', ');
  log(`cli analyze runs (wall/cpu ms): ${show(cliRuns)}`);
  const cli = medians(cliRuns);
  const result = { cli_analyze_425k_ms: cli.wall, cli_analyze_425k_cpu_ms: cli.cpu };
  if (withPython) {
    log(`statsmodels runs (wall/cpu ms): ${show(pythonRuns)}`);
    const python = medians(pythonRuns);
    result.statsmodels_pipeline_ms = python.wall;
    result.statsmodels_pipeline_cpu_ms = python.cpu;
    result.cli_speedup_wall = Number((python.wall / cli.wall).toFixed(1));
    if (python.cpu !== null && cli.cpu !== null) {
      result.cli_speedup_cpu = Number((python.cpu / cli.cpu).toFixed(1));
    }
  }
  return result;
}

if (import.meta.url.endsWith(process.argv[1] ?? '')) {
  const figures = measureCliAnalyze({ log: (m) => process.stderr.write(`[bench] ${m}\n`) });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
