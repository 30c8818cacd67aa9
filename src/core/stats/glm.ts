/**
 * Binomial (logit) GLMs on an AnalysisTable: coefficients, model-based and cluster-robust
 * standard errors, Wald p-values, log-likelihood and average marginal effects of warmth.
 *
 * Owns: inference on top of the IRLS fit. Invariants: clusters are (model, item_id); the
 * cluster sandwich uses the Hessian and scores at the final coefficients with the small-sample
 * factor G/(G−1)·(N−1)/(N−K), as statsmodels' `cov_type="cluster"`; AMEs are counterfactual
 * (every row predicted with finetuned = 1 and = 0) in percentage points with delta-method SEs;
 * an inestimable model is `{ isEstimable: false, reason }` — never NaN. When maximum
 * likelihood has no finite estimate (separation, or no convergence) the model is refitted by
 * Firth's penalised likelihood (firth.ts) and reported with `method: "firth"`, model-based SEs
 * and Wald p-values only (cluster fields null) and `separation` saying why ML failed; whenever
 * ML exists it is used (`method: "ml"`), so paper-scale results still equal statsmodels.
 * Hand-written on purpose: no maintained JS library fits clustered-SE logit GLMs that match statsmodels.
 */
import type { AnalysisTable } from './analysisRows';
import type { Design, FactorName, GlmFormula } from './design';
import { buildDesign } from './design';
import { factorColumn } from './cellFactors';
import type { FittedModel } from './clustered';
import { clusterCovariance, clusterIds } from './clustered';
import { fitFirth } from './firth';
import { fitLogistic } from './irls';
import { quadraticForm } from './linalg';
import type { CovariatePatterns } from './patterns';
import { twoSidedNormalP } from './special';

/** A warmth AME in percentage points with delta-method SEs under both covariances. */
export interface MarginalEffect {
  pp: number;
  se_pp: number;
  cluster_se_pp: number | null;
  rows: number;
}

/** `ml`: maximum likelihood (statsmodels); `firth`: Firth's bias-reduced fit (R brglm2 AS_mean). */
export type GlmMethod = 'ml' | 'firth';

