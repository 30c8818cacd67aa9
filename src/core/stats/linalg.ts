/**
 * Small dense linear algebra on symmetric positive-definite K×K matrices stored row-major in
 * Float64Arrays (K is a few dozen at most: one column per coefficient of a GLM).
 *
 * Owns: Cholesky factorisation, solves and inverses. Invariant: a matrix that is not
 * numerically positive definite is reported (with the offending pivot) instead of producing
 * NaN or a garbage inverse, so callers can say which coefficient is not estimable.
 */

/** Relative pivot tolerance: below this a column is treated as a combination of earlier ones. */
const PIVOT_TOLERANCE = 1e-10;

export type CholeskyResult =
  | { isPositiveDefinite: true; factor: Float64Array }
  | { isPositiveDefinite: false; failedPivot: number };

/** Copies the upper triangle onto the lower one (accumulators only fill the upper half). */
export function symmetrizeFromUpper(matrix: Float64Array, k: number): void {
  for (let row = 0; row < k; row++) {
    for (let col = row + 1; col < k; col++) matrix[col * k + row] = matrix[row * k + col] as number;
  }
}

/**
 * Lower-triangular Cholesky factor L with A = L·Lᵀ. Fails at the first pivot that is not
 * clearly positive relative to the matrix's own diagonal scale.
 */
export function cholesky(matrix: Float64Array, k: number): CholeskyResult {
  const factor = new Float64Array(k * k);
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(matrix[i * k + i] as number));
  for (let j = 0; j < k; j++) {
    let diagonal = matrix[j * k + j] as number;
    for (let p = 0; p < j; p++) diagonal -= (factor[j * k + p] as number) ** 2;
    if (!(diagonal > PIVOT_TOLERANCE * scale)) return { isPositiveDefinite: false, failedPivot: j };
    const pivot = Math.sqrt(diagonal);
    factor[j * k + j] = pivot;
    for (let i = j + 1; i < k; i++) {
      let sum = matrix[i * k + j] as number;
      for (let p = 0; p < j; p++)
        sum -= (factor[i * k + p] as number) * (factor[j * k + p] as number);
      factor[i * k + j] = sum / pivot;
    }
  }
  return { isPositiveDefinite: true, factor };
}

/** Solves L·Lᵀ·x = rhs given the Cholesky factor L. */
export function choleskySolve(factor: Float64Array, k: number, rhs: Float64Array): Float64Array {
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let sum = rhs[i] as number;
    for (let p = 0; p < i; p++) sum -= (factor[i * k + p] as number) * (y[p] as number);
    y[i] = sum / (factor[i * k + i] as number);
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let p = i + 1; p < k; p++) sum -= (factor[p * k + i] as number) * (x[p] as number);
    x[i] = sum / (factor[i * k + i] as number);
  }
  return x;
}

/** Inverse of A from its Cholesky factor, column by column. */
export function choleskyInverse(factor: Float64Array, k: number): Float64Array {
  const inverse = new Float64Array(k * k);
  const unit = new Float64Array(k);
  for (let col = 0; col < k; col++) {
    unit.fill(0);
    unit[col] = 1;
    const solved = choleskySolve(factor, k, unit);
    for (let row = 0; row < k; row++) inverse[row * k + col] = solved[row] as number;
  }
  return inverse;
}

/** A·B·A for symmetric K×K matrices (the sandwich bread·meat·bread). */
export function sandwich(bread: Float64Array, meat: Float64Array, k: number): Float64Array {
  const left = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += (bread[i * k + p] as number) * (meat[p * k + j] as number);
      left[i * k + j] = sum;
    }
  }
  const result = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += (left[i * k + p] as number) * (bread[p * k + j] as number);
      result[i * k + j] = sum;
    }
  }
  return result;
}

/** The quadratic form gᵀ·A·g. */
export function quadraticForm(matrix: Float64Array, k: number, vector: Float64Array): number {
  let total = 0;
  for (let i = 0; i < k; i++) {
    let row = 0;
    for (let j = 0; j < k; j++) row += (matrix[i * k + j] as number) * (vector[j] as number);
    total += (vector[i] as number) * row;
  }
  return total;
}
