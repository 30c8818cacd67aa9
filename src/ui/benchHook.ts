/**
 * TEST BUILDS ONLY: the orchestration benchmark hook (`?bench=orchestration&n=2000`).
 *
 * Owns: a design of n prompts, run through the real runner, storage and live dashboard with a
 * zero-latency scripted engine, and `window.__benchResult = {prompts, totalMs, msPerPrompt,
 * longestTaskMs}`. Invariants: reached only through a dynamic import behind
 * `__SCRIPTED_ENGINE__` (see experiments.svelte.ts), so production bundles do not contain it;
 * the longest task is the maximum `longtask` entry duration seen while the run was going
 * (0 when no task exceeded the browser's 50 ms long-task threshold).
 */
import { createBenchDesign } from '../core/experiment/benchDesign';
import { bindDefaultModel } from '../core/experiment/presets';
import { BUILT_IN_ITEMS } from '../core/questions/bank';
import { createEngine } from '../engine/engineFactory';
import { warmUpCharts } from './components/charts/chartLoader';
import { SCRIPTED_MODEL_ID } from './state/engine.svelte';
import type { ExperimentsState } from './state/experiments.svelte';

export interface BenchResult {
  prompts: number;
  totalMs: number;
  msPerPrompt: number;
  longestTaskMs: number;
}

const DEFAULT_PROMPTS = 2000;
const MAX_PROMPTS = 10000;

function observeLongTasks(): { stop(): number } {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  try {
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    // Browsers without long-task timing report 0.
  }
  return {
    stop: () => {
      observer.disconnect();
      return longest;
    },
  };
}

function settle(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Runs the bench with n prompts and returns its figures. */
export async function runOrchestrationBench(
  experiments: ExperimentsState,
  n: number,
): Promise<BenchResult> {
  const engine = await createEngine('scripted', { tokenDelayMs: 0, loadSteps: 1 });
  const design = bindDefaultModel(createBenchDesign(n), SCRIPTED_MODEL_ID);
  experiments.builder.load(design);
  // As in the app, loading a design and pressing Start are separate tasks: let the builder's
  // preview (prompts composed in short tasks, plan, estimate) render before the clock starts.
  await settle();
  while (experiments.builder.isComposing) await settle();
  // The builder warms chart.js up (see RunSummary); a user reading the design gives it the time.
  await warmUpCharts();
  await settle();
  const tasks = observeLongTasks();
  const startedAt = performance.now();
  // Marks for profiling: the run's span shows up in traces and the Performance panel.
  performance.mark('warmth-lab:bench-start');
  await experiments.runner.start({
    design,
    pool: BUILT_IN_ITEMS,
    loadModel: async (modelId) => {
      await engine.load(modelId);
      return engine;
    },
    engineLabel: engine.label,
    planLimit: n,
  });
  const totalMs = performance.now() - startedAt;
  performance.mark('warmth-lab:bench-end');
  const longestTaskMs = tasks.stop();
  const prompts = experiments.runner.records.length;
  return { prompts, totalMs, msPerPrompt: prompts > 0 ? totalMs / prompts : 0, longestTaskMs };
}

/** Starts the bench when the URL asks for it; the result lands on `window.__benchResult`. */
export async function startBenchFromUrl(
  experiments: ExperimentsState,
  search: string,
): Promise<void> {
  const params = new URLSearchParams(search);
  if (params.get('bench') !== 'orchestration') return;
  const asked = Number(params.get('n') ?? DEFAULT_PROMPTS);
  const n = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_PROMPTS) : DEFAULT_PROMPTS;
  const result = await runOrchestrationBench(experiments, n);
  (window as { __benchResult?: BenchResult }).__benchResult = result;
}
