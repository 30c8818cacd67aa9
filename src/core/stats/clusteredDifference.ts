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

/** Quantiles already solved for, by df: a summary asks for the same df a dozen times. */
const T_QUANTILES = new Map<number, number>();

/** Two-sided 95% quantile of Student's t with `df` degrees of freedom. */
export function tQuantile95(df: number): number {
  let t = T_QUANTILES.get(df);
  if (t !== undefined) return t;
  // P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2); solve for the x giving 0.05, then t.
  const x = betaQuantile(0.05, df / 2, 0.5);
  t = Math.sqrt((df * (1 - x)) / x);
  if (T_QUANTILES.size < 4096) T_QUANTILES.set(df, t);
  return t;
}

/** Two-sided p-value of t with `df` degrees of freedom. */
export function tTwoSidedP(t: number, df: number): number {
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * Per-cluster totals of both arms in typed arrays, for accumulating ~200,000 pairs without a
 * Map or an object per cluster. Clusters are dense ids in [0, clusterCount); each gets a slot
 * the first time it is touched, so slots run in first-appearance order, the order a Map keyed
 * by cluster would iterate (and the order the variance is summed in).
 */
export class ClusterSums {
  readonly warmY: Float64Array;
  readonly warmX: Float64Array;
  readonly baseY: Float64Array;
  readonly baseX: Float64Array;
  readonly #slotOf: Int32Array;
  #size = 0;

  constructor(clusterCount: number) {
    this.#slotOf = new Int32Array(clusterCount).fill(-1);
    this.warmY = new Float64Array(clusterCount);
    this.warmX = new Float64Array(clusterCount);
    this.baseY = new Float64Array(clusterCount);
    this.baseX = new Float64Array(clusterCount);
  }

  /** Clusters touched so far. */
  get size(): number {
    return this.#size;
  }

  /** The slot of `cluster`, opened (with zero totals) the first time it is seen. */
  slot(cluster: number): number {
    let slot = this.#slotOf[cluster] as number;
    if (slot < 0) this.#slotOf[cluster] = slot = this.#size++;
    return slot;
  }

  /** Adds to `cluster`'s totals (opening its slot when new, even when adding nothing). */
  add(cluster: number, warmY: number, warmX: number, baseY: number, baseX: number): void {
    const slot = this.slot(cluster);
    this.warmY[slot] = (this.warmY[slot] as number) + warmY;
    this.warmX[slot] = (this.warmX[slot] as number) + warmX;
    this.baseY[slot] = (this.baseY[slot] as number) + baseY;
    this.baseX[slot] = (this.baseX[slot] as number) + baseX;
  }
}

function sum(values: Float64Array, size: number): number {
  let total = 0;
  for (let g = 0; g < size; g++) total += values[g] as number;
  return total;
}

/**
 * warm − base difference of two ratios over clusters, with its clustered 95% interval.
 * @returns null when either arm has a zero denominator.
 */
export function clusteredRatioDifference(totals: readonly ClusterTotals[]): RatioDifference | null {
  const sums = new ClusterSums(totals.length);
  totals.forEach((g, index) => sums.add(index, g.warmY, g.warmX, g.baseY, g.baseX));
  return ratioDifferenceOf(sums);
}

/** The same over accumulated sums (clusters in the order they were first touched). */
export function ratioDifferenceOf(sums: ClusterSums): RatioDifference | null {
  const groups = sums.size;
  const warmX = sum(sums.warmX, groups);
  const baseX = sum(sums.baseX, groups);
  if (warmX === 0 || baseX === 0) return null;
  const warmRate = sum(sums.warmY, groups) / warmX;
  const baseRate = sum(sums.baseY, groups) / baseX;
  const difference = warmRate - baseRate;
  let squares = 0;
  for (let g = 0; g < groups; g++) {
    const u =
      ((sums.warmY[g] as number) - warmRate * (sums.warmX[g] as number)) / warmX -
      ((sums.baseY[g] as number) - baseRate * (sums.baseX[g] as number)) / baseX;
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
