import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/core/dashboard';
import type { GlmEstimate } from '../../../src/core/stats';
import type { PairedTestRow } from '../../../src/core/stats';
import {
  EFFECT_COLUMNS,
  MCNEMAR_COLUMNS,
  PARAM_COLUMNS,
  effectRows,
  fixedText,
  paramRows,
} from '../../../src/core/stats/reportTables';

const PAIRED: PairedTestRow = {
  model: 'm',
  dataset: 'trivia',
  family: 'normal',
  amendment_type: 'unmodified',
  n: 4,
  base_accuracy_pct: 75,
  warm_accuracy_pct: 25,
  diff_pp: -50,
  base_only_correct: 2,
  warm_only_correct: 0,
  both_correct: 1,
  both_wrong: 1,
  cohens_g: 0.5,
  mcnemar_z: Math.SQRT2,
  odds_ratio: Infinity,
  odds_ratio_ci95: [0.5, Infinity],
  p_value: 0.5,
  p_fdr: 0.5,
};

const GLM: GlmEstimate = {
  isEstimable: true,
  method: 'ml',
  formula: 'is_incorrect ~ finetuned',
  n: 10,
  clusters: 5,
  names: ['Intercept', 'finetuned'],
  params: { Intercept: -1.25, finetuned: 0.5 },
  bse: { Intercept: 0.3, finetuned: 0.4 },
  pvalues: { Intercept: 0.0001, finetuned: 0.2113 },
  cluster_bse: null,
  cluster_pvalues: null,
  llf: -6.1,
  ame: { pp: 7.4321, se_pp: 2.1, cluster_se_pp: null, rows: 10 },
  ameByGroup: { original: { pp: -3.2, se_pp: 1, cluster_se_pp: 1.5, rows: 4 } },
};

function screen<Row>(columns: readonly { label: string; text: (row: Row) => string }[], row: Row) {
  return Object.fromEntries(columns.map((column) => [column.label, column.text(row)]));
}

describe('results tables', () => {
  it('labels the McNemar statistic as z and shows infinite odds as ∞', () => {
    const cells = screen(MCNEMAR_COLUMNS, PAIRED);
    expect(cells['McNemar z']).toBe('1.41');
    expect(cells["Cohen's g"]).toBe('0.50');
    expect(cells['OR (b/c)']).toBe('∞');
    expect(cells['OR 95% CI']).toBe('[0.50, ∞]');
    // One sign everywhere: Δ error = warm − base (base 25% wrong, warm 75% wrong here).
    expect(cells['Base error']).toBe('25.0%');
    expect(cells['Δ error (pp)']).toBe('+50.0 pp');
    expect(cells['b (only warm wrong)']).toBe(String(PAIRED.base_only_correct));
    expect(cells['p (exact McNemar)']).toBe('0.500');
    expect(cells['Note']).toBe('');
  });

  it('exports raw numbers with inf for infinite odds ratios', () => {
    const [header, row] = tableToCsv(MCNEMAR_COLUMNS, [PAIRED]).split('\n');
    expect(header).toContain('mcnemar_z,odds_ratio,odds_ratio_ci95_low,odds_ratio_ci95_high');
    expect(row).toContain(`${Math.SQRT2},inf,0.5,inf`);
  });

  it('shows a dash instead of NaN for missing effect sizes', () => {
    const none = {
      ...PAIRED,
      cohens_g: null,
      mcnemar_z: null,
      odds_ratio: null,
      odds_ratio_ci95: null,
    };
    const cells = screen(MCNEMAR_COLUMNS, { ...none, note: 'not estimable: no discordant pairs' });
    expect([cells["Cohen's g"], cells['McNemar z'], cells['OR 95% CI']]).toEqual(['—', '—', '—']);
    expect(cells['Note']).toBe('not estimable: no discordant pairs');
  });

  it('lists coefficients and AMEs of a fitted model', () => {
    expect(paramRows(GLM).map((row) => screen(PARAM_COLUMNS, row))).toEqual([
      {
        Term: 'Intercept',
        'Estimate (log-odds)': '-1.2500',
        SE: '0.3000',
        'Cluster SE': '—',
        p: '< 0.001',
        'Cluster p': '—',
      },
      {
        Term: 'finetuned',
        'Estimate (log-odds)': '0.5000',
        SE: '0.4000',
        'Cluster SE': '—',
        p: '0.211',
        'Cluster p': '—',
      },
    ]);
    expect(effectRows(GLM).map((row) => screen(EFFECT_COLUMNS, row))).toEqual([
      {
        Group: 'all rows',
        'Warmth AME (pp)': '+7.43 pp',
        'SE (pp)': '2.10',
        'Cluster SE (pp)': '—',
        Rows: '10',
      },
      {
        Group: 'original',
        'Warmth AME (pp)': '−3.20 pp',
        'SE (pp)': '1.00',
        'Cluster SE (pp)': '1.50',
        Rows: '4',
      },
    ]);
  });

  const fixedCases: [number | null, number, string][] = [
    [1.23456, 2, '1.23'],
    [null, 2, '—'],
    [Number.NaN, 3, '—'],
    [Infinity, 1, '—'],
  ];
  it.each(fixedCases)('fixedText(%s, %i) = %s', (value, digits, expected) => {
    expect(fixedText(digits)(value)).toBe(expected);
  });
});
