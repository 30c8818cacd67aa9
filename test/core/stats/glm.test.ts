import { describe, expect, it } from 'vitest';
import type { GlmEstimate } from '../../../src/core/stats/glm';
import { fitGlm } from '../../../src/core/stats/glm';
import { applyMode } from '../../../src/core/stats/outcomes';
import { allRows, tableOf } from './tables';

const logit = (p: number): number => Math.log(p / (1 - p));

function fit(cells: Parameters<typeof tableOf>[0], terms: string[], ameBy?: 'dataset') {
  const table = tableOf(cells);
  const outcomes = applyMode(table, 'paper');
  return fitGlm(table, { terms }, allRows(table), outcomes.isIncorrect, ameBy);
}

describe('fitGlm: closed forms of a 2×2 table (intercept + is_finetuned)', () => {
  // base: 40 rows, 10 wrong (p0 = .25); warm: 50 rows, 20 wrong (p1 = .4)
  const result = fit(
    [
      { isWarm: false, count: 40, wrong: 10 },
      { isWarm: true, count: 50, wrong: 20 },
    ],
    ['finetuned'],
  ) as GlmEstimate;
  const [p0, p1] = [0.25, 0.4];

  it.each([
    ['Intercept', logit(p0), Math.sqrt(1 / (40 * p0 * (1 - p0)))],
    [
      'is_finetuned',
      logit(p1) - logit(p0),
      Math.sqrt(1 / (40 * p0 * (1 - p0)) + 1 / (50 * p1 * (1 - p1))),
    ],
  ])('%s: β and model SE', (name, beta, se) => {
    expect(result.isEstimable).toBe(true);
    expect(result.params[name]).toBeCloseTo(beta, 9);
    expect(result.bse[name]).toBeCloseTo(se, 6);
  });

  it('log-likelihood, AME and its delta-method SE', () => {
    const llf =
      10 * Math.log(p0) + 30 * Math.log(1 - p0) + 20 * Math.log(p1) + 30 * Math.log(1 - p1);
    expect(result.llf).toBeCloseTo(llf, 9);
    expect(result.ame.pp).toBeCloseTo((p1 - p0) * 100, 8);
    // Var(p̂1 − p̂0) = p0q0/n0 + p1q1/n1 (delta method on the saturated model)
    const se = 100 * Math.sqrt((p0 * (1 - p0)) / 40 + (p1 * (1 - p1)) / 50);
    expect(result.ame.se_pp).toBeCloseTo(se, 5);
    expect(result.formula).toBe('is_incorrect ~ is_finetuned');
    expect(result.n).toBe(90);
  });
});

describe('fitGlm: statsmodels-style names and not-estimable designs', () => {
  it('names treatment-coded levels with an explicit reference like patsy', () => {
    const table = tableOf([
      { dataset: 'disinfo', isWarm: false, count: 30, wrong: 5 },
      { dataset: 'disinfo', isWarm: true, count: 30, wrong: 9 },
      { dataset: 'medqa', isWarm: false, count: 30, wrong: 12 },
      { dataset: 'medqa', isWarm: true, count: 30, wrong: 14 },
    ]);
    const outcomes = applyMode(table, 'paper');
    const result = fitGlm(
      table,
      { terms: ['finetuned', 'dataset', 'finetuned:dataset'], references: { dataset: 'disinfo' } },
      allRows(table),
      outcomes.isIncorrect,
      'dataset',
    ) as GlmEstimate;
    expect(Object.keys(result.params)).toEqual([
      'Intercept',
      "C(dataset, Treatment(reference='disinfo'))[T.medqa]",
      'is_finetuned',
      "is_finetuned:C(dataset, Treatment(reference='disinfo'))[T.medqa]",
    ]);
    expect(result.formula).toBe(
      "is_incorrect ~ is_finetuned * C(dataset, Treatment(reference='disinfo'))",
    );
    // saturated: the AME within each dataset is the raw difference in error rates
    expect(result.ameByGroup?.disinfo?.pp).toBeCloseTo(((9 - 5) / 30) * 100, 8);
    expect(result.ameByGroup?.medqa?.pp).toBeCloseTo(((14 - 12) / 30) * 100, 8);
  });

  it('drops a factor with a single level to no columns', () => {
    const result = fit(
      [
        { isWarm: false, count: 20, wrong: 4 },
        { isWarm: true, count: 20, wrong: 8 },
      ],
      ['finetuned', 'dataset', 'model'],
    ) as GlmEstimate;
    expect(Object.keys(result.params)).toEqual(['Intercept', 'is_finetuned']);
    expect(result.params.is_finetuned).toBeCloseTo(logit(0.4) - logit(0.2), 9);
  });

  it.each([
    [
      'a singular design (every row warm)',
      [{ isWarm: true, count: 20, wrong: 5 }],
      /singular design: "is_finetuned"/,
    ],
    [
      'an all-correct table',
      [
        { isWarm: false, count: 20, wrong: 0 },
        { isWarm: true, count: 20, wrong: 0 },
      ],
      /every analysed answer is correct/,
    ],
    ['too few rows', [{ isWarm: false, count: 1, wrong: 1 }], /too few rows/],
  ])('reports %s as not estimable, without NaN', (_label, cells, reason) => {
    const result = fit(cells, ['finetuned']);
    expect(result.isEstimable).toBe(false);
    if (!result.isEstimable) expect(result.reason).toMatch(reason);
    expect(JSON.stringify(result)).not.toMatch(/NaN|null/);
  });
});

describe('fitGlm: Firth fallback when maximum likelihood does not exist', () => {
  // base 5/20 wrong, warm 20/20 wrong: ML diverges. On a saturated 2×2 model Firth's estimate
  // is the Haldane correction (add ½ to every cell): p0 = 5.5/21, p1 = 20.5/21.
  const result = fit(
    [
      { isWarm: false, count: 20, wrong: 5 },
      { isWarm: true, count: 20, wrong: 20 },
    ],
    ['finetuned'],
  ) as GlmEstimate;
  const [p0, p1] = [5.5 / 21, 20.5 / 21];

  it('reports method firth with the reason ML failed', () => {
    expect(result.isEstimable).toBe(true);
    expect(result.method).toBe('firth');
    expect(result.separation).toMatch(/separation.*is_finetuned/);
    expect(result.cluster_bse).toBeNull();
  });

  it('equals the Haldane-corrected log odds with SEs from the information at the estimate', () => {
    expect(result.params.Intercept).toBeCloseTo(logit(p0), 9);
    expect(result.params.is_finetuned).toBeCloseTo(logit(p1) - logit(p0), 9);
    const se0 = Math.sqrt(1 / (20 * p0 * (1 - p0)));
    expect(result.bse.Intercept).toBeCloseTo(se0, 9);
    expect(result.bse.is_finetuned).toBeCloseTo(
      Math.hypot(se0, 1 / Math.sqrt(20 * p1 * (1 - p1))),
      9,
    );
    expect(result.ame.pp).toBeCloseTo((p1 - p0) * 100, 9);
  });
});
