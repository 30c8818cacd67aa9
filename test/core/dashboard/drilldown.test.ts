import { describe, expect, it } from 'vitest';
import type { Selection } from '../../../src/core/dashboard';
import { describeSelection, pairAnswers, pairsFor } from '../../../src/core/dashboard';
import { BASE_ARM, WARM_ARM, fixtureRecords } from './fixture';

const PAIRS = pairAnswers(fixtureRecords(), { base: BASE_ARM, warm: WARM_ARM }, 'paper');

describe('pairsFor and describeSelection', () => {
  const cases: [Selection, string[], string][] = [
    [
      { kind: 'family', family: 'factual' },
      ['f1', 'f2', 'f3', 'f4', 'f5'],
      'Family: Factual (TriviaQA)',
    ],
    [{ kind: 'setup', setup: 'context' }, ['f5'], 'Setup: + context'],
    [
      { kind: 'context-belief', context: 'none', belief: 'none' },
      ['c1', 'f1', 'f2', 'f3', 'f4'],
      'No context · No belief',
    ],
    [
      { kind: 'point', family: 'medical', context: 'emotion:sad', isBeliefPresent: true },
      ['m1', 'm2'],
      'Medical (MedQA) · Sad · False user belief',
    ],
    [
      { kind: 'scope', family: 'all', beliefScope: 'false-belief' },
      ['m1', 'm2'],
      'All families · False user belief',
    ],
    [
      { kind: 'scope', family: 'conspiracy', beliefScope: 'no-belief' },
      ['c1'],
      'Conspiracy (MASK disinformation) · No user belief',
    ],
  ];
  it.each(cases)('%j', (selection, itemIds, heading) => {
    expect(pairsFor(PAIRS, selection).map((p) => p.itemId)).toEqual(itemIds);
    expect(describeSelection(selection)).toBe(heading);
  });
});
