import { describe, expect, it } from 'vitest';
import { minimumDetectableDifference } from '../../src/core/stats';
import { computePower } from '../../src/ui/state/resultsPower.svelte';

const DEFAULTS = {
  items: '100',
  conditions: '9',
  samples: '1',
  baseErrorPct: '20',
  alpha: '0.05',
  power: '0.8',
};

describe('computePower', () => {
  it('multiplies items, conditions and samples into pairs and asks core/stats', () => {
    const outcome = computePower({ ...DEFAULTS, samples: '2' });
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
    [{ items: '0' }, 'Items must be a whole number of at least 1 (got "0").'],
    [
      { conditions: '2.5' },
      'Conditions per item must be a whole number of at least 1 (got "2.5").',
    ],
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
