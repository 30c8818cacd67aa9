/**
 * A difference of two ratios (warm − base) with a standard error clustered by question.
 *
 * Owns: the one interval method of the headline and the flip rate. Each arm's rate is a ratio
 * R = ΣY/ΣX over clusters g (for an error rate Y = errors and X = answers; for a flip rate
 * Y = flips and X = answers correct without a belief). The variance of D = R_warm − R_base is
 * the linearised (delta-method) cluster-robust sandwich: u_g = (Y_wg − R_w·X_wg)/X_w −
 * (Y_bg − R_b·X_bg)/X_b and Var(D) = G/(G−1)·Σ u_g², the CR1 small-sample factor statsmodels
 * uses. For the paired error difference this is exactly the cluster-robust SE of the mean of
 * d_i = warm_wrong − base_wrong. The interval and the p-value use Student's t with G − 1
 * degrees of freedom rather than the normal, since a workshop run has 10–40 questions and the
 * normal would be too narrow there. Invariants: fewer than two clusters, or a zero standard
 * error, give no interval and p = null, never a zero-width "certain" interval; bounds are
 * clipped to ±100 pp, which a difference of proportions cannot leave.
 */
import { betaQuantile, regularizedIncompleteBeta } from './special';

/** One cluster's totals for both arms. */
export interface ClusterTotals {
  warmY: number;
  warmX: number;
  baseY: number;
  baseX: number;
}

export interface RatioDifference {
  warmRate: number;
  baseRate: number;
  /** warm − base, percentage points. */
  pp: number;
  sePp: number | null;
  lowPp: number | null;
  highPp: number | null;
  /** Two-sided p of the t test of no difference; null when there is nothing to test. */
  p: number | null;
  clusters: number;
}

/** Two-sided 95% quantile of Student's t with `df` degrees of freedom. */
export function tQuantile95(df: number): number {
  // P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2); solve for the x giving 0.05, then t.
  const x = betaQuantile(0.05, df / 2, 0.5);
  return Math.sqrt((df * (1 - x)) / x);
}

/** Two-sided p-value of t with `df` degrees of freedom. */
export function tTwoSidedP(t: number, df: number): number {
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

function sum(totals: readonly ClusterTotals[], key: keyof ClusterTotals): number {
  return totals.reduce((total, cluster) => total + cluster[key], 0);
}

/**
 * warm − base difference of two ratios over clusters, with its clustered 95% interval.
 * @returns null when either arm has a zero denominator.
 */
export function clusteredRatioDifference(totals: readonly ClusterTotals[]): RatioDifference | null {
  const warmX = sum(totals, 'warmX');
  const baseX = sum(totals, 'baseX');
  if (warmX === 0 || baseX === 0) return null;
  const warmRate = sum(totals, 'warmY') / warmX;
  const baseRate = sum(totals, 'baseY') / baseX;
  const difference = warmRate - baseRate;
  const groups = totals.length;
  let squares = 0;
  for (const g of totals) {
    const u = (g.warmY - warmRate * g.warmX) / warmX - (g.baseY - baseRate * g.baseX) / baseX;
    squares += u * u;
  }
  const se = groups >= 2 ? Math.sqrt((groups / (groups - 1)) * squares) : 0;
  // 1e-12 absorbs rounding: a difference every cluster agrees on exactly has no spread.
  const hasSpread = se > 1e-12;
  const half = hasSpread ? tQuantile95(groups - 1) * se : 0;
  return {
    warmRate,
    baseRate,
    pp: 100 * difference,
    sePp: hasSpread ? 100 * se : null,
    lowPp: hasSpread ? 100 * Math.max(-1, difference - half) : null,
    highPp: hasSpread ? 100 * Math.min(1, difference + half) : null,
    p: hasSpread ? tTwoSidedP(difference / se, groups - 1) : null,
    clusters: groups,
  };
}
