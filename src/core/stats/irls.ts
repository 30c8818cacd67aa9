/**
 * Logistic regression by iteratively reweighted least squares, following statsmodels' GLM
 * IRLS step for step (start every row at μ = (y + ½)/2, stop when the deviance changes by
 * ≤ 1e-8, take the model-based covariance from the weights of the last least-squares solve)
 * so that coefficients and standard errors agree with statsmodels to many digits.
 *
 * Owns: the fitting loop. Invariants: it runs on covariate patterns (see patterns.ts), so one
 * iteration costs O(patterns·K²) whatever the row count, with no per-row allocation; a design
 * that is singular or separates the outcome returns `{ isEstimable: false, reason }` instead
 * of NaN or runaway coefficients.
 */
import type { Design } from './design';
import { cholesky, choleskyInverse, choleskySolve, symmetrizeFromUpper } from './linalg';
import type { CovariatePatterns } from './patterns';
import { activeColumns } from './patterns';

const MAX_ITERATIONS = 100;
const DEVIANCE_TOLERANCE = 1e-8;
/**
 * statsmodels' absolute 1e-8 test sits near rounding noise for millions of rows; below this
 * relative change we also stop (it never binds below ~10⁶ rows, so small fits match exactly).
 */
const NOISE_FLOOR = 1e-14;
/**
 * Beyond |β| = 15 (an odds ratio of 3e6) a coefficient is treated as diverging: the data
 * separate the outcome. Under separation IRLS creeps outward by about 1 per iteration until the
 * deviance stalls near |β| ≈ 20, so 15 is crossed first; real effects here are far smaller.
 */
const DIVERGENCE_LIMIT = 15;
/** statsmodels' start μ = (y + ½)/2 gives every row weight 3/16 and working response ±(ln 3 + 4/3). */
const START_WEIGHT = 3 / 16;
const START_RESPONSE = Math.log(3) + 4 / 3;

export type IrlsResult =
  | {
      isEstimable: true;
      params: Float64Array;
      /** (X'WX)⁻¹ with the weights of the last solve, as statsmodels reports `bse`. */
      covModel: Float64Array;
      patterns: CovariatePatterns;
      /** Fitted probability of each pattern at the final coefficients. */
      mu: Float64Array;
      llf: number;
      iterations: number;
    }
  | { isEstimable: false; reason: string; failure: IrlsFailure };

/**
 * Why maximum likelihood gave no estimate: the design cannot be fitted at all (`design`,
 * `singular`), or the likelihood has no finite maximum (`separation`, `convergence`) — the two
 * cases where Firth's penalised fit (firth.ts) still gives finite estimates.
 */
export type IrlsFailure = 'design' | 'singular' | 'separation' | 'convergence';

/** η = Xβ for every pattern. */
export function linearPredictor(
  patterns: CovariatePatterns,
  params: Float64Array,
  eta: Float64Array,
): void {
  const active = new Int32Array(patterns.baseWidth + patterns.warmWidth);
  for (let p = 0; p < patterns.count; p++) {
    const count = activeColumns(patterns, p, active);
    let sum = 0;
    for (let a = 0; a < count; a++) sum += params[active[a] as number] as number;
    eta[p] = sum;
  }
}

/** X'WX (mirrored to full) and X'·rhs from per-pattern total weights and right-hand sides. */
export function accumulateCrossProducts(
  patterns: CovariatePatterns,
  weights: Float64Array,
  rhs: Float64Array,
  xtwx: Float64Array,
  xtwz: Float64Array,
): void {
  const k = patterns.k;
  xtwx.fill(0);
  xtwz.fill(0);
  const active = new Int32Array(patterns.baseWidth + patterns.warmWidth);
  for (let p = 0; p < patterns.count; p++) {
    const count = activeColumns(patterns, p, active);
    const w = weights[p] as number;
    for (let a = 0; a < count; a++) {
      const ca = active[a] as number;
      xtwz[ca] = (xtwz[ca] as number) + (rhs[p] as number);
      for (let b = 0; b < count; b++) {
        const cb = active[b] as number;
        if (cb >= ca) xtwx[ca * k + cb] = (xtwx[ca * k + cb] as number) + w;
      }
    }
  }
  symmetrizeFromUpper(xtwx, k);
}

export function inverseLogit(eta: number): number {
  return 1 / (1 + Math.exp(-eta));
}

/** Bernoulli deviance −2·loglik over patterns, from η for stability, with Neumaier summation. */
export function deviance(patterns: CovariatePatterns, eta: Float64Array): number {
  let total = 0;
  let compensation = 0;
  for (let p = 0; p < patterns.count; p++) {
    const e = eta[p] as number;
    // log(1 + e^η) without overflow
    const softplus = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
    const term = (patterns.trials[p] as number) * softplus - (patterns.errors[p] as number) * e;
    const next = total + term;
    compensation += Math.abs(total) >= Math.abs(term) ? total - next + term : term - next + total;
    total = next;
  }
  return 2 * (total + compensation);
}

