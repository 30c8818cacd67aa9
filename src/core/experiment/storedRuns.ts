/**
 * Small pure helpers about stored runs and measured speed, for the experiments view.
 *
 * Owns: which runs can be resumed, how they are offered, and the decode speed learned from the
 * playground history. Invariant: a speed is a positive finite number or null, never NaN.
 */
import type { Comparison, RunRecord } from '../records';

/** A stored run with how many of its plan entries already have answers. */
export interface StoredRunSummary {
  run: RunRecord;
  done: number;
}

/** Runs left `running` (e.g. by a reload) or `paused` can continue where they stopped. */
export function isResumable(run: RunRecord): boolean {
  return run.status === 'running' || run.status === 'paused';
}

/** "Resume run “Quick demo”: 120/240 done". */
export function resumeLabel(summary: StoredRunSummary): string {
  return `Resume run “${summary.run.name}”: ${summary.done}/${summary.run.planSize} done`;
}

/** "Quick demo · done · 240/240 · 2025-01-02 10:00". */
export function describeStoredRun(summary: StoredRunSummary): string {
  const { run, done } = summary;
  const when = run.createdAt.slice(0, 16).replace('T', ' ');
  return `${run.name} · ${run.status} · ${done}/${run.planSize} · ${when}`;
}

const SPEED_SAMPLES = 10;

/**
 * The median decode speed of the model's most recent playground answers (newest first), or
 * null when none was measured.
 */
export function speedFromHistory(
  comparisons: readonly Comparison[],
  modelId: string | null,
): number | null {
  if (modelId === null) return null;
  const speeds = comparisons
    .filter((c) => c.modelId === modelId)
    .flatMap((c) => c.arms.map((arm) => arm.usage.decodeTokensPerSecond))
    .filter((s): s is number => typeof s === 'number' && Number.isFinite(s) && s > 0)
    .slice(0, SPEED_SAMPLES)
    .sort((a, b) => a - b);
  if (speeds.length === 0) return null;
  const mid = Math.floor(speeds.length / 2);
  const upper = speeds[mid] as number;
  return speeds.length % 2 === 1 ? upper : ((speeds[mid - 1] as number) + upper) / 2;
}
