/**
 * Binomial (logit) GLMs on an AnalysisTable: coefficients, model-based and cluster-robust
 * standard errors, Wald p-values, log-likelihood and average marginal effects of warmth.
 *
 * Owns: inference on top of the IRLS fit. Invariants: clusters are (model, item_id); the
 * cluster sandwich uses the Hessian and scores at the final coefficients with the small-sample
 * factor G/(G−1)·(N−1)/(N−K), as statsmodels' `cov_type="cluster"`; AMEs are counterfactual
 * (every row predicted with finetuned = 1 and = 0) in percentage points with delta-method SEs;
 * an inestimable model is `{ isEstimable: false, reason }` — never NaN.
 */
import type { AnalysisTable } from './analysisRows';
import type { Design, FactorName, GlmFormula } from './design';
import { buildDesign, factorColumn } from './design';
import { accumulateCrossProducts, activeColumns, fitLogistic } from './irls';
import { cholesky, choleskyInverse, quadraticForm, sandwich } from './linalg';
import { twoSidedNormalP } from './special';

/** A warmth AME in percentage points with delta-method SEs under both covariances. */
export interface MarginalEffect {
  pp: number;
  se_pp: number;
  cluster_se_pp: number | null;
  rows: number;
}

export interface GlmEstimate {
  isEstimable: true;
  formula: string;
  n: number;
  clusters: number;
  names: string[];
  params: Record<string, number>;
  bse: Record<string, number>;
  pvalues: Record<string, number>;
  /** Null when there are fewer than two clusters. */
  cluster_bse: Record<string, number> | null;
  cluster_pvalues: Record<string, number> | null;
  llf: number;
  ame: MarginalEffect;
  /** AMEs within the levels of `ameBy` (when requested). */
  ameByGroup: Record<string, MarginalEffect> | null;
}

export type GlmResult =
  GlmEstimate | { isEstimable: false; formula: string; n: number; reason: string };

function byName(names: string[], values: (j: number) => number): Record<string, number> {
  return Object.fromEntries(names.map((name, j) => [name, values(j)]));
}

/** Dense cluster ids for (model, item_id) of each design row, and the cluster count. */
function clusterIds(table: AnalysisTable, design: Design): { ids: Int32Array; count: number } {
  const seen = new Map<number, number>();
  const ids = new Int32Array(design.n);
  const itemCount = table.levels.item.length;
  for (let i = 0; i < design.n; i++) {
    const row = design.rows[i] as number;
    const key = (table.model[row] as number) * itemCount + (table.item[row] as number);
    let id = seen.get(key);
    if (id === undefined) {
      id = seen.size;
      seen.set(key, id);
    }
    ids[i] = id;
  }
  return { ids, count: seen.size };
}

