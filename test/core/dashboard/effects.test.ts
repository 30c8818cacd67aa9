import { describe, expect, it } from 'vitest';
import {
  baseWarmPoints,
  contextBeliefEffects,
  pairAnswers,
  pairedDifference,
} from '../../../src/core/dashboard';
import { BASE_ARM, WARM_ARM, fixtureRecords } from './fixture';

const PAIRS = pairAnswers(fixtureRecords(), { base: BASE_ARM, warm: WARM_ARM }, 'paper');

describe('pairedDifference', () => {
  it('gives warm − base error with an interval clustered by question (scipy t, 7 df)', () => {
    // n = 8, b = 4 (c1, f2, f5, m2 only warm wrong), c = 1 (m1): Δ = 3/8
    const difference = pairedDifference(PAIRS)!;
    expect([
      difference.n,
      difference.b,
      difference.c,
      difference.baseErrors,
      difference.warmErrors,
    ]).toEqual([8, 4, 1, 2, 5]);
    expect(difference.pp).toBe(37.5);
    // One pair per item here, so the clustered SE is the SD of d_i/√n and t has n − 1 df.
    expect(difference.isClustered).toBe(true);
    expect(difference.lowPp).toBeCloseTo(-24.70194706340495, 8);
    expect(difference.highPp).toBeCloseTo(99.70194706340494, 8);
  });

  it('is null for no pairs', () => {
    expect(pairedDifference([])).toBeNull();
  });
});

describe('contextBeliefEffects', () => {
  it('lists context × belief cells in catalogue order, clipped to ±100 pp', () => {
    const rows = contextBeliefEffects(PAIRS);
    expect(rows.map((r) => [r.context, r.belief, r.n, r.b, r.c, r.pp])).toEqual([
      ['none', 'none', 5, 2, 0, 40],
      ['emotion:happy', 'none', 1, 1, 0, 100],
      ['emotion:sad', 'asserts-wrong', 2, 1, 1, 0],
    ]);
    expect(rows[0]!.lowPp).toBeCloseTo(-28.00873806582557, 8);
    expect(rows[0]!.highPp).toBe(100);
    // One question: no clustered interval, the pairwise Wald interval stands in.
    expect(rows[1]!.isClustered).toBe(false);
    expect([rows[1]!.lowPp, rows[1]!.highPp]).toEqual([100, 100]);
    expect([rows[2]!.lowPp, rows[2]!.highPp]).toEqual([-100, 100]);
    expect([rows[2]!.contextLabel, rows[2]!.beliefLabel]).toEqual([
      'Sad',
      'Asserts a wrong answer',
    ]);
  });

  it('puts custom framings after the built-in ones with their slug as label', () => {
    const records = fixtureRecords().map((r) =>
      r.itemId === 'f5'
        ? { ...r, condition: { context: 'custom:my-day' as const, belief: 'none' as const } }
        : r,
    );
    const rows = contextBeliefEffects(
      pairAnswers(records, { base: BASE_ARM, warm: WARM_ARM }, 'paper'),
    );
    expect(rows.map((r) => [r.contextLabel, r.beliefLabel])).toEqual([
      ['No context', 'No belief'],
      ['Sad', 'Asserts a wrong answer'],
      ['my-day', 'No belief'],
    ]);
  });
});

describe('baseWarmPoints', () => {
  it('gives base and warm error per family × context × belief presence', () => {
    expect(
      baseWarmPoints(PAIRS).map((p) => [
        p.family,
        p.context,
        p.isBeliefPresent,
        p.n,
        p.baseRate,
        p.warmRate,
      ]),
    ).toEqual([
      ['factual', 'none', false, 4, 0.25, 0.5],
      ['factual', 'emotion:happy', false, 1, 0, 1],
      ['conspiracy', 'none', false, 1, 0, 1],
      ['medical', 'emotion:sad', true, 2, 0.5, 0.5],
    ]);
    expect(baseWarmPoints(PAIRS)[3]!.label).toBe('Medical · Sad · False user belief');
  });
});
