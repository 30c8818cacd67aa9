/**
 * Firth's bias-reduced logistic regression (Jeffreys-prior penalty), the fallback when
 * maximum likelihood has no finite estimate: a workshop run with 20 items per family nearly
 * always has a cell where every answer is correct, which separates the outcome.
 *
 * Owns: the modified-score iteration. For a logit link Firth's adjusted score is
 * U*(β) = Σ_p x_p·(y_p − n_p·μ_p + h_p·(½ − μ_p)), where h_p = w_p·x_pᵀ(XᵀWX)⁻¹x_p is the
 * leverage of covariate pattern p (the sum of its rows' leverages, so the grouped fit equals
 * the Bernoulli fit) and w_p = n_p·μ_p(1 − μ_p). Quasi-Fisher scoring β ← β + (XᵀWX)⁻¹U*(β)
 * from β = 0, as R's brglm2 (`method = "brglmFit", type = "AS_mean"`) does.
 * Invariants: the model-based covariance is (XᵀWX)⁻¹ at the final β (brglm2's `vcov`); `llf`
 * is the ordinary, unpenalised log-likelihood at the Firth estimate (brglm2's `logLik`); no
 * cluster-robust covariance is formed (the sandwich is built on ML scores, which are not zero
 * here). The GLM itself is written here, not taken from a library: no maintained JS package
 * fits penalised GLMs on collapsed covariate patterns at this speed.
 */
import type { Design } from './design';
import type { IrlsResult } from './irls';
import {
  accumulateCrossProducts,
  deviance,
  inverseLogit,
  linearPredictor,
  singularReason,
} from './irls';
import { cholesky, choleskyInverse, choleskySolve } from './linalg';
import type { CovariatePatterns } from './patterns';
import { activeColumns } from './patterns';

const MAX_ITERATIONS = 1000;
/** Stop when no coefficient moves by more than this (tighter than brglm2's default 1e-6). */
const STEP_TOLERANCE = 1e-10;
/**
 * On an ill-conditioned information matrix (a cell with almost no errors) the step stalls
 * near 1e-8 from rounding and stops shrinking; below this size a step that shrank by less than
 * STALL_RATIO since the last iteration ends the fit (the estimates are then within ~1e-7).
 */
const STALLED_STEP = 1e-7;
const STALL_RATIO = 0.999;
/** Largest change of any coefficient in one step: keeps early steps from overshooting. */
const MAX_STEP = 5;
/** Halvings tried per step before taking the smallest one anyway. */
const MAX_HALVINGS = 30;
/** Rounding noise allowed when comparing the objective before and after a step. */
const OBJECTIVE_SLACK = 1e-12;

/** Per-pattern leverages h_p = w_p·x_pᵀ·A·x_p for A = (XᵀWX)⁻¹. */
function leverages(
  patterns: CovariatePatterns,
  weights: Float64Array,
  inverse: Float64Array,
): Float64Array {
  const k = patterns.k;
  const active = new Int32Array(patterns.baseWidth + patterns.warmWidth);
  const out = new Float64Array(patterns.count);
  for (let p = 0; p < patterns.count; p++) {
    const count = activeColumns(patterns, p, active);
    let quadratic = 0;
    for (let a = 0; a < count; a++) {
      const row = (active[a] as number) * k;
      for (let b = 0; b < count; b++) quadratic += inverse[row + (active[b] as number)] as number;
    }
    out[p] = (weights[p] as number) * quadratic;
  }
  return out;
}

interface Information {
  factor: Float64Array;
  inverse: Float64Array;
  mu: Float64Array;
  weights: Float64Array;
  /** Firth's objective l(β) + ½·log|XᵀWX|, which the iteration climbs. */
  penalised: number;
}

