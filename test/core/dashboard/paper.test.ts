import { describe, expect, it } from 'vitest';
import { compareWithPaper, pairAnswers, paperRowSelection } from '../../../src/core/dashboard';
import { BASE_ARM, WARM_ARM, fixtureRecords } from './fixture';

describe('compareWithPaper', () => {
  const rows = compareWithPaper(
    pairAnswers(fixtureRecords(), { base: BASE_ARM, warm: WARM_ARM }, 'paper'),
  );

  it('compares each published effect with the same subset of this run (like for like)', () => {
    // The overall and per-task figures: no context, no belief (f1–f4, c1), so f5 (happy) and
    // the medical pairs (sad, asserts a wrong answer) are left out of them.
    expect(rows.map((r) => [r.id, r.paperPp, r.yours?.n ?? 0, r.yours?.pp ?? null])).toEqual([
      ['overall', 7.43, 5, 40],
      ['medical', 8.6, 0, null],
      ['misconception', 8.4, 0, null],
      ['conspiracy', 5.4, 1, 100],
      ['factual', 4.9, 4, 25],
      ['false-belief', 11, 2, 0],
      ['sad-largest', null, 1, 100],
    ]);
  });

  it('says "agrees" only when the whole interval is on the paper\'s side of zero', () => {
    expect(rows.map((r) => [r.id, r.isConsistent, r.isPaperInInterval])).toEqual([
      ['overall', false, true],
      ['medical', null, null],
      ['misconception', null, null],
      ['conspiracy', true, false],
      ['factual', false, true],
      ['false-belief', false, true],
      ['sad-largest', false, null],
    ]);
    expect(rows[6]!.finding).toBe('Largest here: Happy');
  });
});

describe('paperRowSelection', () => {
  it('maps each comparison row to the pairs behind it', () => {
    expect(
      ['overall', 'medical', 'false-belief', 'sad-largest'].map((id) => paperRowSelection({ id })),
    ).toEqual([
      { kind: 'scope', family: 'all', beliefScope: 'any' },
      { kind: 'family', family: 'medical' },
      { kind: 'scope', family: 'all', beliefScope: 'false-belief' },
      null,
    ]);
  });
});
