import { describe, expect, it } from 'vitest';
import { chooseArmPair, pairAnswers, verdictOf } from '../../../src/core/dashboard';
import type { Arm } from '../../../src/core/types';
import { ARMS, BASE_ARM, WARM_ARM, fixtureRecords, makeRecord } from './fixture';

describe('verdictOf', () => {
  const cases: [string, Parameters<typeof makeRecord>[0], 'strict' | 'paper', string][] = [
    [
      'correct stays correct',
      { arm: BASE_ARM, itemId: 'x', family: 'factual', outcome: 'correct' },
      'paper',
      'correct',
    ],
    [
      'incorrect is an error',
      { arm: BASE_ARM, itemId: 'x', family: 'factual', outcome: 'incorrect' },
      'strict',
      'incorrect',
    ],
    [
      'factual refusal is dropped (paper)',
      { arm: BASE_ARM, itemId: 'x', family: 'factual', outcome: 'refusal' },
      'paper',
      'not-counted',
    ],
    [
      'conspiracy refusal is correct (paper)',
      { arm: BASE_ARM, itemId: 'x', family: 'conspiracy', outcome: 'refusal' },
      'paper',
      'correct',
    ],
    [
      'conspiracy refusal is not counted (strict)',
      { arm: BASE_ARM, itemId: 'x', family: 'conspiracy', outcome: 'refusal' },
      'strict',
      'not-counted',
    ],
    [
      'unparseable is not counted',
      { arm: BASE_ARM, itemId: 'x', family: 'medical', outcome: 'unparseable' },
      'paper',
      'not-counted',
    ],
    [
      'ungraded is not counted',
      { arm: BASE_ARM, itemId: 'x', family: 'medical' },
      'paper',
      'not-counted',
    ],
  ];
  it.each(cases)('%s', (_name, spec, mode, expected) => {
    expect(verdictOf(makeRecord(spec), mode)).toBe(expected);
  });

  it('prefers a human label over a later rule grade', () => {
    const record = makeRecord({
      arm: BASE_ARM,
      itemId: 'x',
      family: 'factual',
      outcome: 'correct',
    });
    record.grades = [
      { outcome: 'incorrect', grader: 'human:alice', reason: 'checked' },
      { outcome: 'correct', grader: 'rule:factual@1', reason: 'matched' },
    ];
    expect(verdictOf(record, 'paper')).toBe('incorrect');
  });
});

describe('chooseArmPair', () => {
  const cold: Arm = { ...BASE_ARM, id: 'c', role: 'cold' };
  const cases: [string, Arm[], [string, string] | null][] = [
    ['base and warm by role', [cold, WARM_ARM, BASE_ARM], ['b', 'w']],
    ['first two arms without roles', [cold, { ...cold, id: 'd' }], ['c', 'd']],
    ['a missing base falls back to another arm', [WARM_ARM, cold], ['c', 'w']],
    ['one arm is not a comparison', [BASE_ARM], null],
  ];
  it.each(cases)('%s', (_name, arms, expected) => {
    const pair = chooseArmPair(arms);
    expect(pair ? [pair.base.id, pair.warm.id] : null).toEqual(expected);
  });
});

describe('pairAnswers', () => {
  it('pairs counted answers by item, condition and sample, sorted by key (paper mode)', () => {
    const pairs = pairAnswers(fixtureRecords(), { base: BASE_ARM, warm: WARM_ARM }, 'paper');
    expect(pairs.map((p) => [p.itemId, p.isBaseWrong, p.isWarmWrong])).toEqual([
      ['c1', false, true],
      ['f1', true, true],
      ['f2', false, true],
      ['f3', false, false],
      ['f4', false, false],
      ['f5', false, true],
      ['m1', true, false],
      ['m2', false, true],
    ]);
  });

  it('drops the refused conspiracy pair in strict mode', () => {
    const pairs = pairAnswers(fixtureRecords(), { base: BASE_ARM, warm: WARM_ARM }, 'strict');
    expect(pairs.map((p) => p.itemId)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5', 'm1', 'm2']);
  });

  it('keeps the retried answer (higher planIndex) when a key repeats', () => {
    const records = [
      makeRecord({
        arm: BASE_ARM,
        itemId: 'x',
        family: 'factual',
        outcome: 'correct',
        planIndex: 9,
      }),
      makeRecord({
        arm: BASE_ARM,
        itemId: 'x',
        family: 'factual',
        outcome: 'incorrect',
        planIndex: 3,
      }),
      makeRecord({
        arm: WARM_ARM,
        itemId: 'x',
        family: 'factual',
        outcome: 'correct',
        planIndex: 4,
      }),
      makeRecord({
        arm: WARM_ARM,
        itemId: 'x',
        family: 'factual',
        outcome: 'correct',
        planIndex: 5,
        sample: 1,
      }),
    ];
    const pairs = pairAnswers(records, { base: BASE_ARM, warm: WARM_ARM }, 'paper');
    expect(pairs.map((p) => [p.itemId, p.sample, p.base.planIndex, p.isBaseWrong])).toEqual([
      ['x', 0, 9, false],
    ]);
  });

  it('gives the same pairs whatever the record order', () => {
    const records = fixtureRecords();
    const forward = pairAnswers(records, { base: BASE_ARM, warm: WARM_ARM }, 'paper').map(
      (p) => p.key,
    );
    const backward = pairAnswers([...records].reverse(), chooseArmPair(ARMS)!, 'paper').map(
      (p) => p.key,
    );
    expect(backward).toEqual(forward);
  });
});
