import { describe, expect, it } from 'vitest';
import {
  betaQuantile,
  erfc,
  fairCoinCdf,
  logGamma,
  normalCdf,
  normalQuantile,
  normalSf,
  regularizedIncompleteBeta,
  twoSidedNormalP,
} from '../../../src/core/stats/special';

/** Asserts |actual − expected| ≤ tolerance·|expected| (relative closeness). */
function expectRelative(actual: number, expected: number, tolerance = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

const logFactorial = (n: number): number => {
  let total = 0;
  for (let k = 2; k <= n; k++) total += Math.log(k);
  return total;
};

describe('logGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [0.5, 0.5 * Math.log(Math.PI)], // Γ(½) = √π
    [10, logFactorial(9)],
    [100, logFactorial(99)],
    [0.1, logGamma(1.1) - Math.log(0.1)], // Γ(x) = Γ(x + 1)/x below ½
  ])('logGamma(%s)', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
  });

  it('rejects non-positive arguments', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe('erfc and the normal tail', () => {
  // Tabulated values of erfc.
  it.each([
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [5, 1.5374597944280349e-12],
    [10, 2.088487583762545e-45],
  ])('erfc(%s)', (x, expected) => {
    expectRelative(erfc(x), expected, 1e-13);
    expectRelative(erfc(-x), 2 - expected, 1e-15);
  });

  it.each([20, 30, 37])(
    'normalSf(%s) matches the asymptotic series φ(z)/z·(1 − z⁻² + 3z⁻⁴ − 15z⁻⁶)',
    (z) => {
      const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      const series = (density / z) * (1 - z ** -2 + 3 * z ** -4 - 15 * z ** -6);
      // the first omitted term is 105/z⁸ of the total
      expectRelative(normalSf(z), series, 2 * 105 * z ** -8);
    },
  );

  it('gives two-sided p-values, capped at 1', () => {
    expectRelative(twoSidedNormalP(1.959963984540054), 0.05, 1e-12);
    expectRelative(twoSidedNormalP(-1.959963984540054), 0.05, 1e-12);
    expect(twoSidedNormalP(0)).toBe(1);
  });

  it.each([1e-12, 1e-4, 0.025, 0.3, 0.5, 0.9])('normalQuantile inverts normalCdf at %s', (p) => {
    expectRelative(normalCdf(normalQuantile(p)), p, 1e-12);
  });

  it('knows Φ⁻¹(0.975)', () => {
    expectRelative(normalQuantile(0.975), 1.959963984540054, 1e-14);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('regularised incomplete beta and its inverse', () => {
  it.each([
    [0.3, 1, 1, 0.3],
    [0.3, 4, 1, 0.3 ** 4], // I_x(a, 1) = xᵃ
    [0.3, 1, 6, 1 - 0.7 ** 6], // I_x(1, b) = 1 − (1 − x)ᵇ
    [0.5, 7.5, 7.5, 0.5], // symmetry
    [0.8, 2, 2, 3 * 0.64 - 2 * 0.512], // I_x(2, 2) = 3x² − 2x³
    [0, 2, 3, 0],
    [1, 2, 3, 1],
  ])('I_%s(%s, %s)', (x, a, b, expected) => {
    expect(Math.abs(regularizedIncompleteBeta(x, a, b) - expected)).toBeLessThan(1e-14);
  });

  it.each([
    [0.025, 2, 1, Math.sqrt(0.025)], // Beta(a, 1): p^(1/a)
    [0.975, 1, 5, 1 - 0.025 ** (1 / 5)], // Beta(1, b): 1 − (1 − p)^(1/b)
    [0.025, 1, 1000, 1 - 0.975 ** (1 / 1000)],
    [0.5, 3, 3, 0.5],
  ])('betaQuantile(%s, %s, %s)', (p, a, b, expected) => {
    expectRelative(betaQuantile(p, a, b), expected, 1e-10);
  });

  it.each([
    [0.025, 8, 4],
    [0.975, 9, 3],
    [0.001, 0.5, 0.5],
    [0.999, 200, 3],
  ])('betaQuantile(%s, %s, %s) round-trips through I_x', (p, a, b) => {
    expectRelative(regularizedIncompleteBeta(betaQuantile(p, a, b), a, b), p, 1e-10);
  });
});

describe('fairCoinCdf', () => {
  it.each([
    [3, 11, 232 / 2048], // (1 + 11 + 55 + 165) / 2¹¹
    [0, 5, 1 / 32],
    [5, 5, 1],
    [-1, 5, 0],
  ])('P(X ≤ %s), X ~ Bin(%s, ½)', (k, n, expected) => {
    expectRelative(fairCoinCdf(k, n), expected, 1e-13);
  });

  it('stays accurate for large n', () => {
    expectRelative(fairCoinCdf(480, 1000) + fairCoinCdf(519, 1000), 1, 1e-12); // symmetry
    // de Moivre–Laplace with continuity correction agrees to well under 1% this far out
    expectRelative(fairCoinCdf(4800, 10000), normalCdf((4800.5 - 5000) / 50), 0.01);
    // the two summation paths agree where they meet: P(X ≤ 480 | 1001) = ½P(≤479 | 1000) + ½P(≤480 | 1000)
    expectRelative(
      fairCoinCdf(480, 1001),
      0.5 * (fairCoinCdf(479, 1000) + fairCoinCdf(480, 1000)),
      1e-11,
    );
    expect(fairCoinCdf(0, 3000)).toBe(0); // 2⁻³⁰⁰⁰ underflows cleanly, no NaN
  });
});