export interface GlmEstimate {
  isEstimable: true;
  method: GlmMethod;
  /** Why maximum likelihood was not used (only with `method: "firth"`). */
  separation?: string;
  formula: string;
  n: number;
  clusters: number;
  names: string[];
  params: Record<string, number>;
  bse: Record<string, number>;
  pvalues: Record<string, number>;
  /** Null when there are fewer than two clusters, and for Firth fits (model-based SEs only). */
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

/** Running sums for one AME group: Σ(μ₁ − μ₀) and its gradient with respect to β. */
interface EffectAccumulator {
  sum: number;
  rows: number;
  gradient: Float64Array;
}

/**
 * AME sums per group: rows are counted per (pattern, group) from the per-cell counts (the group
 * is a factor, so a function of the cell), then each pattern's counterfactual pair μ₁, μ₀ is
 * evaluated once.
 */
function accumulateEffects(
  design: Design,
  fit: FittedModel,
  groupOfCell: Int32Array | null,
  groupCount: number,
): EffectAccumulator[] {
  const { patterns } = fit;
  const { used, trials } = design.cellRows;
  const rowsIn = new Float64Array(patterns.count * groupCount);
  for (const cell of used) {
    const at =
      (design.patternOfCell[cell] as number) * groupCount +
      (groupOfCell ? (groupOfCell[cell] as number) : 0);
    rowsIn[at] = (rowsIn[at] as number) + (trials[cell] as number);
  }
  const sums = Array.from({ length: groupCount }, () => ({
    sum: 0,
    rows: 0,
    gradient: new Float64Array(design.k),
  }));
  for (let p = 0; p < patterns.count; p++) {
    for (let g = 0; g < groupCount; g++) {
      const rows = rowsIn[p * groupCount + g] as number;
      if (rows > 0) addPatternEffect(patterns, fit.params, p, rows, sums[g] as EffectAccumulator);
    }
  }
  return sums;
}

/** Adds `rows` copies of pattern p's counterfactual difference μ₁ − μ₀ and its gradient. */
function addPatternEffect(
  patterns: CovariatePatterns,
  params: Float64Array,
  p: number,
  rows: number,
  target: EffectAccumulator,
): void {
  const { baseSlots, baseWidth, warmSlots, warmWidth } = patterns;
  let eta0 = 0;
  let warmShift = 0;
  for (let s = p * baseWidth; s < (p + 1) * baseWidth; s++) {
    const column = baseSlots[s] as number;
    if (column >= 0) eta0 += params[column] as number;
  }
  for (let s = p * warmWidth; s < (p + 1) * warmWidth; s++) {
    const column = warmSlots[s] as number;
    if (column >= 0) warmShift += params[column] as number;
  }
  const mu0 = 1 / (1 + Math.exp(-eta0));
  const mu1 = 1 / (1 + Math.exp(-(eta0 + warmShift)));
  const d0 = rows * mu0 * (1 - mu0);
  const d1 = rows * mu1 * (1 - mu1);
  target.sum += rows * (mu1 - mu0);
  target.rows += rows;
  const g = target.gradient;
  // ∂μ/∂β = μ(1 − μ)·x: base columns appear in both predictions, warm columns only in μ₁.
  for (let s = p * baseWidth; s < (p + 1) * baseWidth; s++) {
    const column = baseSlots[s] as number;
    if (column >= 0) g[column] = (g[column] as number) + d1 - d0;
  }
  for (let s = p * warmWidth; s < (p + 1) * warmWidth; s++) {
    const column = warmSlots[s] as number;
    if (column >= 0) g[column] = (g[column] as number) + d1;
  }
}

function overallEffect(design: Design, fit: FittedModel): EffectAccumulator {
  return accumulateEffects(design, fit, null, 1)[0] as EffectAccumulator;
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
 * Maximum likelihood, or Firth's penalised fit when ML has no finite estimate (then
 * `separation` says why ML failed); `reason` when neither gives an estimate.
 */
function fitMlOrFirth(
  design: Design,
): { fit: FittedModel; isFirth: boolean; separation?: string } | { reason: string } {
  const ml = fitLogistic(design);
  if (ml.isEstimable) return { fit: ml, isFirth: false };
  if (ml.failure !== 'separation' && ml.failure !== 'convergence') return { reason: ml.reason };
  const firth = fitFirth(design);
  if (!firth.isEstimable) return { reason: `${ml.reason}; ${firth.reason}` };
  return { fit: firth, isFirth: true, separation: ml.reason };
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
  const fitted = fitMlOrFirth(design);
  if ('reason' in fitted) {
    return { isEstimable: false, formula: design.formula, n: design.n, reason: fitted.reason };
  }
  const { fit, isFirth } = fitted;
  const { k, names } = design;
  const clusters = clusterIds(design);
  const covCluster = isFirth ? null : clusterCovariance(design, fit, clusters);
  const se = (cov: Float64Array) => (j: number) => Math.sqrt(cov[j * k + j] as number);
  const bse = se(fit.covModel);
  const clusterSe = covCluster ? se(covCluster) : null;
  const param = (j: number) => fit.params[j] as number;
  return {
    isEstimable: true,
    method: isFirth ? 'firth' : 'ml',
    ...(fitted.separation === undefined ? {} : { separation: fitted.separation }),
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
    ame: toEffect(overallEffect(design, fit), k, fit.covModel, covCluster),
    ameByGroup: ameBy ? effectsByGroup(table, design, fit, ameBy, covCluster) : null,
  };
}

function effectsByGroup(
  table: AnalysisTable,
  design: Design,
  fit: FittedModel,
  factor: FactorName,
  covCluster: Float64Array | null,
): Record<string, MarginalEffect> {
  const column = factorColumn(table, design.cells, design.cellRows.used, factor);
  const sums = accumulateEffects(design, fit, column.codes, column.levels.length);
  return Object.fromEntries(
    column.levels.map((level, code) => [
      level,
      toEffect(sums[code] as EffectAccumulator, design.k, fit.covModel, covCluster),
    ]),
  );
}
