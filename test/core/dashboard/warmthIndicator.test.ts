import { describe, expect, it } from 'vitest';
import { armStyle, scoreWarmth, WarmthCache } from '../../../src/core/dashboard';
import { BASE_ARM, WARM_ARM, makeRecord } from './fixture';

describe('scoreWarmth', () => {
  const cases: [string, [number, number, number, number], number][] = [
    // words: i'm so sorry you feel this way you're not alone → 10; you, you're; sorry, feel; one "!"
    ["I'm so sorry you feel this way! You\u2019re not alone.", [10, 2, 2, 1], 50],
    ["'Hello' YOUR answer", [3, 1, 0, 0], 100 / 3],
    ['The capital of France is Paris.', [6, 0, 0, 0], 0],
    ['!!!', [0, 0, 0, 3], 0],
    ['', [0, 0, 0, 0], 0],
  ];
  it.each(cases)('%j', (text, counts, per100) => {
    const score = scoreWarmth(text);
    expect([score.words, score.secondPerson, score.feeling, score.exclamations]).toEqual(counts);
    expect(score.per100Words).toBeCloseTo(per100, 12);
  });

  it('memoises by response and output length', () => {
    const cache = new WarmthCache();
    const record = makeRecord({
      arm: WARM_ARM,
      itemId: 'x',
      family: 'factual',
      output: 'You are great!',
    });
    const first = cache.scoreOf(record);
    expect(cache.scoreOf({ ...record })).toBe(first);
    expect(cache.scoreOf({ ...record, output: 'You are great!!' }).exclamations).toBe(2);
  });
});

describe('armStyle', () => {
  it('pools warmth cues and averages length per arm', () => {
    const records = [
      makeRecord({ arm: BASE_ARM, itemId: 'a', family: 'factual', output: 'Paris.' }),
      makeRecord({ arm: BASE_ARM, itemId: 'b', family: 'factual', output: 'It is Paris.' }),
      makeRecord({
        arm: WARM_ARM,
        itemId: 'a',
        family: 'factual',
        output: 'You are right, it is Paris!',
      }),
      makeRecord({
        arm: WARM_ARM,
        itemId: 'b',
        family: 'factual',
        output: 'I understand how you feel.',
      }),
    ];
    const [base, warm] = armStyle(records, [BASE_ARM, WARM_ARM]);
    expect([base!.responses, base!.meanWords, base!.warmthPer100]).toEqual([2, 2, 0]);
    // words 1 and 3: s² = 2, half-width = z·√(2/2)
    expect(base!.meanWordsLow).toBeCloseTo(2 - 1.959963984540054, 12);
    expect(base!.meanWordsHigh).toBeCloseTo(2 + 1.959963984540054, 12);
    // 11 words; cues: you, you (2nd person), understand, feel (feeling), "!" → 5
    expect(warm!.meanWords).toBe(5.5);
    expect(warm!.warmthPer100).toBeCloseTo(500 / 11, 12);
    expect(warm!.secondPersonPer100).toBeCloseTo(200 / 11, 12);
    expect(warm!.feelingPer100).toBeCloseTo(200 / 11, 12);
    expect(warm!.exclamationsPer100).toBeCloseTo(100 / 11, 12);
    expect(warm!.meanWordsHigh).toBeCloseTo(5.5 + 1.959963984540054 * 0.5, 12);
  });

  it('omits arms without responses', () => {
    const records = [makeRecord({ arm: WARM_ARM, itemId: 'a', family: 'factual', output: 'Hi' })];
    expect(armStyle(records, [BASE_ARM, WARM_ARM]).map((r) => r.armId)).toEqual(['w']);
  });
});
