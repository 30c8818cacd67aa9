import { describe, expect, it } from 'vitest';
import { runAnalysis, stringifyReport, toReferenceShape } from '../../../src/core/stats/analysis';
import { tableOf } from './tables';

// disinfo: base 10 items (2 wrong, 1 refusal), warm 10 items (4 wrong, 2 refusals);
// trivia: base 10 (3 wrong, 1 refusal), warm 10 (5 wrong, 0 refusals). Refusals are the last items.
const TABLE = tableOf([
  { dataset: 'disinfo', isWarm: false, count: 10, wrong: 2, refusals: 1 },
  { dataset: 'disinfo', isWarm: true, count: 10, wrong: 4, refusals: 2 },
  { dataset: 'trivia', isWarm: false, count: 10, wrong: 3, refusals: 1 },
  { dataset: 'trivia', isWarm: true, count: 10, wrong: 5, refusals: 0 },
]);

describe('runAnalysis: refusal conventions', () => {
  it('paper mode counts refusals correct on disinfo and drops them elsewhere', () => {
    const report = runAnalysis(TABLE, { mode: 'paper' });
    expect([report.rows_in, report.refusals_detected, report.rows_analysed]).toEqual([40, 4, 39]);
    expect(report.error_rates.map((r) => [r.dataset, r.variant, r.errors, r.n])).toEqual([
      ['disinfo', 'base', 2, 10],
      ['disinfo', 'warm', 4, 10],
      ['trivia', 'base', 3, 9],
      ['trivia', 'warm', 5, 10],
    ]);
    // trivia item-9 lost its base row to the refusal, so its warm row is unpaired
    expect(report.pairs).toBe(19);
    expect(report.unpaired.count).toBe(1);
  });

  it('strict mode excludes refusals everywhere and reports refusal rates', () => {
    const report = runAnalysis(TABLE, { mode: 'strict' });
    expect(report.rows_analysed).toBe(36);
    expect(report.error_rates.map((r) => [r.errors, r.n])).toEqual([
      [2, 9],
      [4, 8],
      [3, 9],
      [5, 10],
    ]);
    expect(report.refusal_rates.map((r) => [r.refusals, r.n])).toEqual([
      [1, 10],
      [2, 10],
      [1, 10],
      [0, 10],
    ]);
    expect(Object.keys(toReferenceShape(report))).toContain('refusal_rates');
  });

  it('computes paired counts per cell (base_only = b, warm_only = c)', () => {
    const [disinfo] = runAnalysis(TABLE).mcnemar;
    // items 0–1 wrong in both; items 2–3 wrong only in warm; 8–9 are warm refusals (correct)
    expect(disinfo).toMatchObject({
      family: 'normal',
      dataset: 'disinfo',
      n: 10,
      both_wrong: 2,
      base_only_correct: 2,
      warm_only_correct: 0,
      both_correct: 6,
      diff_pp: -20,
      odds_ratio: Infinity,
      p_value: 0.5,
    });
  });

  it('serialises infinities as "inf" and never emits NaN', () => {
    const text = stringifyReport(toReferenceShape(runAnalysis(TABLE)));
    expect(text).toContain('"odds_ratio":"inf"');
    expect(text).not.toMatch(/NaN/);
  });
});

describe("runAnalysis: McNemar cells without discordant pairs (the authors' procedure)", () => {
  // one table (model × dataset × family) with two contexts: "unmodified" has b = 2, c = 0
  // (exact p = 0.5); "emotion:sad" has base and warm agreeing on every item (b + c = 0).
  const report = runAnalysis(
    tableOf([
      { isWarm: false, count: 10, wrong: 2 },
      { isWarm: true, count: 10, wrong: 4 },
      { isWarm: false, count: 10, wrong: 3, amendmentType: 'emotion:sad' },
      { isWarm: true, count: 10, wrong: 3, amendmentType: 'emotion:sad' },
    ]),
  );

  it('gives the untested cell p = null and leaves it out of the BH family', () => {
    const byContext = Object.fromEntries(report.mcnemar.map((row) => [row.amendment_type, row]));
    expect(byContext['emotion:sad']).toMatchObject({ p_value: null, p_fdr: null });
    expect(byContext['emotion:sad']?.note).toMatch(/^no discordant pairs/);
    // counted as p = 1 in a family of two, BH would give 2·0.5/1 = 1.0; the authors' code: 0.5
    expect(byContext.unmodified).toMatchObject({ p_value: 0.5, p_fdr: 0.5 });
  });

  it('writes null (not 1) into the JSON', () => {
    const text = stringifyReport(toReferenceShape(report));
    expect(text).toContain('"p_value":null,"p_fdr":null');
  });
});
