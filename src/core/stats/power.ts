/**
 * Power planning for a paired base-vs-warm design (each item × condition answered by both arms).
 *
 * Owns: the approximation. We use the normal approximation to McNemar's test (Connor 1987):
 * with n pairs, discordant-pair proportion ψ and error-rate difference δ = p_warm − p_base,
 *   n(δ) = [z₁₋α/₂·√ψ + z_power·√(ψ − δ²)]² / δ²,
 * and the minimum detectable difference is the smallest δ > 0 with n(δ) ≤ n, found by bisection.
 * When ψ is unknown we assume the two arms err independently given the item (ψ = p₀(1−p₁) +
 * p₁(1−p₀)); real arms are positively correlated, which lowers ψ and the MDD, so this default
 * is conservative.
 *
 * Questions, not prompts (`planQuestionPower`): the m prompts of one question share it, so
 * their paired differences correlate (intra-question correlation ρ). The variance of the mean
 * difference then grows by the design effect DE = 1 + (m − 1)·ρ (Kish), and n pairs are worth
 * n / DE independent ones. ρ comes from a pilot or imported results (`estimateQuestionIcc`);
 * without one we assume DEFAULT_QUESTION_ICC = 0.25, a deliberately cautious guess (no
 * published estimate exists; with the paper's 28 prompts per question it gives DE = 7.75).
 * Invariant: impossible targets return `isAchievable: false`, never NaN.
 */
import { normalQuantile } from './special';

/** ρ assumed when no pilot or imported results give one (see the module header). */
export const DEFAULT_QUESTION_ICC = 0.25;
/** The paper's average rise in error rate (+7.43 pp): the default difference to plan for. */
export const PAPER_EFFECT_PP = 7.43;

export interface PowerInput {
  /** Planned number of base/warm pairs (items × conditions × samples). */
  pairs: number;
  /** Expected error rate of the base arm, 0 < p < 1. */
  baseErrorRate: number;
  /** Expected share of discordant pairs ψ, if known from a pilot (else independence is assumed). */
  discordance?: number;
  alpha?: number;
  power?: number;
}

export interface PowerResult {
  isAchievable: boolean;
  /** Smallest detectable rise in error rate, in percentage points (null when not achievable). */
  mddPp: number | null;
  /** Warm-arm error rate at the MDD. */
  warmErrorRate: number | null;
  /** ψ used at the MDD. */
  discordance: number | null;
  approximation: string;
  reason?: string;
}

const APPROXIMATION =
  'McNemar normal approximation (Connor 1987), two-sided; ψ assumed from independent arms unless given';

function assertOpenUnit(name: string, value: number): void {
  if (!(value > 0 && value < 1))
    throw new RangeError(`${name} must be between 0 and 1 (got ${value})`);
}

function validateInput(
  pairs: number,
  p0: number,
  discordance: number | undefined,
  alpha: number,
  power: number,
): void {
  if (!(Number.isInteger(pairs) && pairs >= 1))
    throw new RangeError(`pairs must be a positive whole number (got ${pairs})`);
  assertOpenUnit('baseErrorRate', p0);
  assertOpenUnit('alpha', alpha);
  assertOpenUnit('power', power);
  if (discordance !== undefined && !(discordance > 0 && discordance <= 1)) {
    throw new RangeError(`discordance must be in (0, 1] (got ${discordance})`);
  }
}

/** Pairs needed to detect an error-rate difference δ with discordance ψ (Connor 1987). */
export function requiredPairs(
  delta: number,
  discordance: number,
  alpha = 0.05,
  power = 0.8,
): number {
  const excess = discordance - delta * delta;
  if (!(delta > 0) || excess < 0) return Infinity;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zPower = normalQuantile(power);
  return (zAlpha * Math.sqrt(discordance) + zPower * Math.sqrt(excess)) ** 2 / (delta * delta);
}

/**
 * Minimum detectable increase in error rate (percentage points) for a planned paired design.
 * See the module header for the approximation and its assumptions.
 */
export function minimumDetectableDifference(input: PowerInput): PowerResult {
  const { pairs, baseErrorRate: p0, discordance, alpha = 0.05, power = 0.8 } = input;
  validateInput(pairs, p0, discordance, alpha, power);
  return searchDifference({ ...input, alpha, power }, pairs, `${pairs} pairs`);
}

/** ψ at a difference δ: as given, or from independent arms. */
function discordanceAt(p0: number, discordance: number | undefined, delta: number): number {
  return discordance ?? p0 * (1 - (p0 + delta)) + (p0 + delta) * (1 - p0);
}

