/**
 * Cluster-robust (sandwich) covariance of a fitted logit GLM, clustered by (model, item_id).
 *
 * Owns: statsmodels' `cov_type="cluster"` recipe — bread = inverse Hessian X'WX at the final
 * coefficients, meat = Σ_g u_g·u_gᵀ with u_g the score sum Σ_{i∈g} x_i(y_i − μ_i) of cluster g,
 * scaled by G/(G−1)·(N−1)/(N−K). Invariants: one pass over the rows for the scores, clusters
 * numbered densely in first-seen order; fewer than two clusters (or a singular Hessian) gives
 * null rather than a meaningless matrix.
 */
import type { Design } from './design';
import type { IrlsResult } from './irls';
import { accumulateCrossProducts } from './irls';
import { cholesky, choleskyInverse, sandwich, symmetrizeFromUpper } from './linalg';
import { activeColumnLists } from './patterns';

export type FittedModel = Extract<IrlsResult, { isEstimable: true }>;

/**
 * Dense cluster ids for (model, item_id) of each design row, numbered in first-seen order over
 * the design rows (the order the sandwich sums them in), and the cluster count.
 */
export function clusterIds(design: Design): { ids: Int32Array; count: number } {
  return { ids: design.cellRows.clusterOf, count: design.cellRows.clusterCount };
}

/** Inverse Hessian (X'WX)⁻¹ at the final μ, or null when it is not positive definite. */
function finalBread(fit: FittedModel): Float64Array | null {
  const { patterns, mu } = fit;
  const k = patterns.k;
  const weights = Float64Array.from(mu, (m, p) => (patterns.trials[p] as number) * m * (1 - m));
  const hessian = new Float64Array(k * k);
  accumulateCrossProducts(
    patterns,
    weights,
    new Float64Array(patterns.count),
    hessian,
    new Float64Array(k),
  );
  const decomposition = cholesky(hessian, k);
  return decomposition.isPositiveDefinite ? choleskyInverse(decomposition.factor, k) : null;
}

/**
 * Score sums Σ_{i∈g} x_i(y_i − μ_i) per cluster g, as a clusters × K array. Row by row in
 * design order (not per pattern), so each sum adds its terms in the same order as statsmodels.
 */
function clusterScores(
  design: Design,
  fit: FittedModel,
  clusters: { ids: Int32Array; count: number },
): Float64Array {
  const { mu } = fit;
  const { k, patternOfCell } = design;
  const { cellAndResponse } = design.cellRows;
  const { start, columns } = activeColumnLists(fit.patterns);
  const scores = new Float64Array(clusters.count * k);
  const { ids } = clusters;
  for (let i = 0; i < design.n; i++) {
    const code = cellAndResponse[i] as number;
    const pattern = patternOfCell[code >> 1] as number;
    const residual = (code & 1) - (mu[pattern] as number);
    const offset = (ids[i] as number) * k;
    for (let a = start[pattern] as number, end = start[pattern + 1] as number; a < end; a++) {
      const at = offset + (columns[a] as number);
      scores[at] = (scores[at] as number) + residual;
    }
  }
  return scores;
}

/**
 * Σ_g u_g·u_gᵀ over the clusters' score rows. Only the non-zero entries of each u_g are
 * multiplied (a cluster touches a few columns) and only the upper triangle is summed, then
 * mirrored; each entry still adds its clusters in order g = 0, 1, … (skipped terms are 0).
 */
function scoreCrossProducts(scores: Float64Array, groups: number, k: number): Float64Array {
  const meat = new Float64Array(k * k);
  const nonZero = new Int32Array(k);
  const values = new Float64Array(k);
  for (let g = 0; g < groups; g++) {
    let count = 0;
    for (let a = 0, at = g * k; a < k; a++, at++) {
      const value = scores[at] as number;
      if (value === 0) continue;
      nonZero[count] = a;
      values[count++] = value;
    }
    for (let x = 0; x < count; x++) {
      const row = (nonZero[x] as number) * k;
      const sa = values[x] as number;
      for (let y = x; y < count; y++) {
        const at = row + (nonZero[y] as number);
        meat[at] = (meat[at] as number) + sa * (values[y] as number);
      }
    }
  }
  symmetrizeFromUpper(meat, k);
  return meat;
}

/** Cluster-robust covariance at the fitted μ, or null when it cannot be formed. */
export function clusterCovariance(
  design: Design,
  fit: FittedModel,
  clusters: { ids: Int32Array; count: number },
): Float64Array | null {
  const { n, k } = design;
  const groups = clusters.count;
  const bread = groups < 2 ? null : finalBread(fit);
  if (!bread) return null;
  const meat = scoreCrossProducts(clusterScores(design, fit, clusters), groups, k);
  const correction = (groups / (groups - 1)) * ((n - 1) / (n - k));
  return sandwich(bread, meat, k).map((value) => value * correction);
}
