import { describe, expect, it } from 'vitest';
import {
  createProgress,
  recordProgress,
  resumeProgress,
  summarizeProgress,
} from '../../../src/core/experiment/progress';
import { buildPlan } from '../../../src/core/experiment/plan';
import { composeForTest, makeDesign, makePool } from './fixtures';

// 3 items × 2 conditions × 2 arms = 12 entries, arms "base" and "warm".
const plan = buildPlan(makeDesign(), makePool(3), composeForTest);

describe('progress', () => {
  it('starts with resumed entries counted and nothing else known', () => {
    const state = createProgress(plan, new Set([0, 1, 2]), 1000);
    expect(summarizeProgress(state, 1000)).toEqual({
      done: 3,
      total: 12,
      fraction: 0.25,
      etaMs: null,
      tokensPerSecond: null,
      itemsPerMinute: null,
      perArm: [
        { armId: 'base', done: 2, total: 6 },
        { armId: 'warm', done: 1, total: 6 },
      ],
    });
  });

  it('computes ETA from an exponential moving average of per-prompt gaps', () => {
    let state = createProgress(plan, new Set(), 0);
    state = recordProgress(state, { armId: 'base', elapsedMs: 1500, completionTokens: 30 }, 2000);
    // First gap seeds the average: 2000 ms × 11 remaining.
    expect(summarizeProgress(state, 2000).etaMs).toBe(22000);
    state = recordProgress(state, { armId: 'warm', elapsedMs: 3500, completionTokens: 70 }, 6000);
    // EMA = 0.2 × 4000 + 0.8 × 2000 = 2400 ms; 10 remaining.
    const summary = summarizeProgress(state, 6000);
    expect(summary.etaMs).toBeCloseTo(24000, 6);
    // 100 tokens over 5 s of generation.
    expect(summary.tokensPerSecond).toBe(20);
    // 2 results in 6 s = 20 per minute.
    expect(summary.itemsPerMinute).toBe(20);
    expect(summary.perArm).toEqual([
      { armId: 'base', done: 1, total: 6 },
      { armId: 'warm', done: 1, total: 6 },
    ]);
  });

  it('reports zero time left when all is done, and keeps speed across a pause', () => {
    let state = createProgress(plan, new Set(plan.map((e) => e.index).slice(1)), 0);
    state = recordProgress(state, { armId: 'base', elapsedMs: 100, completionTokens: 5 }, 500);
    expect(summarizeProgress(state, 500)).toMatchObject({ done: 12, fraction: 1, etaMs: 0 });
    const resumed = resumeProgress(state, 10000);
    expect(summarizeProgress(resumed, 10000)).toMatchObject({
      itemsPerMinute: null,
      tokensPerSecond: 50,
    });
    expect(resumed.emaMsPerPrompt).toBe(500);
  });

  it('treats an empty plan as complete', () => {
    expect(summarizeProgress(createProgress([], new Set(), 0), 0)).toMatchObject({
      done: 0,
      total: 0,
      fraction: 1,
      etaMs: 0,
    });
  });
});
