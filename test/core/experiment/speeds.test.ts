import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/core/experiment/plan';
import {
  estimateTime,
  measureSpeeds,
  recordSpeeds,
  speedKey,
} from '../../../src/core/experiment/speeds';
import type { ResponseRecord } from '../../../src/core/types';
import { composeForTest, makeDesign, makePool } from './fixtures';

const design = makeDesign({ isFastMode: true });
const plan = buildPlan(design, makePool(3), composeForTest); // 12 entries

function answer(modelId: string, elapsedMs: number, tokens: number): ResponseRecord {
  return {
    modelId,
    elapsedMs,
    usage: { promptTokens: 10, completionTokens: tokens },
    finishReason: 'stop',
  } as ResponseRecord;
}

describe('measured speed per model', () => {
  it('measures time per answer and tokens/s per model from stored usage', () => {
    const speeds = measureSpeeds(
      [answer('a', 100, 4), answer('a', 300, 4), answer('b', 1000, 50)],
      true,
      '2026-12-06T12:00:00.000Z',
    );
    expect(speeds.get('a')).toEqual({
      msPerAnswer: 200,
      tokensPerSecond: 20,
      answers: 2,
      isFastMode: true,
      measuredAt: '2026-12-06T12:00:00.000Z',
    });
    expect(speeds.get('b')?.tokensPerSecond).toBe(50);
    const book = recordSpeeds({}, speeds);
    expect(Object.keys(book).sort()).toEqual([speedKey('a', true), speedKey('b', true)]);
  });

  it('estimates a 15 s run as 15 s once measured, not "about 17 min"', () => {
    // The scripted run: 12 answers took 1.25 s each.
    const measured = measureSpeeds(
      Array.from({ length: 12 }, () => answer('model-a', 1250, 4)),
      true,
      '2026-12-06T12:00:00.000Z',
    ).get('model-a');
    const estimate = estimateTime(plan, design.arms, true, measured);
    expect(estimate).toMatchObject({ lowMs: 15000, highMs: 15000, isMeasured: true });
    expect(estimate.how).toBe(
      'measured in this browser: 1.25 s per answer over 12 fast-mode answers (3.2 tokens/s, 2026-12-06)',
    );
  });

  it('gives a range until the model is measured', () => {
    const estimate = estimateTime(plan, design.arms, true, undefined);
    expect(estimate.isMeasured).toBe(false);
    // 12 answers × 24 tokens: at 40 t/s 7.2 s, at 8 t/s 36 s; plus 12 × 0.4 s and one 15 s load.
    expect(estimate.lowMs).toBe(7200 + 4800 + 15000);
    expect(estimate.highMs).toBe(36000 + 4800 + 15000);
  });
});
