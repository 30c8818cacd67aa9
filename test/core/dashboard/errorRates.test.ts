import { describe, expect, it } from 'vitest';
import {
  errorRatesByFamily,
  errorRatesBySetup,
  rateCell,
  setupOf,
} from '../../../src/core/dashboard';
import { ARMS, fixtureRecords } from './fixture';

describe('errorRatesByFamily', () => {
  it('counts errors per family × arm with Wilson intervals (paper mode)', () => {
    const rows = errorRatesByFamily(fixtureRecords(), ARMS, 'paper');
    expect(rows.map((r) => [r.family, r.armId, r.errors, r.n, r.notCounted])).toEqual([
      ['factual', 'b', 1, 5, 0],
      ['factual', 'w', 3, 5, 0],
      ['misconception', 'b', 0, 0, 1],
      ['misconception', 'w', 0, 1, 0],
      ['conspiracy', 'b', 0, 1, 0],
      ['conspiracy', 'w', 1, 1, 0],
      ['medical', 'b', 1, 2, 0],
      ['medical', 'w', 1, 2, 0],
    ]);
    const factualBase = rows[0]!;
    expect(factualBase.rate).toBe(0.2);
    expect(factualBase.low).toBeCloseTo(0.036224108632430085, 12);
    expect(factualBase.high).toBeCloseTo(0.6244653702374747, 12);
    const factualWarm = rows[1]!;
    expect(factualWarm.low).toBeCloseTo(0.2307242812760128, 12);
    expect(factualWarm.high).toBeCloseTo(0.882379225767352, 12);
  });

  it('reports an empty cell as null, never NaN', () => {
    const misconceptionBase = errorRatesByFamily(fixtureRecords(), ARMS, 'paper')[2]!;
    expect([misconceptionBase.rate, misconceptionBase.low, misconceptionBase.high]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('leaves the conspiracy refusal out in strict mode', () => {
    const rows = errorRatesByFamily(fixtureRecords(), ARMS, 'strict');
    const conspiracyBase = rows.find((r) => r.family === 'conspiracy' && r.armId === 'b')!;
    expect([conspiracyBase.errors, conspiracyBase.n, conspiracyBase.notCounted]).toEqual([0, 0, 1]);
  });

  it('ignores records of arms that are not listed', () => {
    expect(errorRatesByFamily(fixtureRecords(), [ARMS[1]!], 'paper').map((r) => r.armId)).toEqual([
      'w',
      'w',
      'w',
      'w',
    ]);
  });
});

describe('errorRatesBySetup', () => {
  it('climbs question only → + context → + false belief', () => {
    const rows = errorRatesBySetup(fixtureRecords(), ARMS, 'paper');
    expect(rows.map((r) => [r.setup, r.armId, r.errors, r.n, r.notCounted])).toEqual([
      ['question', 'b', 1, 5, 1],
      ['question', 'w', 3, 6, 0],
      ['context', 'b', 0, 1, 0],
      ['context', 'w', 1, 1, 0],
      ['belief', 'b', 1, 2, 0],
      ['belief', 'w', 1, 2, 0],
    ]);
    expect(rows[3]!.low).toBeCloseTo(0.20654931437723745, 12);
    expect(rows[3]!.high).toBe(1);
  });

  const setups: [Parameters<typeof setupOf>[0], string][] = [
    [{ context: 'none', belief: 'none' }, 'question'],
    [{ context: 'none', belief: 'none', hasLeadIn: true }, 'question'],
    [{ context: 'stakes:high', belief: 'none' }, 'context'],
    [{ context: 'none', belief: 'denies-right' }, 'belief'],
    [{ context: 'custom:my-day', belief: 'custom:guess' }, 'belief'],
  ];
  it.each(setups)('setupOf(%j) = %s', (condition, expected) => {
    expect(setupOf(condition)).toBe(expected);
  });
});

describe('rateCell', () => {
  it('gives the Wilson interval of 1/2', () => {
    const cell = rateCell(1, 2);
    expect(cell.rate).toBe(0.5);
    expect(cell.low).toBeCloseTo(0.09453120573423074, 12);
    expect(cell.high).toBeCloseTo(0.9054687942657693, 12);
  });
});
