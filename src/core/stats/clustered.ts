/**
 * Cluster-robust (sandwich) covariance of a fitted logit GLM, clustered by (model, item_id).
 *
 * Owns: statsmodels' `cov_type="cluster"` recipe — bread = inverse Hessian X'WX at the final
 * coefficients, meat = Σ_g u_g·u_gᵀ with u_g the score sum Σ_{i∈g} x_i(y_i − μ_i) of cluster g,
 * scaled by G/(G−1)·(N−1)/(N−K). Invariants: one pass over the rows for the scores, clusters
 * numbered densely in first-seen order; fewer than two clusters (or a singular Hessian) gives
 * null rather than a meaningless matrix.
 */
import type { AnalysisTable } from './analysisRows';
import type { Design } from './design';
import type { IrlsResult } from './irls';
import { accumulateCrossProducts } from './irls';
import { cholesky, choleskyInverse, sandwich } from './linalg';
import { activeColumns } from './patterns';

export type FittedModel = Extract<IrlsResult, { isEstimable: true }>;

/** Up to this many (model, item) combinations a flat lookup array replaces a Map. */
const MAX_DIRECT_CLUSTER_KEYS = 1 << 24;

/** Dense cluster ids for (model, item_id) of each design row, and the cluster count. */
export function clusterIds(
  table: AnalysisTable,
  design: Design,
): { ids: Int32Array; count: number } {
  const itemCount = table.levels.item.length;
  const keyCount = table.levels.model.length * itemCount;
  const direct = keyCount <= MAX_DIRECT_CLUSTER_KEYS ? new Int32Array(keyCount).fill(-1) : null;
  const seen = new Map<number, number>();
  const ids = new Int32Array(design.n);
  let count = 0;
  for (let i = 0; i < design.n; i++) {
    const row = design.rows[i] as number;
    const key = (table.model[row] as number) * itemCount + (table.item[row] as number);
    let id = direct ? (direct[key] as number) : (seen.get(key) ?? -1);
    if (id < 0) {
      id = count++;
      if (direct) direct[key] = id;
      else seen.set(key, id);
    }
    ids[i] = id;
  }
  return { ids, count };
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

/** Score sums Σ_{i∈g} x_i(y_i − μ_i) per cluster g, as a clusters × K array. */
function clusterScores(
  design: Design,
  fit: FittedModel,
  clusters: { ids: Int32Array; count: number },
): Float64Array {
  const { patterns, mu } = fit;
  const k = design.k;
  const scores = new Float64Array(clusters.count * k);
  const active = new Int32Array(design.baseWidth + design.warmWidth);
  for (let i = 0; i < design.n; i++) {
    const pattern = patterns.patternOf[i] as number;
    const residual = (design.y[i] as number) - (mu[pattern] as number);
    const offset = (clusters.ids[i] as number) * k;
    const count = activeColumns(patterns, pattern, active);
    for (let a = 0; a < count; a++) {
      const at = offset + (active[a] as number);
      scores[at] = (scores[at] as number) + residual;
    }
  }
  return scores;
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
  const scores = clusterScores(design, fit, clusters);
  const meat = new Float64Array(k * k);
  for (let g = 0; g < groups; g++) {
    const offset = g * k;
    for (let a = 0; a < k; a++) {
      const sa = scores[offset + a] as number;
      if (sa === 0) continue;
      for (let b = 0; b < k; b++) {
        meat[a * k + b] = (meat[a * k + b] as number) + sa * (scores[offset + b] as number);
      }
    }
  }
  const correction = (groups / (groups - 1)) * ((n - 1) / (n - k));
  return sandwich(bread, meat, k).map((value) => value * correction);
}
