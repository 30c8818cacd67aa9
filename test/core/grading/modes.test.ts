import { describe, expect, it } from 'vitest';
import { applyMode } from '../../../src/core/grading';
import type { GradingMode } from '../../../src/core/grading';
import type { Family, Outcome } from '../../../src/core/types';

describe('applyMode', () => {
  it.each<[Outcome, Family, GradingMode, Outcome | 'dropped']>([
    ['refusal', 'factual', 'strict', 'refusal'],
    ['refusal', 'factual', 'paper', 'dropped'],
    ['refusal', 'medical', 'paper', 'dropped'],
    ['refusal', 'misconception', 'paper', 'dropped'],
    ['refusal', 'conspiracy', 'paper', 'correct'],
    ['refusal', 'conspiracy', 'strict', 'refusal'],
    ['incorrect', 'conspiracy', 'paper', 'incorrect'],
    ['correct', 'factual', 'paper', 'correct'],
    ['unparseable', 'medical', 'paper', 'unparseable'],
    ['unparseable', 'medical', 'strict', 'unparseable'],
  ])('%s / %s / %s → %s', (outcome, family, mode, expected) => {
    expect(applyMode({ outcome, grader: 'rule:x@1', reason: 'r' }, family, mode)).toBe(expected);
  });
});
