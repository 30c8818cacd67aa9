/**
 * Run progress: counts, speed and time left, from injected timestamps.
 *
 * Owns: the arithmetic behind the progress bar. Invariants: pure (the caller passes `now`, in
 * milliseconds); state is replaced, never mutated; a figure that cannot be known yet is `null`,
 * never NaN or Infinity. Entries completed before this session (resume) count as done but not
 * towards speed, which is measured on this session only.
 */
import type { PlanEntry } from './plan';

/** Weight of the newest per-prompt time in the moving average (higher reacts faster). */
export const ETA_SMOOTHING = 0.2;

export interface ProgressState {
  total: number;
  done: number;
  perArmDone: Record<string, number>;
  perArmTotal: Record<string, number>;
  startedAt: number;
  lastAt: number;
  sessionDone: number;
  /** Exponential moving average of wall-clock ms between results; null before the first. */
  emaMsPerPrompt: number | null;
  completionTokens: number;
  generationMs: number;
}

export interface ProgressSummary {
  done: number;
  total: number;
  /** 0..1 */
  fraction: number;
  etaMs: number | null;
  tokensPerSecond: number | null;
  itemsPerMinute: number | null;
  perArm: { armId: string; done: number; total: number }[];
}

/** A finished generation as the progress tracker needs it. */
export interface ProgressSample {
  armId: string;
  elapsedMs: number;
  completionTokens: number;
}

/** Starts tracking a (possibly resumed) run at time `now`. */
export function createProgress(
  plan: readonly PlanEntry[],
  completed: ReadonlySet<number>,
  now: number,
): ProgressState {
  const perArmDone: Record<string, number> = {};
  const perArmTotal: Record<string, number> = {};
  let done = 0;
  for (const entry of plan) {
    perArmTotal[entry.armId] = (perArmTotal[entry.armId] ?? 0) + 1;
    perArmDone[entry.armId] ??= 0;
    if (completed.has(entry.index)) {
      perArmDone[entry.armId] = (perArmDone[entry.armId] ?? 0) + 1;
      done++;
    }
  }
  return {
    total: plan.length,
    done,
    perArmDone,
    perArmTotal,
    startedAt: now,
    lastAt: now,
    sessionDone: 0,
    emaMsPerPrompt: null,
    completionTokens: 0,
    generationMs: 0,
  };
}

/**
 * Adds one finished generation at time `now`. The per-prompt time is the gap since the previous
 * result (or the start), so saving, grading and model loads are included in the ETA.
 */
export function recordProgress(
  state: ProgressState,
  sample: ProgressSample,
  now: number,
): ProgressState {
  const gap = Math.max(0, now - state.lastAt);
  const ema =
    state.emaMsPerPrompt === null
      ? gap
      : ETA_SMOOTHING * gap + (1 - ETA_SMOOTHING) * state.emaMsPerPrompt;
  return {
    ...state,
    done: state.done + 1,
    perArmDone: { ...state.perArmDone, [sample.armId]: (state.perArmDone[sample.armId] ?? 0) + 1 },
    lastAt: now,
    sessionDone: state.sessionDone + 1,
    emaMsPerPrompt: ema,
    completionTokens: state.completionTokens + Math.max(0, sample.completionTokens),
    generationMs: state.generationMs + Math.max(0, sample.elapsedMs),
  };
}

/** Restarts the clock (after a pause) without forgetting counts or the learned speed. */
export function resumeProgress(state: ProgressState, now: number): ProgressState {
  return { ...state, startedAt: now, lastAt: now, sessionDone: 0 };
}

/** The figures to show at time `now`. */
export function summarizeProgress(state: ProgressState, now: number): ProgressSummary {
  const remaining = Math.max(0, state.total - state.done);
  const sessionMs = now - state.startedAt;
  return {
    done: state.done,
    total: state.total,
    fraction: state.total === 0 ? 1 : state.done / state.total,
    etaMs:
      remaining === 0 ? 0 : state.emaMsPerPrompt === null ? null : state.emaMsPerPrompt * remaining,
    tokensPerSecond:
      state.generationMs > 0 ? (state.completionTokens * 1000) / state.generationMs : null,
    itemsPerMinute:
      state.sessionDone > 0 && sessionMs > 0 ? (state.sessionDone * 60000) / sessionMs : null,
    perArm: Object.keys(state.perArmTotal).map((armId) => ({
      armId,
      done: state.perArmDone[armId] ?? 0,
      total: state.perArmTotal[armId] ?? 0,
    })),
  };
}
