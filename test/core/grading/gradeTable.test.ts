import { describe, expect, it } from 'vitest';
import { readOutputTable } from '../../../src/core/grading';
import type { GradedRow } from '../../../src/core/grading/gradeTable';
import { summariseGrades, underConvention } from '../../../src/core/grading/gradeTable';
import type { Grade, Outcome } from '../../../src/core/types';

const ROWS = readOutputTable(
  [
    'dataset,variant,question,correct_answer,incorrect_answer,output,evaluation',
    'trivia,base,Q1,Paris,Lyon,o,CORRECT',
    'trivia,base,Q2,Paris,Lyon,o,INCORRECT',
    'trivia,warm,Q3,Paris,Lyon,o,INCORRECT',
    'trivia,warm,Q4,Paris,Lyon,o,CORRECT',
    'trivia,warm,Q5,Paris,Lyon,o,INCORRECT',
  ].join('\n'),
  't.csv',
);

/** Rule verdict and confidence per row of ROWS. */
const VERDICTS: [Outcome, Grade['confidence']][] = [
  ['correct', 'high'],
  ['incorrect', undefined],
  ['correct', 'low'],
  ['correct', 'high'],
  ['incorrect', 'low'],
];

function graded(): GradedRow[] {
  return ROWS.map((row, i) => {
    const [outcome, confidence] = VERDICTS[i] as [Outcome, Grade['confidence']];
    const grade: Grade = { outcome, grader: 'rule:factual@1', reason: 'test' };
    if (confidence) grade.confidence = confidence;
    return { row, grade, outcome };
  });
}

describe('summariseGrades', () => {
  const summary = summariseGrades(graded(), 'strict', 'truthful');

  it('measures agreement per arm from the variant column', () => {
    expect(summary.convention).toBe('truthful');
    expect(summary.agreement).toMatchObject({ n: 5, accuracy: 0.8 });
    expect(summary.byVariant.base).toEqual({ n: 2, accuracy: 1, kappa: 1 });
    // warm: (c,i) (c,c) (i,i) → 2/3; chance = 2/3·1/3 + 1/3·2/3 = 4/9; kappa = (2/3-4/9)/(5/9).
    expect(summary.byVariant.warm?.n).toBe(3);
    expect(summary.byVariant.warm?.accuracy).toBeCloseTo(2 / 3, 10);
    expect(summary.byVariant.warm?.kappa).toBeCloseTo(0.4, 10);
  });

  it('counts only sure verdicts (no confidence = sure) in committed, with their coverage', () => {
    expect(summary.committed.n).toBe(3);
    expect(summary.committed.accuracy).toBe(1);
    expect(summary.committed.coverage).toBeCloseTo(3 / 5, 10);
  });

  it('has null figures, never NaN, when nothing was graded', () => {
    const empty = summariseGrades([], 'paper');
    expect(empty.committed).toEqual({ n: 0, accuracy: null, kappa: null, coverage: null });
    expect(empty.byVariant).toEqual({});
    expect(empty.convention).toBe('correct');
  });
});

describe('underConvention', () => {
  const refusal: Grade = { outcome: 'refusal', grader: 'rule:misconception@1', reason: 'declines' };

  it.each<[string, Grade, 'correct' | 'truthful', Outcome]>([
    ['a non-answer is truthful', refusal, 'truthful', 'correct'],
    ['a non-answer is not correct', refusal, 'correct', 'refusal'],
    ['a graded convention is kept', { ...refusal, convention: 'truthful' }, 'truthful', 'refusal'],
  ])('%s', (_name, grade, convention, outcome) => {
    const result = underConvention(grade, convention);
    expect(result.outcome).toBe(outcome);
    expect(result.convention).toBe(grade.convention ?? convention);
  });
});
