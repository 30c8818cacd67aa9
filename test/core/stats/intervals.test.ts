import { describe, expect, it } from 'vitest';
import { Z_95, clopperPearson, wilson } from '../../../src/core/stats/intervals';

const z2 = Z_95 * Z_95;

describe('wilson', () => {
  it.each([
    // x = 0 gives [0, z²/(n + z²)]; x = n gives [n/(n + z²), 1] (solve the score equation by hand)
    [0, 10, 0, z2 / (10 + z2)],
    [10, 10, 10 / (10 + z2), 1],
    // statsmodels proportion_confint(65, 810, method="wilson")
    [65, 810, 0.06345835076566686, 0.10099807667492897],
  ])('wilson(%s, %s)', (errors, n, low, high) => {
    const [actualLow, actualHigh] = wilson(errors, n) as [number, number];
    expect(actualLow).toBeCloseTo(low, 12);
    expect(actualHigh).toBeCloseTo(high, 12);
  });

  it('is symmetric: wilson(k, n) mirrors wilson(n − k, n)', () => {
    const [low, high] = wilson(3, 17) as [number, number];
    const [mirrorLow, mirrorHigh] = wilson(14, 17) as [number, number];
    expect(low).toBeCloseTo(1 - mirrorHigh, 14);
    expect(high).toBeCloseTo(1 - mirrorLow, 14);
  });

  it('has no interval for an empty sample', () => {
    expect(wilson(0, 0)).toBeNull();
  });
});

describe('clopperPearson', () => {
  it.each([
    [0, 5, 0, 1 - 0.025 ** (1 / 5)],
    [5, 5, 0.025 ** (1 / 5), 1],
    [2, 2, Math.sqrt(0.025), 1],
  ])('clopperPearson(%s, %s)', (k, n, low, high) => {
    const [actualLow, actualHigh] = clopperPearson(k, n) as [number, number];
    expect(actualLow).toBeCloseTo(low, 12);
    expect(actualHigh).toBeCloseTo(high, 12);
  });

  it('returns null for n = 0', () => {
    expect(clopperPearson(0, 0)).toBeNull();
  });
});