/** μ, weights, XᵀWX (factor, inverse) and the penalised log-likelihood at β; the pivot if singular. */
function informationAt(
  patterns: CovariatePatterns,
  params: Float64Array,
  eta: Float64Array,
): Information | { failedPivot: number } {
  const k = patterns.k;
  linearPredictor(patterns, params, eta);
  const mu = eta.map(inverseLogit);
  const weights = mu.map((m, p) => (patterns.trials[p] as number) * m * (1 - m));
  const xtwx = new Float64Array(k * k);
  const unused = new Float64Array(patterns.count);
  accumulateCrossProducts(patterns, weights, unused, xtwx, new Float64Array(k));
  const decomposition = cholesky(xtwx, k);
  if (!decomposition.isPositiveDefinite) return { failedPivot: decomposition.failedPivot };
  const factor = decomposition.factor;
  // ½·log|A| = Σ log Lⱼⱼ for A = L·Lᵀ
  let halfLogDet = 0;
  for (let j = 0; j < k; j++) halfLogDet += Math.log(factor[j * k + j] as number);
  const penalised = -deviance(patterns, eta) / 2 + halfLogDet;
  return { factor, inverse: choleskyInverse(factor, k), mu, weights, penalised };
}

/** The quasi-Fisher step (XᵀWX)⁻¹·U*(β), capped at MAX_STEP in its largest entry. */
function firthStep(patterns: CovariatePatterns, info: Information): Float64Array {
  const k = patterns.k;
  const h = leverages(patterns, info.weights, info.inverse);
  const rhs = new Float64Array(patterns.count);
  for (let p = 0; p < patterns.count; p++) {
    const mu = info.mu[p] as number;
    const trials = patterns.trials[p] as number;
    rhs[p] = (patterns.errors[p] as number) - trials * mu + (h[p] as number) * (0.5 - mu);
  }
  const score = new Float64Array(k);
  accumulateCrossProducts(patterns, info.weights, rhs, new Float64Array(k * k), score);
  const step = choleskySolve(info.factor, k, score);
  let largest = 0;
  for (const value of step) largest = Math.max(largest, Math.abs(value));
  const capped = largest > MAX_STEP ? step.map((value) => (value * MAX_STEP) / largest) : step;
  return capped;
}

function largestOf(values: Float64Array): number {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  return largest;
}

/**
 * Moves β along `step`, halving it until Firth's objective does not fall (brglm2 halves its
 * steps too; without this the plain iteration diverges on some separated designs).
 */
function lineSearch(
  patterns: CovariatePatterns,
  params: Float64Array,
  step: Float64Array,
  current: number,
  eta: Float64Array,
): Float64Array {
  let candidate = params;
  for (let halving = 0; halving <= MAX_HALVINGS; halving++) {
    const scale = 2 ** -halving;
    candidate = params.map((value, j) => value + scale * (step[j] as number));
    const info = informationAt(patterns, candidate, eta);
    if ('inverse' in info && info.penalised >= current - OBJECTIVE_SLACK) return candidate;
  }
  return candidate;
}

/**
 * Fits `design` by Firth's penalised likelihood. Returns the same fitted shape as the ML fit
 * (params, model-based covariance, patterns, μ, llf), or the reason it cannot (a singular
 * design, or no convergence).
 */
export function fitFirth(design: Design): IrlsResult {
  const { patterns } = design;
  let params: Float64Array = new Float64Array(design.k);
  const eta = new Float64Array(patterns.count);
  let previousStep = Infinity;
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const info = informationAt(patterns, params, eta);
    if (!('inverse' in info)) {
      const reason = singularReason(design, info.failedPivot);
      return { isEstimable: false, reason, failure: 'singular' };
    }
    const step = firthStep(patterns, info);
    const largest = largestOf(step);
    const isStalled = largest <= STALLED_STEP && largest > STALL_RATIO * previousStep;
    if (largest <= STEP_TOLERANCE || isStalled) {
      const llf = -deviance(patterns, eta) / 2;
      const { inverse: covModel, mu } = info;
      return { isEstimable: true, params, covModel, patterns, mu, llf, iterations: iteration };
    }
    previousStep = largest;
    params = lineSearch(patterns, params, step, info.penalised, eta);
  }
  const reason = `Firth's penalised fit did not converge in ${MAX_ITERATIONS} iterations`;
  return { isEstimable: false, reason, failure: 'convergence' };
}