/** Why the design cannot be estimated before any fitting, or null when it can. */
function checkDesign(design: Design): string | null {
  if (design.n <= design.k) {
    return `${design.n} rows for ${design.k} coefficients: too few rows to estimate the model`;
  }
  const errors = design.cellRows.errorTotal;
  if (errors === 0) return 'every analysed answer is correct: no errors to model';
  if (errors === design.n) return 'every analysed answer is wrong: no correct answers to model';
  return null;
}

/** Weights and right-hand sides of one IRLS step: statsmodels' start on the first, else from η. */
function workingStep(
  patterns: CovariatePatterns,
  eta: Float64Array | null,
  weights: Float64Array,
  rhs: Float64Array,
): void {
  for (let p = 0; p < patterns.count; p++) {
    const trials = patterns.trials[p] as number;
    const errors = patterns.errors[p] as number;
    if (eta === null) {
      weights[p] = START_WEIGHT * trials;
      rhs[p] = START_WEIGHT * (2 * errors - trials) * START_RESPONSE;
      continue;
    }
    const e = eta[p] as number;
    const mu = inverseLogit(e);
    // Σ over the pattern's rows of w·z = w·(η + (y − μ)/w) with w = μ(1 − μ)
    weights[p] = trials * mu * (1 - mu);
    rhs[p] = (weights[p] as number) * e + (errors - trials * mu);
  }
}

/** Fits the logistic model; see the module header for the exact statsmodels-compatible scheme. */
export function fitLogistic(design: Design): IrlsResult {
  const invalid = checkDesign(design);
  if (invalid) return { isEstimable: false, reason: invalid, failure: 'design' };
  const { patterns } = design;
  const k = design.k;
  const eta = new Float64Array(patterns.count);
  const weights = new Float64Array(patterns.count);
  const rhs = new Float64Array(patterns.count);
  const xtwx = new Float64Array(k * k);
  const xtwz = new Float64Array(k);
  let previous = 2 * design.n * Math.log(4 / 3); // every row's deviance at the start μ
  let params: Float64Array = new Float64Array(k);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    workingStep(patterns, iteration === 1 ? null : eta, weights, rhs);
    accumulateCrossProducts(patterns, weights, rhs, xtwx, xtwz);
    const decomposition = cholesky(xtwx, k);
    if (!decomposition.isPositiveDefinite) {
      const diverging = separationReason(design, params);
      if (diverging) return { isEstimable: false, reason: diverging, failure: 'separation' };
      const reason = singularReason(design, decomposition.failedPivot);
      return { isEstimable: false, reason, failure: 'singular' };
    }
    params = choleskySolve(decomposition.factor, k, xtwz);
    linearPredictor(patterns, params, eta);
    const current = deviance(patterns, eta);
    if (Math.abs(current - previous) <= Math.max(DEVIANCE_TOLERANCE, NOISE_FLOOR * current)) {
      return finishFit(design, patterns, params, decomposition.factor, eta, current, iteration);
    }
    previous = current;
  }
  return {
    isEstimable: false,
    reason: `no convergence after ${MAX_ITERATIONS} iterations`,
    failure: 'convergence',
  };
}

function finishFit(
  design: Design,
  patterns: CovariatePatterns,
  params: Float64Array,
  factor: Float64Array,
  eta: Float64Array,
  finalDeviance: number,
  iterations: number,
): IrlsResult {
  const diverging = separationReason(design, params);
  if (diverging) return { isEstimable: false, reason: diverging, failure: 'separation' };
  const covModel = choleskyInverse(factor, design.k);
  const mu = eta.map(inverseLogit);
  return { isEstimable: true, params, covModel, patterns, mu, llf: -finalDeviance / 2, iterations };
}

export function singularReason(design: Design, pivot: number): string {
  const name = design.names[pivot] ?? `column ${pivot}`;
  return (
    `singular design: "${name}" is a linear combination of earlier columns ` +
    `(e.g. a factor level that only occurs together with another, or an arm with no rows)`
  );
}

/** A separation message naming the largest coefficient when it has run past the limit. */
function separationReason(design: Design, params: Float64Array): string | null {
  let worst = 0;
  for (let j = 1; j < design.k; j++) {
    if (Math.abs(params[j] as number) > Math.abs(params[worst] as number)) worst = j;
  }
  if (!(Math.abs(params[worst] as number) > DIVERGENCE_LIMIT)) return null;
  return (
    `perfect or quasi-complete separation: coefficient "${design.names[worst]}" diverges ` +
    `(|β| > ${DIVERGENCE_LIMIT}); some group of rows is all correct or all wrong`
  );
}
