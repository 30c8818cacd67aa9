import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  discordantStatistics,
  mcnemarExactP,
} from '../../../src/core/stats/mcnemar';

describe('mcnemarExactP', () => {
  it.each([
    [8, 3, 0.2265625], // 2·(1 + 11 + 55 + 165)/2¹¹
    [5, 0, 0.0625], // 2·2⁻⁵
    [0, 5, 0.0625],
    [10, 10, 1],
    [0, 0, 1],
    [1, 0, 1],
  ])('b=%s c=%s', (b, c, expected) => {
    expect(mcnemarExactP(b, c)).toBeCloseTo(expected, 14);
  });
});

describe('discordantStatistics', () => {
  it('matches statsmodels/scipy for b = 8, c = 3', () => {
    const s = discordantStatistics(8, 3);
    expect(s.cohens_g).toBeCloseTo(8 / 11 - 0.5, 14);
    expect(s.mcnemar_z).toBeCloseTo(5 / Math.sqrt(11), 14);
    expect(s.odds_ratio).toBeCloseTo(8 / 3, 14);
    const [low, high] = s.odds_ratio_ci95 as [number, number];
    expect(low).toBeCloseTo(0.6400364125824589, 10);
    expect(high).toBeCloseTo(15.606403640639188, 8);
  });

  it('gives an infinite odds ratio (not NaN) when warm is never the only correct one', () => {
    const s = discordantStatistics(2, 0);
    expect(s.odds_ratio).toBe(Infinity);
    const lowP = Math.sqrt(0.025); // Beta(2, 1) quantile
    expect(s.odds_ratio_ci95).toEqual([expect.closeTo(lowP / (1 - lowP), 12), Infinity]);
    expect(s.cohens_g).toBe(0.5);
    expect(s.mcnemar_z).toBeCloseTo(Math.SQRT2, 14);
  });

  it('gives a zero odds ratio with a zero lower bound when base is never the only correct one', () => {
    const s = discordantStatistics(0, 3);
    expect(s.odds_ratio).toBe(0);
    expect(s.odds_ratio_ci95?.[0]).toBe(0);
    expect(s.p_value).toBeCloseTo(0.25, 14);
  });

  it('gives no test (p = null) when there are no discordant pairs', () => {
    const s = discordantStatistics(0, 0);
    expect(s).toMatchObject({
      cohens_g: null,
      mcnemar_z: null,
      odds_ratio: null,
      odds_ratio_ci95: null,
      p_value: null,
    });
    expect(s.note).toMatch(/no discordant pairs/);
  });
});

describe('benjaminiHochberg', () => {
  it.each([
    // the authors' procedure: untested cells are not in the family (m = 2, not 4)
    [
      [0.25, null, 0.5, null],
      [0.5, null, 0.5, null],
    ],
    [
      [null, 0.25],
      [null, 0.25],
    ],
    [[null], [null]],
  ])('leaves null p-values out of the family: %j → %j', (input, expected) => {
    expect(benjaminiHochberg(input)).toEqual(expected);
  });

  it.each([
    // sorted .01 .03 .04 .2 → ×4/rank = .04 .06 .0533 .2 → running minimum from the top
    [
      [0.01, 0.04, 0.03, 0.2],
      [0.04, 0.16 / 3, 0.16 / 3, 0.2],
    ],
    [
      [0.5, 0.9],
      [0.9, 0.9],
    ],
    [[0.7], [0.7]],
    [[], []],
  ])('adjusts %j', (input, expected) => {
    const adjusted = benjaminiHochberg(input);
    expect(adjusted).toHaveLength(expected.length);
    adjusted.forEach((value, i) => expect(value).toBeCloseTo(expected[i] as number, 14));
  });
});
