import { describe, expect, it } from 'vitest';
import { columnsOfObservations } from '../../../src/core/stats/observationColumns';
import type { PairObservation } from '../../../src/core/stats/observations';
import { summariseObservations } from '../../../src/core/stats/summary';
import { SIX_QUESTIONS, pair } from './observationsFixture';

function withClusters(keys: (string | number)[]): PairObservation[] {
  return keys.map((cluster, i) => ({ ...pair({ q: 'q', base: 0, warm: 1 }), cluster, cell: i }));
}

describe('columnsOfObservations', () => {
  it.each([
    ['strings', ['q7', 'q3', 'q7', 'q1']],
    ['small integers (array lookup)', [7, 3, 7, 1]],
    ['integers past the array limit (Map)', [7 * 2 ** 40, 3 * 2 ** 40, 7 * 2 ** 40, 2 ** 40]],
    ['fractions (Map)', [0.5, 0.25, 0.5, 1.5]],
  ])('numbers questions in order of first appearance: %s', (_label, keys) => {
    const columns = columnsOfObservations(withClusters(keys));
    expect([...columns.cluster]).toEqual([0, 1, 0, 2]);
    expect(columns.clusterCount).toBe(3);
    expect([...columns.cell]).toEqual([0, 1, 2, 3]);
  });

  it('keeps a number and the same digits as a string apart, as a Map does', () => {
    expect([...columnsOfObservations(withClusters([1, '1', 1])).cluster]).toEqual([0, 1, 0]);
  });

  it('codes families, beliefs, variants, contexts and answers', () => {
    const columns = columnsOfObservations([
      pair({ q: 'a', base: 1, warm: 0, family: 'medical', belief: 'denies-right' }),
      {
        ...pair({ q: 'b', base: 0, warm: 1, context: 'emotion:sad' }),
        family: null,
        isVariant: true,
        warm: { isWrong: true, isLowConfidence: true, isRuleGraded: true, isCaved: true },
      },
    ]);
    expect([...columns.family, ...columns.belief]).toEqual([3, -1, 2, 0]);
    expect([...columns.isVariant, ...columns.isUnmodified]).toEqual([0, 1, 1, 0]);
    expect([...columns.base.isWrong, ...columns.warm.isWrong]).toEqual([1, 0, 0, 1]);
    const { warm } = columns;
    expect([...warm.isLowConfidence, ...warm.isRuleGraded, ...warm.caved]).toEqual([
      0, 1, 0, 1, -1, 1,
    ]);
  });
});

describe('summariseObservations: the key type does not change a number', () => {
  it('gives the same summary with numeric question and cell keys as with strings', () => {
    const codes = new Map<string | number, number>();
    const code = (key: string | number) => codes.get(key) ?? codes.set(key, codes.size).size - 1;
    const numeric = SIX_QUESTIONS.map((o) => ({
      ...o,
      cluster: code(o.cluster),
      cell: code(o.cell),
    }));
    const summary = summariseObservations(SIX_QUESTIONS);
    expect(summariseObservations(numeric)).toEqual(summary);
    expect(summary.headline.overall).toMatchObject({ n: 17, b: 6, c: 2, clusters: 6 });
  });
});
