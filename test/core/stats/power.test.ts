import { describe, expect, it } from 'vitest';
import { applyMode } from '../../../src/core/stats/outcomes';
import { pairRows } from '../../../src/core/stats/pairing';
import {
  DEFAULT_QUESTION_ICC,
  minimumDetectableDifference,
  planQuestionPower,
  requiredPairs,
} from '../../../src/core/stats/power';
import { estimateQuestionIcc } from '../../../src/core/stats/questionIcc';
import { tableOf } from './tables';

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

describe('planQuestionPower: questions, not prompts', () => {
  const base = { questions: 100, promptsPerQuestion: 28, baseErrorRate: 0.2 };

  it('with ρ = 0 every pair counts (design effect 1)', () => {
    const plan = planQuestionPower({ ...base, icc: 0 });
    expect([plan.pairs, plan.designEffect, plan.effectivePairs]).toEqual([2800, 1, 2800]);
    expect(plan.mddPp).toBeCloseTo(
      minimumDetectableDifference({ pairs: 2800, baseErrorRate: 0.2 }).mddPp as number,
      9,
    );
  });

  it('with ρ = 1 the prompts of a question add nothing: 100 questions are 100 pairs', () => {
    const plan = planQuestionPower({ ...base, icc: 1 });
    expect(plan.designEffect).toBe(28);
    expect(plan.effectivePairs).toBeCloseTo(100, 12);
    expect(plan.mddPp).toBeCloseTo(
      minimumDetectableDifference({ pairs: 100, baseErrorRate: 0.2 }).mddPp as number,
      9,
    );
  });

  it('uses the documented default ρ and plans the paper effect: 143 questions at 28 prompts', () => {
    const plan = planQuestionPower(base);
    expect([plan.icc, plan.iccSource, plan.targetDifferencePp]).toEqual([
      DEFAULT_QUESTION_ICC,
      'default',
      7.43,
    ]);
    expect(plan.designEffect).toBeCloseTo(1 + 27 * 0.25, 12);
    // ψ = .2·(1 − .2743) + .2743·.8; n = requiredPairs(.0743, ψ) ≈ 516 independent pairs
    const n = requiredPairs(0.0743, 0.2 * (1 - 0.2743) + 0.2743 * 0.8);
    expect(plan.questionsNeeded).toBe(Math.ceil((n * 7.75) / 28));
    expect(plan.questionsNeeded).toBe(143);
  });

  it('a pilot ρ is marked as given; impossible targets are not NaN', () => {
    const plan = planQuestionPower({ ...base, questions: 2, icc: 0.6, targetDifferencePp: 90 });
    expect(plan.iccSource).toBe('given');
    expect(plan.isAchievable).toBe(false);
    expect(plan.questionsNeeded).toBeNull();
    expect(JSON.stringify(plan)).not.toMatch(/NaN/);
  });

  it.each([
    [{ questions: 0 }, /questions must be a positive whole number/],
    [{ promptsPerQuestion: 1.5 }, /promptsPerQuestion must be a positive whole number/],
    [{ icc: 1.2 }, /icc must be in \[0, 1\]/],
    [{ targetDifferencePp: 0 }, /targetDifferencePp must be between 0 and 100/],
  ])('rejects %j', (override, message) => {
    expect(() => planQuestionPower({ ...base, ...override })).toThrow(message);
  });
});

describe('estimateQuestionIcc (one-way ANOVA on paired differences)', () => {
  /** 4 questions × 4 contexts; base never wrong, warm wrong on the first w items per context. */
  function icc(warmWrong: number[]) {
    const contexts = ['unmodified', 'emotion:sad', 'relation:close', 'stake:high'];
    const table = tableOf(
      contexts.flatMap((amendmentType, c) => [
        { isWarm: false, count: 4, wrong: 0, amendmentType },
        { isWarm: true, count: 4, wrong: warmWrong[c] as number, amendmentType },
      ]),
    );
    const outcomes = applyMode(table, 'paper');
    return estimateQuestionIcc(table, outcomes, pairRows(table, outcomes.isIncluded));
  }

  it.each([
    // d per question: [1,1,1,1] [1,1,0,1] [0,1,0,1] [0,0,0,1] → (MSB − MSW)/(MSB + 3·MSW) = 0.2
    [[2, 3, 1, 4], 0.2],
    [[4, 4, 4, 4], null], // no variation at all: not estimable
    [[2, 2, 2, 2], 1], // two questions always differ, two never
    [[1, 1, 1, 1].map((_, c) => (c < 2 ? 0 : 4)), 0], // every question alike
  ])('warm wrong per context %j → ρ = %s', (warmWrong, expected) => {
    const result = icc(warmWrong);
    expect([result.questions, result.pairs]).toEqual([4, 16]);
    if (expected === null) expect(result.icc).toBeNull();
    else expect(result.icc).toBeCloseTo(expected, 12);
  });
});
