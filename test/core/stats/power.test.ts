import { describe, expect, it } from 'vitest';
import { minimumDetectableDifference, requiredPairs } from '../../../src/core/stats/power';

describe('requiredPairs (Connor 1987)', () => {
  it.each([
    // [1.959964·√.2 + 0.841621·√(.2 − .01)]² / .01
    [
      0.1,
      0.2,
      (1.959963984540054 * Math.sqrt(0.2) + 0.8416212335729143 * Math.sqrt(0.19)) ** 2 / 0.01,
    ],
    [0.3, 0.05, Infinity], // δ² > ψ is impossible
    [0, 0.2, Infinity],
  ])('δ=%s ψ=%s', (delta, psi, expected) => {
    const n = requiredPairs(delta, psi);
    if (expected === Infinity) expect(n).toBe(Infinity);
    else expect(n).toBeCloseTo(expected, 8);
  });
});

describe('minimumDetectableDifference', () => {
  it.each([
    [500, 0.2, 0.1],
    [2000, 0.1, 0.05],
    [300, 0.3, undefined],
  ])('pairs=%s p0=%s ψ=%s: the MDD needs exactly the planned pairs', (pairs, p0, psi) => {
    const result = minimumDetectableDifference({ pairs, baseErrorRate: p0, discordance: psi });
    expect(result.isAchievable).toBe(true);
    const delta = (result.mddPp as number) / 100;
    expect(requiredPairs(delta, result.discordance as number)).toBeCloseTo(pairs, 4);
    expect(result.warmErrorRate).toBeCloseTo(p0 + delta, 12);
  });

  it('assumes independent arms when ψ is not given', () => {
    const result = minimumDetectableDifference({ pairs: 500, baseErrorRate: 0.2 });
    const p1 = result.warmErrorRate as number;
    expect(result.discordance).toBeCloseTo(0.2 * (1 - p1) + p1 * 0.8, 12);
  });

  it('says when no difference is detectable', () => {
    const result = minimumDetectableDifference({ pairs: 3, baseErrorRate: 0.2, discordance: 0.01 });
    expect(result).toMatchObject({ isAchievable: false, mddPp: null });
    expect(result.reason).toMatch(/3 pairs cannot detect/);
  });

  it.each([
    [{ pairs: 0, baseErrorRate: 0.2 }, /pairs must be a positive whole number/],
    [{ pairs: 10, baseErrorRate: 1 }, /baseErrorRate must be between 0 and 1/],
    [{ pairs: 10, baseErrorRate: 0.2, discordance: 0 }, /discordance must be in/],
  ])('rejects %j', (input, message) => {
    expect(() => minimumDetectableDifference(input)).toThrow(message);
  });
});
