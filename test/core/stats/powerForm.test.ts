import { describe, expect, it } from 'vitest';
import { minimumDetectableDifference } from '../../../src/core/stats';
import { computePower } from '../../../src/core/stats/powerForm';

const DEFAULTS = {
  items: '100',
  conditions: '9',
  samples: '1',
  baseErrorPct: '20',
  icc: '',
  targetPp: '7.43',
  alpha: '0.05',
  power: '0.8',
};

describe('computePower', () => {
  it('multiplies questions, conditions and samples into pairs and asks core/stats', () => {
    const outcome = computePower({ ...DEFAULTS, samples: '2', icc: '0' });
    expect(outcome.isValid).toBe(true);
    if (!outcome.isValid) return;
    expect(outcome.pairs).toBe(1800);
    const expected = minimumDetectableDifference({ pairs: 1800, baseErrorRate: 0.2 });
    expect(outcome.result.mddPp).toBe(expected.mddPp);
    expect(outcome.result.mddPp).toBeGreaterThan(0);
    expect(outcome.result.mddPp).toBeLessThan(10);
  });

  it('detects smaller differences with more pairs', () => {
    const small = computePower({ ...DEFAULTS, items: '20' });
    const large = computePower({ ...DEFAULTS, items: '2000' });
    if (!small.isValid || !large.isValid) throw new Error('expected valid inputs');
    expect(large.result.mddPp as number).toBeLessThan(small.result.mddPp as number);
  });

  const invalid: [Partial<typeof DEFAULTS>, string][] = [
    [{ items: '0' }, 'Questions must be a whole number of at least 1 (got "0").'],
    [
      { conditions: '2.5' },
      'Conditions per question must be a whole number of at least 1 (got "2.5").',
    ],
    [
      { icc: '1.5' },
      'Intra-question correlation ρ (blank: from results or default) must be between 0 and 1 (got "1.5").',
    ],
    [{ targetPp: '0' }, 'Difference to detect (pp) must be between 0 and 100 (got "0").'],
    [
      { baseErrorPct: '100' },
      'Expected base error rate (%) must be between 0 and 100 (got "100").',
    ],
    [{ baseErrorPct: '' }, 'Expected base error rate (%) must be between 0 and 100 (got "").'],
    [{ alpha: '1.5' }, 'Significance level α must be between 0 and 1 (got "1.5").'],
    [{ power: 'x' }, 'Power must be between 0 and 1 (got "x").'],
  ];
  it.each(invalid)('rejects %j', (change, message) => {
    expect(computePower({ ...DEFAULTS, ...change })).toEqual({ isValid: false, message });
  });
});

describe('computePower: where ρ comes from', () => {
  it.each([
    ['', null, 0.25, 'default ρ = 0.25 (no results with repeated prompts)'],
    ['', 0.1234, 0.1234, 'ρ = 0.123 estimated from the analysed results'],
    ['0.4', 0.1234, 0.4, 'ρ = 0.4 as entered'],
  ])('typed %j with estimate %s → ρ = %s', (typed, estimated, icc, from) => {
    const outcome = computePower({ ...DEFAULTS, icc: typed }, estimated);
    if (!outcome.isValid) throw new Error(outcome.message);
    expect([outcome.result.icc, outcome.iccFrom]).toEqual([icc, from]);
    expect(outcome.result.designEffect).toBeCloseTo(1 + 8 * icc, 12);
  });

  it('needs more questions as ρ grows (100 questions × 9 prompts, +7.43 pp)', () => {
    const needed = ['0', '0.25', '1'].map((icc) => {
      const outcome = computePower({ ...DEFAULTS, icc });
      return outcome.isValid ? outcome.result.questionsNeeded : null;
    });
    expect(needed).toEqual([58, 172, 516]);
  });
});
