import { describe, expect, it } from 'vitest';
import { compareWithPaper, pairAnswers, paperRowSelection } from '../../../src/core/dashboard';
import { BASE_ARM, WARM_ARM, fixtureRecords } from './fixture';

describe('compareWithPaper', () => {
  const rows = compareWithPaper(
    pairAnswers(fixtureRecords(), { base: BASE_ARM, warm: WARM_ARM }, 'paper'),
  );

  it('lists every published effect next to this run', () => {
    expect(rows.map((r) => [r.id, r.paperPp, r.yours?.n ?? 0, r.yours?.pp ?? null])).toEqual([
      ['overall', 7.43, 8, 37.5],
      ['medical', 8.6, 2, 0],
      ['misconception', 8.4, 0, null],
      ['conspiracy', 5.4, 1, 100],
      ['factual', 4.9, 5, 40],
      ['false-belief', 11, 2, 0],
      ['sad-largest', null, 1, 100],
    ]);
  });

  it('says whether each estimate agrees with the paper', () => {
    expect(rows.map((r) => [r.id, r.isConsistent, r.isPaperInInterval])).toEqual([
      ['overall', true, true],
      ['medical', false, true],
      ['misconception', null, null],
      ['conspiracy', true, false],
      ['factual', true, true],
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
