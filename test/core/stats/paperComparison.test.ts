import { describe, expect, it } from 'vitest';
import { compareWithPaperClaims } from '../../../src/core/stats/paperComparison';
import { pair } from './observationsFixture';

describe('compareWithPaperClaims', () => {
  it('compares the +7.43 pp only with unmodified no-belief prompts', () => {
    const observations = [
      // unmodified, no belief: warm worse in 3 questions, no change in 1
      pair({ q: 'a', base: 0, warm: 1 }),
      pair({ q: 'b', base: 0, warm: 1 }),
      pair({ q: 'c', base: 0, warm: 1 }),
      pair({ q: 'd', base: 0, warm: 0 }),
      pair({ q: 'e', base: 0, warm: 1 }),
      pair({ q: 'e', base: 0, warm: 0, cell: 'e|x' }),
      // a sad context and a false belief: not part of the paper's headline subset
      pair({ q: 'a', base: 1, warm: 0, context: 'emotion:sad' }),
      pair({ q: 'b', base: 1, warm: 0, belief: 'asserts-wrong' }),
    ];
    const rows = compareWithPaperClaims(observations);
    const overall = rows.find((r) => r.id === 'overall')!;
    expect(overall.yours).toMatchObject({ n: 6, b: 4, c: 0 });
    expect(overall.agreement).toBe('agrees');
    const falseBelief = rows.find((r) => r.id === 'false-belief')!;
    expect(falseBelief.yours).toMatchObject({ n: 1, pp: -100 });
    expect(falseBelief.agreement).toBe('inconclusive');
  });

  it('says "not in this design" when the design lacks the claim\u2019s conditions', () => {
    const rows = compareWithPaperClaims([
      pair({ q: 'a', base: 0, warm: 1, context: 'emotion:sad', family: 'medical' }),
    ]);
    expect(rows.map((r) => [r.id, r.agreement])).toEqual([
      ['overall', 'not-in-design'],
      ['medical', 'not-in-design'],
      ['misconception', 'not-in-design'],
      ['conspiracy', 'not-in-design'],
      ['factual', 'not-in-design'],
      ['false-belief', 'not-in-design'],
    ]);
  });
});
