/**
 * Binomial confidence intervals: Wilson score and exact Clopper–Pearson.
 *
 * Owns: interval arithmetic on counts. Invariants: bounds always lie in [0, 1] and are finite;
 * an empty sample (n = 0) has no interval and yields null rather than NaN.
 */
import { betaQuantile } from './special';

/** z for a two-sided 95% interval, Φ⁻¹(0.975), to full double precision. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion `errors / n` (statsmodels `proportion_confint(method="wilson")`).
 * Returns null when n is 0.
 */
export function wilson(errors: number, n: number, z: number = Z_95): [number, number] | null {
  if (n <= 0) return null;
  const p = errors / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)];
}

/**
 * Exact (Clopper–Pearson) interval for `successes / n` at level 1 − alpha, from beta quantiles.
 * Returns null when n is 0.
 */
export function clopperPearson(
  successes: number,
  n: number,
  alpha = 0.05,
): [number, number] | null {
  if (n <= 0) return null;
  const lower = successes === 0 ? 0 : betaQuantile(alpha / 2, successes, n - successes + 1);
  const upper = successes === n ? 1 : betaQuantile(1 - alpha / 2, successes + 1, n - successes);
  return [lower, upper];
}
