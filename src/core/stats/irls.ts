/**
 * Logistic regression by iteratively reweighted least squares, following statsmodels' GLM
 * IRLS step for step (start at μ = (y + ½)/2, stop when the deviance changes by ≤ 1e-8, take
 * the model-based covariance from the weights of the last least-squares solve) so that
 * coefficients and standard errors agree with statsmodels to many digits.
 *
 * Owns: the hot loops over rows. Invariants: X'WX is accumulated in one pass over the rows'
 * active-column lists with no per-row allocation; a design that is singular or separates the
 * outcome returns `{ isEstimable: false, reason }` instead of NaN or runaway coefficients.
 */
import type { Design } from './design';
import { cholesky, choleskyInverse, choleskySolve, symmetrizeFromUpper } from './linalg';

const MAX_ITERATIONS = 100;
const DEVIANCE_TOLERANCE = 1e-8;
/**
 * Beyond |β| = 15 (an odds ratio of 3e6) a coefficient is treated as diverging: the data
 * separate the outcome. Under separation IRLS creeps outward by about 1 per iteration until the
 * deviance stalls near |β| ≈ 20, so 15 is crossed first; real effects here are far smaller.
 */
const DIVERGENCE_LIMIT = 15;

export type IrlsResult =
  | {
      isEstimable: true;
      params: Float64Array;
      /** (X'WX)⁻¹ with the weights of the last solve, as statsmodels reports `bse`. */
      covModel: Float64Array;
      /** Fitted probabilities at the final coefficients. */
      mu: Float64Array;
      llf: number;
      iterations: number;
    }
  | { isEstimable: false; reason: string };

/** Writes the active columns of design row i (intercept, factors, warm terms) into `out`; returns how many. */
export function activeColumns(design: Design, i: number, out: Int32Array): number {
  let count = 0;
  const { baseSlots, baseWidth, warmSlots, warmWidth } = design;
  for (let s = i * baseWidth, end = s + baseWidth; s < end; s++) {
    const column = baseSlots[s] as number;
    if (column >= 0) out[count++] = column;
  }
  if (design.isWarm[i] === 1) {
    for (let s = i * warmWidth, end = s + warmWidth; s < end; s++) {
      const column = warmSlots[s] as number;
      if (column >= 0) out[count++] = column;
    }
  }
  return count;
}

/** η = Xβ for every row. */
export function linearPredictor(design: Design, params: Float64Array, eta: Float64Array): void {
  const active = new Int32Array(design.baseWidth + design.warmWidth);
  for (let i = 0; i < design.n; i++) {
    const count = activeColumns(design, i, active);
    let sum = 0;
    for (let a = 0; a < count; a++) sum += params[active[a] as number] as number;
    eta[i] = sum;
  }
}

/** Accumulates X'WX (upper triangle, then mirrored) and, when `target` is given, X'W·target. */
export function accumulateCrossProducts(
  design: Design,
  weights: Float64Array,
  target: Float64Array | null,
  xtwx: Float64Array,
  xtwz: Float64Array,
): void {
  const k = design.k;
  xtwx.fill(0);
  xtwz.fill(0);
  const active = new Int32Array(design.baseWidth + design.warmWidth);
  for (let i = 0; i < design.n; i++) {
    const count = activeColumns(design, i, active);
    const w = weights[i] as number;
    const wz = target ? w * (target[i] as number) : 0;
    for (let a = 0; a < count; a++) {
      const ca = active[a] as number;
      xtwz[ca] = (xtwz[ca] as number) + wz;
      for (let b = 0; b < count; b++) {
        const cb = active[b] as number;
        if (cb >= ca) xtwx[ca * k + cb] = (xtwx[ca * k + cb] as number) + w;
      }
    }
  }
  symmetrizeFromUpper(xtwx, k);
}

function inverseLogit(eta: number): number {
  return 1 / (1 + Math.exp(-eta));
}

/** Bernoulli deviance −2·loglik, computed from η for stability. */
function deviance(design: Design, eta: Float64Array): number {
  let total = 0;
  for (let i = 0; i < design.n; i++) {
    const e = eta[i] as number;
    // log(1 + e^η) without overflow
    const softplus = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
    total += softplus - (design.y[i] === 1 ? e : 0);
  }
  return 2 * total;
}

/** Why the design cannot be estimated before any fitting, or null when it can. */
function checkDesign(design: Design): string | null {
  if (design.n <= design.k) {
    return `${design.n} rows for ${design.k} coefficients: too few rows to estimate the model`;
  }
  let errors = 0;
  for (let i = 0; i < design.n; i++) errors += design.y[i] as number;
  if (errors === 0) return 'every analysed answer is correct: no errors to model';
  if (errors === design.n) return 'every analysed answer is wrong: no correct answers to model';
  return null;
}

/** Fits the logistic model; see the module header for the exact statsmodels-compatible scheme. */
export function fitLogistic(design: Design): IrlsResult {
  const invalid = checkDesign(design);
  if (invalid) return { isEstimable: false, reason: invalid };
  const { n, k } = design;
  const eta = new Float64Array(n);
  const weights = new Float64Array(n);
  const working = new Float64Array(n);
  const xtwx = new Float64Array(k * k);
  const xtwz = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const start = ((design.y[i] as number) + 0.5) / 2;
    eta[i] = Math.log(start / (1 - start));
  }
  let previous = deviance(design, eta);
  let params: Float64Array = new Float64Array(k);
  let factor: Float64Array = new Float64Array(0);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    updateWorkingResponse(design, eta, weights, working);
    accumulateCrossProducts(design, weights, working, xtwx, xtwz);
    const decomposition = cholesky(xtwx, k);
    if (!decomposition.isPositiveDefinite) {
      const diverging = separationReason(design, params);
      return {
        isEstimable: false,
        reason: diverging ?? singularReason(design, decomposition.failedPivot),
      };
    }
    factor = decomposition.factor;
    params = choleskySolve(factor, k, xtwz);
    linearPredictor(design, params, eta);
    const current = deviance(design, eta);
    if (Math.abs(current - previous) <= DEVIANCE_TOLERANCE) {
      return finishFit(design, params, factor, eta, current, iteration);
    }
    previous = current;
  }
  return { isEstimable: false, reason: `no convergence after ${MAX_ITERATIONS} iterations` };
}

/** IRLS weights μ(1 − μ) and working response η + (y − μ)/(μ(1 − μ)) at the current η. */
function updateWorkingResponse(
  design: Design,
  eta: Float64Array,
  weights: Float64Array,
  working: Float64Array,
): void {
  for (let i = 0; i < design.n; i++) {
    const mu = inverseLogit(eta[i] as number);
    const w = mu * (1 - mu);
    weights[i] = w;
    working[i] = (eta[i] as number) + ((design.y[i] as number) - mu) / w;
  }
}

function finishFit(
  design: Design,
  params: Float64Array,
  factor: Float64Array,
  eta: Float64Array,
  finalDeviance: number,
  iterations: number,
): IrlsResult {
  const diverging = separationReason(design, params);
  if (diverging) return { isEstimable: false, reason: diverging };
  const mu = Float64Array.from(eta, inverseLogit);
  const covModel = choleskyInverse(factor, design.k);
  return { isEstimable: true, params, covModel, mu, llf: -finalDeviance / 2, iterations };
}

function singularReason(design: Design, pivot: number): string {
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
