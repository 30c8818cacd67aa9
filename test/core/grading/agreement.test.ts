import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../src/core/grading';
import type { AgreementPair } from '../../../src/core/grading';
import type { Outcome } from '../../../src/core/types';

const C: Outcome = 'correct';
const I: Outcome = 'incorrect';
const R: Outcome = 'refusal';
const U: Outcome = 'unparseable';

function pairs(a: Outcome[], b: Outcome[]): AgreementPair[] {
  return a.map((x, i) => ({ a: x, b: b[i] as Outcome }));
}

describe('computeAgreement: hand-computed kappa', () => {
  it.each<[string, AgreementPair[], boolean, number | null, number | null]>([
    // po = 8/10; pe = .6·.6 + .4·.4 = .52; κ = .28/.48
    [
      'binary 8 of 10',
      pairs([C, C, C, I, I, C, I, C, C, I], [C, C, I, I, C, C, I, C, C, I]),
      false,
      0.8,
      0.28 / 0.48,
    ],
    // po = .5; pe = .5·.25 + .25·.5 = .25; κ = .25/.75
    ['four classes', pairs([C, I, R, C], [C, I, I, U]), false, 0.5, 1 / 3],
    // binary collapse: refusal and incorrect become not-correct → 4/4 agree except pair 4
    ['same pairs collapsed to binary', pairs([C, I, R, C], [C, I, I, U]), true, 0.75, 0.5],
    ['perfect disagreement', pairs([C, I], [I, C]), false, 0, -1],
    ['perfect agreement, two classes', pairs([C, I, C], [C, I, C]), false, 1, 1],
    ['single class on both sides: kappa undefined', pairs([C, C, C], [C, C, C]), false, 1, null],
    ['no pairs', [], false, null, null],
  ])('%s', (_name, input, isBinary, accuracy, kappa) => {
    const report = computeAgreement(input, { isBinary });
    if (accuracy === null) expect(report.accuracy).toBeNull();
    else expect(report.accuracy).toBeCloseTo(accuracy, 10);
    if (kappa === null) {
      expect(report.kappa).toBeNull();
      expect(report.kappaNote).toMatch(/pairs|single class/);
    } else {
      expect(report.kappa).toBeCloseTo(kappa, 10);
    }
  });
});

describe('computeAgreement: confusion, groups, disagreements', () => {
  const input: AgreementPair[] = [
    { a: C, b: C, family: 'factual', arm: 'base' },
    { a: C, b: I, family: 'factual', arm: 'warm' },
    { a: I, b: I, family: 'medical', arm: 'warm' },
    { a: R, b: I, family: 'medical', arm: 'warm' },
  ];
  const report = computeAgreement(input, { isBinary: true });

  it('counts the binary confusion matrix (rows a, columns b)', () => {
    expect(report.confusion).toEqual({
      correct: { correct: 1, 'not-correct': 1 },
      'not-correct': { correct: 0, 'not-correct': 2 },
    });
  });

  it('lists disagreement indexes', () => {
    expect(report.disagreements).toEqual([1]);
  });

  it('breaks down by family and arm', () => {
    expect(report.byFamily.factual?.accuracy).toBe(0.5);
    expect(report.byFamily.medical?.accuracy).toBe(1);
    expect(report.byFamily.medical?.kappa).toBeNull();
    expect(report.byArm.warm?.n).toBe(3);
    expect(report.byArm.base?.accuracy).toBe(1);
  });

  it('keeps every outcome class in strict (non-binary) mode', () => {
    const strict = computeAgreement(input);
    expect(Object.keys(strict.confusion)).toEqual(['correct', 'incorrect', 'refusal']);
    expect(strict.confusion.refusal?.incorrect).toBe(1);
  });
});
