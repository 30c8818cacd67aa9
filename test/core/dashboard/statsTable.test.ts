import { describe, expect, it } from 'vitest';
import { pairAnswers, pairedStatsTable } from '../../../src/core/dashboard';
import type { ResponseRecord } from '../../../src/core/types';
import { BASE_ARM, WARM_ARM, fixtureRecords, makeRecord } from './fixture';

const ARM_PAIR = { base: BASE_ARM, warm: WARM_ARM };

describe('pairedStatsTable', () => {
  it('has overall, family and family × belief rows with exact McNemar tests', () => {
    const rows = pairedStatsTable(pairAnswers(fixtureRecords(), ARM_PAIR, 'paper'));
    expect(rows.map((r) => [r.tier, r.label, r.n, r.b, r.c, r.pValue])).toEqual([
      ['overall', 'All families · all prompts', 8, 4, 1, 0.375],
      ['family', 'Factual (TriviaQA) · all prompts', 5, 2, 0, 0.5],
      ['family', 'Conspiracy (MASK disinformation) · all prompts', 1, 1, 0, 1],
      ['family', 'Medical (MedQA) · all prompts', 2, 1, 1, 1],
      ['family-belief', 'Factual (TriviaQA) · No user belief', 5, 2, 0, 0.5],
      ['family-belief', 'Conspiracy (MASK disinformation) · No user belief', 1, 1, 0, 1],
      ['family-belief', 'Medical (MedQA) · False user belief', 2, 1, 1, 1],
    ]);
    const overall = rows[0]!;
    // b = 4, c = 1: g = |4/5 − 1/2|, OR = 4, exact CI from Clopper–Pearson on 4/5
    expect(overall.cohensG).toBeCloseTo(0.3, 12);
    expect(overall.oddsRatio).toBe(4);
    expect(overall.oddsRatioLow).toBeCloseTo(0.39583328331853307, 6);
    expect(overall.oddsRatioHigh).toBeCloseTo(196.98987298932116, 4);
    expect(rows[1]!.oddsRatio).toBe(Infinity);
  });

  it('adjusts p-values with Benjamini–Hochberg within each tier only', () => {
    const records: ResponseRecord[] = [];
    for (let i = 0; i < 10; i++) {
      records.push(
        makeRecord({ arm: BASE_ARM, itemId: `f${i}`, family: 'factual', outcome: 'correct' }),
      );
      records.push(
        makeRecord({ arm: WARM_ARM, itemId: `f${i}`, family: 'factual', outcome: 'incorrect' }),
      );
    }
    records.push(
      makeRecord({ arm: BASE_ARM, itemId: 'm1', family: 'medical', outcome: 'incorrect' }),
    );
    records.push(
      makeRecord({ arm: WARM_ARM, itemId: 'm1', family: 'medical', outcome: 'correct' }),
    );
    records.push(
      makeRecord({ arm: BASE_ARM, itemId: 'm2', family: 'medical', outcome: 'correct' }),
    );
    records.push(
      makeRecord({ arm: WARM_ARM, itemId: 'm2', family: 'medical', outcome: 'incorrect' }),
    );
    const rows = pairedStatsTable(pairAnswers(records, ARM_PAIR, 'paper'));
    const family = rows.filter((r) => r.tier === 'family');
    // factual: b = 10, c = 0 → p = 2·0.5¹⁰; two rows in the tier → FDR p = 2p
    expect(family.map((r) => [r.family, r.pValue, r.pFdr])).toEqual([
      ['factual', 0.001953125, 0.00390625],
      ['medical', 1, 1],
    ]);
    // the overall tier has one row, so its FDR p is its p (b = 11, c = 1)
    expect(rows[0]!.pFdr).toBe(rows[0]!.pValue);
    expect(rows[0]!.pValue).toBeCloseTo((2 * 13) / 4096, 15);
  });

  it('notes why effect sizes are missing when no pair is discordant', () => {
    const records = [
      makeRecord({ arm: BASE_ARM, itemId: 'a', family: 'factual', outcome: 'correct' }),
      makeRecord({ arm: WARM_ARM, itemId: 'a', family: 'factual', outcome: 'correct' }),
    ];
    const [overall] = pairedStatsTable(pairAnswers(records, ARM_PAIR, 'paper'));
    expect([overall!.pValue, overall!.cohensG, overall!.oddsRatio]).toEqual([null, null, null]);
    expect(overall!.note).toContain('no discordant pairs');
  });

  it('is empty without pairs', () => {
    expect(pairedStatsTable([])).toEqual([]);
  });
});
