/**
 * Measured generation speed per model, and the time estimate built from it.
 *
 * Owns: measuring a run's speed from its stored answers (their `usage` and `elapsedMs`), the
 * per-model speed book kept in settings, and the plan's time estimate as the builder shows it.
 * Why: a fixed guess (8 tokens/s, 120 tokens per answer, 15 s per model load) told a user "about
 * 17 min" for a run that took 15 s. Invariants: pure; speeds are kept per model id AND per mode
 * (fast answer-only vs full answers, which differ by ten times); an estimate is a range until the
 * model has been measured in that mode, and always says how its figure was obtained.
 */
import type { Arm, ResponseRecord } from '../types';
import type { RunEstimate } from './estimate';
import { estimateRun } from './estimate';
import type { PlanEntry } from './plan';

/** Decode speeds bracketing small 4-bit models in web-llm, from integrated GPUs to laptop GPUs. */
export const UNMEASURED_SPEED_RANGE = { slow: 8, fast: 40 } as const;

export interface MeasuredSpeed {
  /** Wall-clock milliseconds per answer, prompt to last token (engine overhead included). */
  msPerAnswer: number;
  tokensPerSecond: number;
  answers: number;
  isFastMode: boolean;
  measuredAt: string;
}

/** Model id + mode → speed. Stored as a whole under one settings key. */
export type SpeedBook = Record<string, MeasuredSpeed>;

export function speedKey(modelId: string, isFastMode: boolean): string {
  return `${modelId}|${isFastMode ? 'fast' : 'full'}`;
}

/** The speed of each model in a run's answers, or nothing for models without usable answers. */
export function measureSpeeds(
  records: readonly ResponseRecord[],
  isFastMode: boolean,
  measuredAt: string,
): Map<string, MeasuredSpeed> {
  const byModel = new Map<string, { ms: number; tokens: number; answers: number }>();
  for (const record of records) {
    if (record.finishReason === 'abort' || !(record.elapsedMs > 0)) continue;
    const sum = byModel.get(record.modelId) ?? { ms: 0, tokens: 0, answers: 0 };
    sum.ms += record.elapsedMs;
    sum.tokens += Math.max(0, record.usage.completionTokens);
    sum.answers += 1;
    byModel.set(record.modelId, sum);
  }
  const speeds = new Map<string, MeasuredSpeed>();
  for (const [modelId, sum] of byModel) {
    speeds.set(modelId, {
      msPerAnswer: sum.ms / sum.answers,
      tokensPerSecond: sum.tokens / (sum.ms / 1000),
      answers: sum.answers,
      isFastMode,
      measuredAt,
    });
  }
  return speeds;
}

/** The book with this run's measurements replacing older ones of the same model and mode. */
export function recordSpeeds(book: SpeedBook, measured: Map<string, MeasuredSpeed>): SpeedBook {
  const next: SpeedBook = { ...book };
  for (const [modelId, speed] of measured) next[speedKey(modelId, speed.isFastMode)] = speed;
  return next;
}

export interface TimeEstimate {
  lowMs: number;
  highMs: number;
  isMeasured: boolean;
  /** How the figure was obtained, in words. */
  how: string;
}

/**
 * The plan's expected duration. Measured: answers × measured time per answer (one figure).
 * Unmeasured: the usual estimate at 40 and at 8 tokens/s, as a range.
 */
export function estimateTime(
  plan: readonly PlanEntry[],
  arms: readonly Arm[],
  isFastMode: boolean,
  measured: MeasuredSpeed | undefined,
): TimeEstimate {
  if (measured !== undefined && measured.answers > 0) {
    const ms = Math.round(plan.length * measured.msPerAnswer);
    const mode = isFastMode ? 'fast-mode' : 'full';
    const how = `measured in this browser: ${(measured.msPerAnswer / 1000).toFixed(2)} s per answer over ${measured.answers} ${mode} answers (${measured.tokensPerSecond.toFixed(1)} tokens/s, ${measured.measuredAt.slice(0, 10)})`;
    return { lowMs: ms, highMs: ms, isMeasured: true, how };
  }
  const at = (tokensPerSecond: number): RunEstimate =>
    estimateRun(plan, arms, { isFastMode, tokensPerSecond });
  return {
    lowMs: at(UNMEASURED_SPEED_RANGE.fast).expectedMs,
    highMs: at(UNMEASURED_SPEED_RANGE.slow).expectedMs,
    isMeasured: false,
    how: `not measured yet for this model: assumes ${UNMEASURED_SPEED_RANGE.fast} to ${UNMEASURED_SPEED_RANGE.slow} tokens/s and a model load; the first run measures it`,
  };
}
