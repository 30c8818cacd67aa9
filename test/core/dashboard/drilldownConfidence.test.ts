import { describe, expect, it } from 'vitest';
import type { AnswerPair } from '../../../src/core/dashboard/pairs';
import { viewPairs } from '../../../src/core/dashboard/drilldown';
import type { ResponseRecord } from '../../../src/core/types';
import { makeRecord } from '../results/builders';

function record(armId: string, answerProbability?: number): ResponseRecord {
  const r = makeRecord({
    planIndex: armId === 'base' ? 0 : 1,
    armId,
    armRole: armId as 'base' | 'warm',
    itemId: 'i1',
    output: 'Paris',
  });
  if (answerProbability !== undefined) r.answerProbability = answerProbability;
  return r;
}

describe('drill-down answer confidence', () => {
  it('shows fast mode answer probability as a percentage, and nothing when absent', () => {
    const pair: AnswerPair = {
      key: 'k',
      itemId: 'i1',
      family: 'factual',
      condition: { context: 'none', belief: 'none' },
      sample: 0,
      base: record('base', 0.824),
      warm: record('warm'),
      isBaseWrong: false,
      isWarmWrong: false,
    };
    const [view] = viewPairs([pair], []);
    expect(view?.base.confidence).toBe('82%');
    expect(view?.warm.confidence).toBeNull();
  });
});