/** The smallest δ detectable with `effectivePairs` independent pairs (bisection). */
function searchDifference(
  input: PowerInput & { alpha: number; power: number },
  effectivePairs: number,
  what: string,
): PowerResult {
  const { baseErrorRate: p0, discordance, alpha, power } = input;
  const pairs = effectivePairs;
  const psiAt = (delta: number): number => discordanceAt(p0, discordance, delta);
  const isDetectable = (delta: number): boolean =>
    requiredPairs(delta, psiAt(delta), alpha, power) <= pairs;
  let high = 1 - p0;
  // δ = p₀₁ − p₁₀ can never exceed ψ = p₀₁ + p₁₀.
  if (discordance !== undefined) high = Math.min(high, discordance);
  if (!isDetectable(high)) {
    return {
      isAchievable: false,
      mddPp: null,
      warmErrorRate: null,
      discordance: null,
      approximation: APPROXIMATION,
      reason: `${what} cannot detect even the largest possible rise from ${p0}`,
    };
  }
  let low = 0;
  for (let i = 0; i < 100 && high - low > 1e-12; i++) {
    const mid = 0.5 * (low + high);
    if (isDetectable(mid)) high = mid;
    else low = mid;
  }
  return {
    isAchievable: true,
    mddPp: high * 100,
    warmErrorRate: p0 + high,
    discordance: psiAt(high),
    approximation: APPROXIMATION,
  };
}

export interface QuestionPowerInput {
  /** Distinct questions, each answered by both arms. */
  questions: number;
  /** m: prompts per question (contexts × belief framings × samples). */
  promptsPerQuestion: number;
  /** Expected error rate of the base arm, 0 < p < 1. */
  baseErrorRate: number;
  /** Intra-question correlation ρ from a pilot or imported results (default DEFAULT_QUESTION_ICC). */
  icc?: number | null;
  /** The rise in error rate to plan for, in pp (default the paper's PAPER_EFFECT_PP). */
  targetDifferencePp?: number;
  alpha?: number;
  power?: number;
}

export interface QuestionPowerResult extends PowerResult {
  pairs: number;
  icc: number;
  iccSource: 'given' | 'default';
  /** 1 + (m − 1)·ρ. */
  designEffect: number;
  /** pairs / design effect: what the design is worth in independent pairs. */
  effectivePairs: number;
  targetDifferencePp: number;
  /** Questions (at this m) needed to detect the target difference; null when no number can. */
  questionsNeeded: number | null;
}

function validateQuestions(input: QuestionPowerInput, icc: number, target: number): void {
  const { questions, promptsPerQuestion } = input;
  if (!(Number.isInteger(questions) && questions >= 1))
    throw new RangeError(`questions must be a positive whole number (got ${questions})`);
  if (!(Number.isInteger(promptsPerQuestion) && promptsPerQuestion >= 1)) {
    throw new RangeError(
      `promptsPerQuestion must be a positive whole number (got ${promptsPerQuestion})`,
    );
  }
  if (!(icc >= 0 && icc <= 1)) throw new RangeError(`icc must be in [0, 1] (got ${icc})`);
  if (!(target > 0 && target < 100))
    throw new RangeError(`targetDifferencePp must be between 0 and 100 (got ${target})`);
}

/**
 * Power of a paired design counted in questions: the minimum detectable difference of
 * `questions × promptsPerQuestion` pairs after the design effect, and how many questions the
 * design needs to detect `targetDifferencePp`. See the module header.
 */
export function planQuestionPower(input: QuestionPowerInput): QuestionPowerResult {
  const icc = input.icc ?? DEFAULT_QUESTION_ICC;
  const target = input.targetDifferencePp ?? PAPER_EFFECT_PP;
  const { questions, promptsPerQuestion: m, baseErrorRate: p0 } = input;
  const alpha = input.alpha ?? 0.05;
  const power = input.power ?? 0.8;
  validateQuestions(input, icc, target);
  validateInput(1, p0, undefined, alpha, power);
  const pairs = questions * m;
  const designEffect = 1 + (m - 1) * icc;
  const effectivePairs = pairs / designEffect;
  const what = `${questions} questions × ${m} prompts`;
  const mdd = searchDifference({ pairs, baseErrorRate: p0, alpha, power }, effectivePairs, what);
  const delta = target / 100;
  const independent = requiredPairs(delta, discordanceAt(p0, undefined, delta), alpha, power);
  // A warm error rate above 100% cannot be planned for.
  const needed =
    Number.isFinite(independent) && p0 + delta < 1
      ? Math.ceil((independent * designEffect) / m - 1e-9)
      : null;
  const approximation = `${APPROXIMATION}; design effect 1 + (m − 1)·ρ for m prompts per question`;
  return {
    ...mdd,
    approximation,
    pairs,
    icc,
    iccSource: input.icc === undefined || input.icc === null ? 'default' : 'given',
    designEffect,
    effectivePairs,
    targetDifferencePp: target,
    questionsNeeded: needed,
  };
}