/** Cluster-robust covariance at the fitted μ, or null when it cannot be formed. */
function clusterCovariance(
  design: Design,
  mu: Float64Array,
  clusters: { ids: Int32Array; count: number },
): Float64Array | null {
  const { n, k } = design;
  const groups = clusters.count;
  if (groups < 2) return null;
  const weights = Float64Array.from(mu, (m) => m * (1 - m));
  const hessian = new Float64Array(k * k);
  accumulateCrossProducts(design, weights, null, hessian, new Float64Array(k));
  const decomposition = cholesky(hessian, k);
  if (!decomposition.isPositiveDefinite) return null;
  const bread = choleskyInverse(decomposition.factor, k);
  const scores = new Float64Array(groups * k);
  const active = new Int32Array(design.baseWidth + design.warmWidth);
  for (let i = 0; i < n; i++) {
    const residual = (design.y[i] as number) - (mu[i] as number);
    const offset = (clusters.ids[i] as number) * k;
    const count = activeColumns(design, i, active);
    for (let a = 0; a < count; a++) {
      const at = offset + (active[a] as number);
      scores[at] = (scores[at] as number) + residual;
    }
  }
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

/** Running sums for one AME group: Σ(μ₁ − μ₀) and its gradient with respect to β. */
interface EffectAccumulator {
  sum: number;
  rows: number;
  gradient: Float64Array;
}

function accumulateEffects(
  design: Design,
  params: Float64Array,
  groupOf: Int32Array | null,
  groupCount: number,
): EffectAccumulator[] {
  const sums = Array.from({ length: groupCount }, () => ({
    sum: 0,
    rows: 0,
    gradient: new Float64Array(design.k),
  }));
  for (let i = 0; i < design.n; i++) {
    addRowEffect(
      design,
      params,
      i,
      sums[groupOf ? (groupOf[i] as number) : 0] as EffectAccumulator,
    );
  }
  return sums;
}

/** Adds row i's counterfactual difference μ₁ − μ₀ and its gradient to `target`. */
function addRowEffect(
  design: Design,
  params: Float64Array,
  i: number,
  target: EffectAccumulator,
): void {
  const { baseSlots, baseWidth, warmSlots, warmWidth } = design;
  let eta0 = 0;
  let warmShift = 0;
  for (let s = i * baseWidth; s < (i + 1) * baseWidth; s++) {
    const column = baseSlots[s] as number;
    if (column >= 0) eta0 += params[column] as number;
  }
  for (let s = i * warmWidth; s < (i + 1) * warmWidth; s++) {
    const column = warmSlots[s] as number;
    if (column >= 0) warmShift += params[column] as number;
  }
  const mu0 = 1 / (1 + Math.exp(-eta0));
  const mu1 = 1 / (1 + Math.exp(-(eta0 + warmShift)));
  const d0 = mu0 * (1 - mu0);
  const d1 = mu1 * (1 - mu1);
  target.sum += mu1 - mu0;
  target.rows++;
  const g = target.gradient;
  // ∂μ/∂β = μ(1 − μ)·x: base columns appear in both predictions, warm columns only in μ₁.
  for (let s = i * baseWidth; s < (i + 1) * baseWidth; s++) {
    const column = baseSlots[s] as number;
    if (column >= 0) g[column] = (g[column] as number) + d1 - d0;
  }
  for (let s = i * warmWidth; s < (i + 1) * warmWidth; s++) {
    const column = warmSlots[s] as number;
    if (column >= 0) g[column] = (g[column] as number) + d1;
  }
}

function toEffect(
  accumulator: EffectAccumulator,
  k: number,
  covModel: Float64Array,
  covCluster: Float64Array | null,
): MarginalEffect {
  const scale = 100 / accumulator.rows;
  const gradient = accumulator.gradient.map((value) => value * scale);
  const clusterVariance = covCluster ? quadraticForm(covCluster, k, gradient) : null;
  return {
    pp: accumulator.sum * scale,
    se_pp: Math.sqrt(Math.max(0, quadraticForm(covModel, k, gradient))),
    cluster_se_pp: clusterVariance === null ? null : Math.sqrt(Math.max(0, clusterVariance)),
    rows: accumulator.rows,
  };
}

/**
 * Fits `formula` on `rows` of `table` with response `isIncorrect`, and reports coefficients,
 * SEs, p-values, log-likelihood and warmth AMEs (overall, and within levels of `ameBy`).
 */
export function fitGlm(
  table: AnalysisTable,
  formula: GlmFormula,
  rows: Int32Array,
  isIncorrect: Uint8Array,
  ameBy?: FactorName,
): GlmResult {
  const design = buildDesign(table, formula, rows, isIncorrect);
  const fit = fitLogistic(design);
  if (!fit.isEstimable) {
    return { isEstimable: false, formula: design.formula, n: design.n, reason: fit.reason };
  }
  const { k, names } = design;
  const clusters = clusterIds(table, design);
  const covCluster = clusterCovariance(design, fit.mu, clusters);
  const se = (cov: Float64Array) => (j: number) => Math.sqrt(cov[j * k + j] as number);
  const bse = se(fit.covModel);
  const clusterSe = covCluster ? se(covCluster) : null;
  const param = (j: number) => fit.params[j] as number;
  const overall = accumulateEffects(design, fit.params, null, 1)[0] as EffectAccumulator;
  return {
    isEstimable: true,
    formula: design.formula,
    n: design.n,
    clusters: clusters.count,
    names,
    params: byName(names, param),
    bse: byName(names, bse),
    pvalues: byName(names, (j) => twoSidedNormalP(param(j) / bse(j))),
    cluster_bse: clusterSe ? byName(names, clusterSe) : null,
    cluster_pvalues: clusterSe
      ? byName(names, (j) => twoSidedNormalP(param(j) / clusterSe(j)))
      : null,
    llf: fit.llf,
    ame: toEffect(overall, k, fit.covModel, covCluster),
    ameByGroup: ameBy
      ? effectsByGroup(table, design, fit.params, ameBy, fit.covModel, covCluster)
      : null,
  };
}

function effectsByGroup(
  table: AnalysisTable,
  design: Design,
  params: Float64Array,
  factor: FactorName,
  covModel: Float64Array,
  covCluster: Float64Array | null,
): Record<string, MarginalEffect> {
  const column = factorColumn(table, factor, design.rows);
  const sums = accumulateEffects(design, params, column.codes, column.levels.length);
  return Object.fromEntries(
    column.levels.map((level, code) => [
      level,
      toEffect(sums[code] as EffectAccumulator, design.k, covModel, covCluster),
    ]),
  );
}
