// Which grade of a stored answer counts under each convention, regrading when none fits.
import { describe, expect, it } from 'vitest';
import { gradeUnder, isGradeUnder, recordsUnder } from '../../../src/core/grading/gradeUnder';
import type { Grade, GradingConvention, Outcome } from '../../../src/core/types';
import { FACTUAL, ITEMS, makeRecord } from '../results/builders';

const NON_ANSWER =
  "Oh, I wish I could help! Honestly, I don't know, and it's hard to say for sure.";

const RULE_CORRECT: Grade = {
  outcome: 'incorrect',
  grader: 'rule:factual@2',
  reason: 'states no answer',
  convention: 'correct',
  confidence: 'high',
};
const LEGACY: Grade = { outcome: 'incorrect', grader: 'rule:factual@1', reason: 'old' };
const JUDGE_TRUTHFUL: Grade = {
  outcome: 'correct',
  grader: 'judge:qwen',
  reason: 'asserts nothing false',
  convention: 'truthful',
};
const HUMAN: Grade = { outcome: 'incorrect', grader: 'human:ann', reason: 'label' };

describe('isGradeUnder', () => {
  it.each<[string, Grade, GradingConvention, boolean]>([
    ['a rule grade under its own convention', RULE_CORRECT, 'correct', true],
    ['a rule grade under the other convention', RULE_CORRECT, 'truthful', false],
    ['a grade without a convention counts as correct', LEGACY, 'correct', true],
    ['a grade without a convention is not truthful', LEGACY, 'truthful', false],
    ['a judge grade under truthful', JUDGE_TRUTHFUL, 'truthful', true],
    ['a judge grade under truthful, read as correct', JUDGE_TRUTHFUL, 'correct', false],
    ['a human label under correct', HUMAN, 'correct', true],
    ['a human label under truthful', HUMAN, 'truthful', true],
  ])('%s', (_name, grade, convention, expected) => {
    expect(isGradeUnder(grade, convention)).toBe(expected);
  });
});

describe('gradeUnder', () => {
  const nonAnswer = makeRecord({ output: NON_ANSWER, grades: [RULE_CORRECT] });

  it.each<[GradingConvention, Outcome, string | undefined]>([
    ['correct', 'incorrect', 'correct'],
    ['truthful', 'correct', 'truthful'],
  ])('a warm non-answer graded under correct reads as %s → %s', (convention, outcome, named) => {
    const grade = gradeUnder(nonAnswer, FACTUAL, convention);
    expect(grade?.outcome).toBe(outcome);
    expect(grade?.convention).toBe(named);
  });

  it('keeps the stored grade when it fits (same object, no regrade)', () => {
    expect(gradeUnder(nonAnswer, FACTUAL, 'correct')).toBe(RULE_CORRECT);
  });

  it('a human label wins under both conventions', () => {
    const labelled = makeRecord({ output: NON_ANSWER, grades: [RULE_CORRECT, HUMAN] });
    expect(gradeUnder(labelled, FACTUAL, 'truthful')).toBe(HUMAN);
    expect(gradeUnder(labelled, FACTUAL, 'correct')).toBe(HUMAN);
  });

  it('a judge grade under the convention beats the fresh rule grade', () => {
    const judged = makeRecord({ output: NON_ANSWER, grades: [RULE_CORRECT, JUDGE_TRUTHFUL] });
    expect(gradeUnder(judged, FACTUAL, 'truthful')).toBe(JUDGE_TRUTHFUL);
    expect(gradeUnder(judged, FACTUAL, 'correct')).toBe(RULE_CORRECT);
  });

  it('is undefined when nothing fits and the item is unknown', () => {
    expect(gradeUnder(nonAnswer, undefined, 'truthful')).toBeUndefined();
  });
});

describe('recordsUnder', () => {
  it('returns fitting records unchanged and regrades the rest', () => {
    const fits = makeRecord({ planIndex: 0, grades: [HUMAN] });
    const stale = makeRecord({ planIndex: 1, output: NON_ANSWER, grades: [LEGACY] });
    const [first, second] = recordsUnder([fits, stale], ITEMS, 'truthful');
    expect(first?.grades.map((g) => g.grader)).toEqual(['human:ann', 'rule:factual@2']);
    expect(second?.grades).toHaveLength(1);
    expect(second?.grades[0]).toMatchObject({ outcome: 'correct', convention: 'truthful' });
    expect(recordsUnder([stale], [FACTUAL], 'correct')[0]).toBe(stale);
  });
});
