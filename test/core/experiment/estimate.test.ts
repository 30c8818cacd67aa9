import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TOKENS_PER_SECOND,
  MODEL_LOAD_MS,
  PER_GENERATION_OVERHEAD_MS,
  estimateRun,
} from '../../../src/core/experiment/estimate';
import { buildPlan } from '../../../src/core/experiment/plan';
import { composeForTest, makeArm, makeDesign, makePool } from './fixtures';

const pool = makePool(3);

describe('estimateRun', () => {
  it('counts prompts, generations and phases and uses the default speed', () => {
    // Arms cap answers at 64 tokens (below the 120-token typical answer).
    const design = makeDesign({ samples: 2 });
    const plan = buildPlan(design, pool, composeForTest);
    const estimate = estimateRun(plan, design.arms);
    expect(estimate).toEqual({
      prompts: 6,
      generations: 24,
      modelPhases: 1,
      expectedTokens: 24 * 64,
      expectedMs: Math.round(
        ((24 * 64) / DEFAULT_TOKENS_PER_SECOND) * 1000 +
          24 * PER_GENERATION_OVERHEAD_MS +
          MODEL_LOAD_MS,
      ),
      tokensPerSecond: DEFAULT_TOKENS_PER_SECOND,
      isMeasuredSpeed: false,
    });
  });

  it.each([
    [{ tokensPerSecond: 40, tokensPerAnswer: 50 }, 12 * 50, 40, true],
    [{ tokensPerSecond: Number.NaN, tokensPerAnswer: -1 }, 12 * 64, 8, false],
    [{ tokensPerSecond: 40, isFastMode: true }, 12 * 24, 40, true],
  ])('with %j expects %i tokens at %i tok/s', (options, tokens, speed, isMeasured) => {
    const design = makeDesign();
    const plan = buildPlan(design, pool, composeForTest);
    const estimate = estimateRun(plan, design.arms, options);
    expect(estimate.expectedTokens).toBe(tokens);
    expect(estimate.tokensPerSecond).toBe(speed);
    expect(estimate.isMeasuredSpeed).toBe(isMeasured);
    expect(Number.isFinite(estimate.expectedMs)).toBe(true);
  });

  it('adds a model load per phase when arms use different models', () => {
    const design = makeDesign({ arms: [makeArm('a', 'm1'), makeArm('b', 'm2')] });
    const plan = buildPlan(design, pool, composeForTest);
    expect(estimateRun(plan, design.arms).modelPhases).toBe(2);
  });
});
