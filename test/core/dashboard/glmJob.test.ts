import { describe, expect, it } from 'vitest';
import { fitWarmthGlm, toGlmRows } from '../../../src/core/dashboard';
import type { ResponseRecord } from '../../../src/core/types';
import { BASE_ARM, WARM_ARM, fixtureRecords, makeRecord } from './fixture';

const ARM_PAIR = { base: BASE_ARM, warm: WARM_ARM };

/** 20 items, each asked plainly and with a false belief, by both arms (80 answers). */
function glmRecords(): ResponseRecord[] {
  const records: ResponseRecord[] = [];
  const wrongBelow = { base: { none: 4, belief: 6 }, warm: { none: 8, belief: 14 } };
  for (let i = 0; i < 20; i++) {
    for (const [arm, limits] of [
      [BASE_ARM, wrongBelow.base],
      [WARM_ARM, wrongBelow.warm],
    ] as const) {
      const itemId = `i${i}`;
      const plain = i < limits.none ? 'incorrect' : 'correct';
      const belief = i < limits.belief ? 'incorrect' : 'correct';
      records.push(makeRecord({ arm, itemId, family: 'factual', outcome: plain }));
      records.push(
        makeRecord({ arm, itemId, family: 'factual', belief: 'asserts-wrong', outcome: belief }),
      );
    }
  }
  return records;
}

describe('toGlmRows', () => {
  it('keeps counted answers of both arms in paper codes', () => {
    const rows = toGlmRows(fixtureRecords(), ARM_PAIR, 'paper');
    // 18 records minus the ungraded q1 base answer
    expect(rows.length).toBe(17);
    const m1Warm = rows.find((r) => r.itemId === 'm1' && r.isWarm)!;
    expect([m1Warm.dataset, m1Warm.amendmentType, m1Warm.promptType, m1Warm.isCorrect]).toEqual([
      'medical',
      'emotion:sad',
      'incorrect',
      true,
    ]);
  });
});

describe('fitWarmthGlm', () => {
  it('refuses to fit too little data, saying how much it needs', () => {
    const result = fitWarmthGlm(toGlmRows(fixtureRecords(), ARM_PAIR, 'paper'));
    expect(result).toEqual({
      isEstimable: false,
      n: 17,
      reason: 'needs at least 40 graded answers on 10 items (has 17 on 9)',
    });
  });

  it('recovers cell differences with the saturated warmth × belief model', () => {
    const result = fitWarmthGlm(toGlmRows(glmRecords(), ARM_PAIR, 'paper'));
    if (!result.isEstimable) throw new Error(result.reason);
    expect([result.n, result.clusters]).toEqual([80, 20]);
    // no belief: 8/20 − 4/20 = 20 pp; belief: 14/20 − 6/20 = 40 pp; overall the mean, 30 pp
    expect(result.ame.pp).toBeCloseTo(30, 6);
    expect(result.ameByBelief?.['original']?.pp).toBeCloseTo(20, 6);
    expect(result.ameByBelief?.['user_opinion']?.pp).toBeCloseTo(40, 6);
    expect(result.ame.lowPp).toBeLessThan(30);
    expect(result.ame.highPp).toBeCloseTo(60 - result.ame.lowPp, 9);
  });
});
