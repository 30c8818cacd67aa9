import { describe, expect, it } from 'vitest';
import { gradingBand, measureAgreement } from '../../../src/core/stats/gradingBand';
import { pair } from './observationsFixture';

const low = { isLowConfidence: true, isRuleGraded: true };
const rule = { isRuleGraded: true };

// 4 pairs: observed Δ = (2 − 1)/4 = +25 pp.
const PAIRS = [
  pair({ q: 'a', base: 0, warm: 1, warmFacts: low }),
  pair({ q: 'b', base: 1, warm: 1, baseFacts: low }),
  pair({ q: 'c', base: 0, warm: 0, warmFacts: low, baseFacts: rule }),
  pair({ q: 'd', base: 0, warm: 0, warmFacts: rule, baseFacts: rule }),
];

describe('gradingBand', () => {
  it('counts low-confidence verdicts per arm', () => {
    const band = gradingBand(PAIRS)!;
    expect(band.warm).toEqual({ verdicts: 4, low: 2, ruleGraded: 3 });
    expect(band.base).toEqual({ verdicts: 4, low: 1, ruleGraded: 3 });
  });

  it('bounds the effect by resolving unsure verdicts against and for "warm is worse"', () => {
    const band = gradingBand(PAIRS)!;
    // low: warm's unsure (a, c) right → warm errors {b} = 1; base's unsure (b) wrong → {b} = 1 → 0 pp
    expect(band.lowPp).toBe(0);
    // high: warm's unsure wrong → {a, b, c} = 3; base's unsure right → 0 → +75 pp
    expect(band.highPp).toBe(75);
  });

  it('has no corrected estimate without measured agreement, and says why', () => {
    const band = gradingBand(PAIRS)!;
    expect(band.correctedPp).toBeNull();
    expect(band.note).toMatch(/needs answers graded both by the rules and by a judge or a human/);
  });

  it('applies the Rogan–Gladen correction to the rule-graded share of each arm', () => {
    const agreement = {
      base: { n: 20, sensitivity: 0.8, specificity: 0.9 },
      warm: { n: 20, sensitivity: 0.5, specificity: 1 },
    };
    const band = gradingBand(PAIRS, agreement)!;
    // warm: rule-graded a, c, d, 1 of 3 wrong → (1/3 + 0)/0.5 = 2/3 → 2 errors; plus b (not rule) = 3
    // base: rule-graded b, c, d, 1 of 3 wrong → (1/3 − 0.1)/0.7 = 1/3 → 1 error; a not wrong → 1
    expect(band.correctedPp).toBeCloseTo(50, 10);
  });

  it('says there is nothing to correct when no verdict is rule-graded', () => {
    const band = gradingBand([pair({ q: 'a', base: 0, warm: 1 })])!;
    expect(band).toMatchObject({ lowPp: 100, highPp: 100, correctedPp: 100 });
    expect(band.note).toMatch(/nothing to correct/);
  });
});

describe('measureAgreement', () => {
  it('measures sensitivity and specificity of the rule grader per arm', () => {
    const samples = [
      { isWarm: true, isRuleWrong: true, isReferenceWrong: true },
      { isWarm: true, isRuleWrong: false, isReferenceWrong: true },
      { isWarm: true, isRuleWrong: false, isReferenceWrong: false },
      { isWarm: false, isRuleWrong: true, isReferenceWrong: true },
    ];
    const agreement = measureAgreement(samples);
    expect(agreement.warm).toEqual({ n: 3, sensitivity: 0.5, specificity: 1 });
    // base has no answer the reference calls right: specificity undefined → no agreement
    expect(agreement.base).toBeNull();
  });
});
