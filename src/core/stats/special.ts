/**
 * Special functions the statistics need: log-gamma, the complementary error function, the
 * normal distribution, the regularised incomplete beta function and its inverse, and the
 * lower tail of a fair-coin binomial.
 *
 * Owns: numerical accuracy. Invariants: every function is pure, returns finite numbers for
 * finite, in-range arguments, and keeps RELATIVE accuracy far into the tails (Wald p-values of
 * 1e-200 must still agree with scipy to 1e-6), so tails are never computed as `1 - something`.
 * Hand-written on purpose: JS maths libraries lose relative accuracy in these tails (see above).
 */

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const SQRT_PI = Math.sqrt(Math.PI);
const EPSILON = 1e-16;
const TINY = 1e-300;

// Lanczos approximation (g = 7, nine terms): ~15 significant digits for x > 0.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** Natural log of the gamma function for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0 (got ${x})`);
  // Below 0.5 the series is less accurate; shift up with Γ(x) = Γ(x + 1) / x.
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const shifted = x - 1;
  let series = LANCZOS_COEFFICIENTS[0] as number;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) {
    series += (LANCZOS_COEFFICIENTS[i] as number) / (shifted + i);
  }
  const t = shifted + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
}

/** The last logBeta call: a quantile search asks for the same (a, b) twice per step. */
const lastLogBeta = { a: NaN, b: NaN, value: NaN };

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b). */
export function logBeta(a: number, b: number): number {
  if (a === lastLogBeta.a && b === lastLogBeta.b) return lastLogBeta.value;
  const value = logGamma(a) + logGamma(b) - logGamma(a + b);
  lastLogBeta.a = a;
  lastLogBeta.b = b;
  lastLogBeta.value = value;
  return value;
}

/** erf(x) for 0 ≤ x < 2 by the all-positive series e^{-x²} Σ 2ⁿx^{2n+1}/(2n+1)!! (no cancellation). */
function erfBySeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 0; n < 200 && term > sum * EPSILON; n++) {
    term *= (2 * x * x) / (2 * n + 3);
    sum += term;
  }
  return (2 / SQRT_PI) * Math.exp(-x * x) * sum;
}

/** erfc(x) for x ≥ 2 by the Laplace continued fraction, evaluated with the modified Lentz method. */
function erfcByContinuedFraction(x: number): number {
  // erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = Math.abs(d) < TINY ? TINY : d;
    c = x + a / c;
    c = Math.abs(c) < TINY ? TINY : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}

/** Complementary error function with relative accuracy in the upper tail. */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) return 1 - erfBySeries(x);
  return erfcByContinuedFraction(x);
}

/** Upper tail P(Z > z) of the standard normal. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** P(Z ≤ z) of the standard normal. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Two-sided normal p-value 2·P(Z > |z|), as a Wald test reports it. */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * normalSf(Math.abs(z)));
}

/** Standard normal density. */
function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z - LN_SQRT_2PI);
}

/**
 * Standard normal quantile Φ⁻¹(p) for 0 < p < 1: a rational first guess (error < 5e-4) refined
 * by Newton steps on the accurate CDF, solved in the lower tail so tiny p keep their precision.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1 (got ${p})`);
  if (p > 0.5) return -normalQuantile(1 - p);
  const t = Math.sqrt(-2 * Math.log(p));
  let x =
    -t +
    (2.515517 + 0.802853 * t + 0.010328 * t * t) /
      (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  for (let i = 0; i < 60; i++) {
    const step = (normalCdf(x) - p) / normalPdf(x);
    x -= step;
    if (Math.abs(step) < 1e-15 * (1 + Math.abs(x))) break;
  }
  return x;
}

/** Lentz evaluation of the continued fraction of the incomplete beta function. */
function incompleteBetaFraction(a: number, b: number, x: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < TINY ? TINY : d);
  let result = d;
  for (let m = 1; m < 10000; m++) {
    // Even step then odd step of the classic expansion.
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / (Math.abs(1 + even * d) < TINY ? TINY : 1 + even * d);
    c = Math.abs(1 + even / c) < TINY ? TINY : 1 + even / c;
    result *= d * c;
    const odd = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / (Math.abs(1 + odd * d) < TINY ? TINY : 1 + odd * d);
    c = Math.abs(1 + odd / c) < TINY ? TINY : 1 + odd / c;
    const delta = d * c;
    result *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return result;
}

/** Regularised incomplete beta I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`incomplete beta needs a, b > 0 (got ${a}, ${b})`);
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  // The fraction converges fast only below the mean; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * incompleteBetaFraction(a, b, x)) / a;
  return 1 - (Math.exp(logFront) * incompleteBetaFraction(b, a, 1 - x)) / b;
}

/** Beta(a, b) log-density at 0 < x < 1. */
function logBetaDensity(x: number, a: number, b: number): number {
  return (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b);
}

/**
 * Quantile of the Beta(a, b) distribution: Newton steps on I_x(a, b) = p kept inside a
 * shrinking bisection bracket, so it converges even where the density is flat or spiky.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`betaQuantile needs 0 ≤ p ≤ 1 (got ${p})`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  let low = 0;
  let high = 1;
  let x = a / (a + b);
  for (let i = 0; i < 400; i++) {
    const gap = regularizedIncompleteBeta(x, a, b) - p;
    if (gap === 0) return x;
    if (gap < 0) low = x;
    else high = x;
    const newton = x - gap / Math.exp(logBetaDensity(x, a, b));
    const next = newton > low && newton < high ? newton : 0.5 * (low + high);
    if (Math.abs(next - x) <= 1e-15 * x || high - low <= 1e-300) return next;
    x = next;
  }
  return x;
}

/** Below this n, 2⁻ⁿ is a normal double and the tail is summed upwards from it exactly. */
const DIRECT_BINOMIAL_LIMIT = 1000;

/**
 * P(X ≤ k) for X ~ Binomial(n, ½). Small n: summed upwards from 2⁻ⁿ (exact for the counts
 * seen in practice, so 2·P = 0.5 comes out as exactly 0.5). Large n: summed downwards from the
 * k-th term computed with logGamma, so nothing overflows and the tail keeps its precision.
 */
export function fairCoinCdf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (n <= DIRECT_BINOMIAL_LIMIT) {
    let term = 2 ** -n;
    let sum = term;
    for (let i = 0; i < k; i++) {
      term = (term * (n - i)) / (i + 1);
      sum += term;
    }
    return Math.min(1, sum);
  }
  // Above the median the complement is the small tail: compute that one accurately instead.
  if (2 * k >= n) return 1 - fairCoinCdf(n - k - 1, n);
  const logTermK = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) - n * Math.LN2;
  let term = 1;
  let sum = 1;
  for (let i = k; i > 0 && term > sum * EPSILON; i--) {
    term *= i / (n - i + 1);
    sum += term;
  }
  return Math.min(1, Math.exp(logTermK) * sum);
}
