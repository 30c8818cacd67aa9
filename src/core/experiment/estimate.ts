/**
 * Pre-run estimates: how many generations a plan makes and roughly how long it will take.
 *
 * Owns: the defaults used before anything was measured. Invariants: pure; an estimate is an
 * upper-leaning guess (defaults are deliberately slow) and never NaN — unknown or invalid
 * measurements fall back to the documented defaults.
 */
import type { Arm } from '../types';
import { FAST_MODE_MAX_TOKENS } from './messages';
import type { PlanEntry } from './plan';
import { describePhases, scheduleEntries } from './schedule';

/**
 * Decode speed assumed before one is measured. Small (0.5–3B) 4-bit models in web-llm decode at
 * roughly 10–60 tokens/s on integrated or laptop GPUs; 8 tokens/s keeps a first estimate on the
 * slow side rather than promising a run that then takes twice as long.
 */
export const DEFAULT_TOKENS_PER_SECOND = 8;
/** Typical length of a full (non-fast) answer, in tokens: a sentence or short paragraph. */
export const EXPECTED_ANSWER_TOKENS = 120;
/** Fixed cost per generation: prompt prefill and bookkeeping. */
export const PER_GENERATION_OVERHEAD_MS = 400;
/** Loading a cached model into GPU memory, paid once per model phase. */
export const MODEL_LOAD_MS = 15000;

export interface EstimateOptions {
  /** Measured decode speed (e.g. from a previous run); invalid values use the default. */
  tokensPerSecond?: number;
  /** Measured average answer length; invalid values use the default. */
  tokensPerAnswer?: number;
  isFastMode?: boolean;
}

export interface RunEstimate {
  /** Distinct composed prompts (item × condition). */
  prompts: number;
  /** Plan entries: prompts × samples × arms. */
  generations: number;
  modelPhases: number;
  expectedTokens: number;
  expectedMs: number;
  tokensPerSecond: number;
  isMeasuredSpeed: boolean;
}

function isPositive(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function expectedTokensFor(arm: Arm | undefined, options: EstimateOptions): number {
  const typical = isPositive(options.tokensPerAnswer)
    ? options.tokensPerAnswer
    : EXPECTED_ANSWER_TOKENS;
  const cap = options.isFastMode === true ? FAST_MODE_MAX_TOKENS : Number.POSITIVE_INFINITY;
  const armCap = arm?.settings.maxTokens ?? Number.POSITIVE_INFINITY;
  return Math.min(typical, cap, armCap);
}

/**
 * Estimates a run before it starts.
 * @param plan the plan (its order does not matter).
 * @param arms the design's arms, for each arm's token cap.
 */
export function estimateRun(
  plan: readonly PlanEntry[],
  arms: readonly Arm[],
  options: EstimateOptions = {},
): RunEstimate {
  const armsById = new Map(arms.map((arm) => [arm.id, arm]));
  const prompts = new Set(plan.map((entry) => entry.pairKey.replace(/\|\d+$/, '')));
  const expectedTokens = plan.reduce(
    (sum, entry) => sum + expectedTokensFor(armsById.get(entry.armId), options),
    0,
  );
  const measured = options.tokensPerSecond;
  const isMeasuredSpeed = isPositive(measured);
  const tokensPerSecond = isPositive(measured) ? measured : DEFAULT_TOKENS_PER_SECOND;
  const modelPhases = describePhases(scheduleEntries(plan)).length;
  const expectedMs = Math.round(
    (expectedTokens / tokensPerSecond) * 1000 +
      plan.length * PER_GENERATION_OVERHEAD_MS +
      modelPhases * MODEL_LOAD_MS,
  );
  return {
    prompts: prompts.size,
    generations: plan.length,
    modelPhases,
    expectedTokens,
    expectedMs,
    tokensPerSecond,
    isMeasuredSpeed,
  };
}
