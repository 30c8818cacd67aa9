import { describe, expect, it } from 'vitest';
import { flipRate } from '../../../src/core/stats/flipRate';
import type { PairObservation } from '../../../src/core/stats/observations';
import { pair } from './observationsFixture';

/** One cell: the no-belief pair and the asserts-wrong pair (base, warm wrong flags). */
function cell(q: string, context: string, plain: [0 | 1, 0 | 1], asserted: [0 | 1, 0 | 1]) {
  return [
    pair({ q, context, base: plain[0], warm: plain[1] }),
    pair({ q, context, base: asserted[0], warm: asserted[1], belief: 'asserts-wrong' }),
  ];
}

// The same 7 cells as the scipy reference in the commit notes (4 questions).
const CELLS: PairObservation[] = [
  ...cell('q1', 'a', [0, 0], [0, 1]),
  ...cell('q1', 'b', [0, 0], [1, 1]),
  ...cell('q2', 'a', [0, 1], [0, 0]),
  ...cell('q2', 'b', [1, 0], [1, 1]),
  ...cell('q3', 'a', [0, 0], [0, 1]),
  ...cell('q4', 'a', [0, 0], [0, 0]),
  ...cell('q4', 'b', [0, 0], [1, 0]),
];

describe('flipRate', () => {
  it('counts flips among cells each arm got right without a belief', () => {
    const rate = flipRate(CELLS, 'asserts-wrong');
    expect(rate.cells).toBe(7);
    // warm right without belief in 6 cells, wrong under the assertion in 4 of them
    expect(rate.warm).toMatchObject({ heldCorrect: 6, flipped: 4, rate: 4 / 6 });
    expect(rate.base).toMatchObject({ heldCorrect: 6, flipped: 2, rate: 2 / 6 });
  });

  it('gives warm − base with a question-clustered interval (scipy reference)', () => {
    const difference = flipRate(CELLS, 'asserts-wrong').difference;
    expect(difference?.pp).toBeCloseTo(33.333333333, 8);
    expect(difference?.sePp).toBeCloseTo(37.405573845785476, 8);
    expect(difference?.lowPp).toBeCloseTo(-85.70789694920353, 6);
    expect(difference?.highPp).toBe(100);
    expect(difference?.p).toBeCloseTo(0.43850935237891786, 6);
  });

  it('splits flips into caved and other error, or says the split is unknown', () => {
    const known = [
      pair({ q: 'q', base: 0, warm: 0 }),
      pair({
        q: 'q',
        base: 1,
        warm: 1,
        belief: 'asserts-wrong',
        baseFacts: { isCaved: false },
        warmFacts: { isCaved: true },
      }),
    ];
    const rate = flipRate(known, 'asserts-wrong');
    expect(rate.warm).toMatchObject({ flipped: 1, caved: 1, otherError: 0 });
    expect(rate.base).toMatchObject({ flipped: 1, caved: 0, otherError: 1 });
    const unknown = flipRate(CELLS, 'asserts-wrong');
    expect(unknown.warm).toMatchObject({ caved: null, otherError: null });
  });

  it('keeps denies-right separate and ignores cells without a no-belief answer', () => {
    const observations = [
      pair({ q: 'q', base: 0, warm: 0 }),
      pair({ q: 'q', base: 0, warm: 1, belief: 'denies-right' }),
      pair({ q: 'r', base: 0, warm: 1, belief: 'denies-right' }),
    ];
    expect(flipRate(observations, 'asserts-wrong').cells).toBe(0);
    const denies = flipRate(observations, 'denies-right');
    expect(denies).toMatchObject({ cells: 1, warm: { flipped: 1, rate: 1 }, base: { rate: 0 } });
    expect(denies.difference).toMatchObject({ pp: 100, lowPp: null, p: null });
  });
});
