/**
 * Power planning for a paired base-vs-warm design (each item × condition answered by both arms).
 *
 * Owns: the approximation. We use the normal approximation to McNemar's test (Connor 1987):
 * with n pairs, discordant-pair proportion ψ and error-rate difference δ = p_warm − p_base,
 *   n(δ) = [z₁₋α/₂·√ψ + z_power·√(ψ − δ²)]² / δ²,
 * and the minimum detectable difference is the smallest δ > 0 with n(δ) ≤ n, found by bisection.
 * When ψ is unknown we assume the two arms err independently given the item (ψ = p₀(1−p₁) +
 * p₁(1−p₀)); real arms are positively correlated, which lowers ψ and the MDD, so this default
 * is conservative. Invariant: impossible targets return `isAchievable: false`, never NaN.
 */
import { normalQuantile } from './special';

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
  const psiAt = (delta: number): number =>
    discordance ?? p0 * (1 - (p0 + delta)) + (p0 + delta) * (1 - p0);
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
      reason: `${pairs} pairs cannot detect even the largest possible rise from ${p0}`,
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
