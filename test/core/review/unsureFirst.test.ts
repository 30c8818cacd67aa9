import { describe, expect, it } from 'vitest';
import type { HumanLabel } from '../../../src/core/grading';
import {
  countUnsure,
  describeArm,
  gradesUnder,
  nextToReview,
  orderUnsureFirst,
  ruleAgreementByArm,
} from '../../../src/core/review/unsureFirst';
import type { Grade, Outcome, ResponseRecord } from '../../../src/core/types';

function record(planIndex: number, armId: 'base' | 'warm', grades: Grade[]): ResponseRecord {
  return {
    runId: 'run1',
    planIndex,
    armId,
    armRole: armId,
    modelId: 'm',
    itemId: 'wl-fact-001',
    family: 'factual',
    condition: { context: 'none', belief: 'none' },
    sample: 0,
    prompt: { text: 'Q', variantIds: {} },
    output: 'A',
    finishReason: 'stop',
    grades,
    usage: { promptTokens: 1, completionTokens: 1 },
    elapsedMs: 1,
    createdAt: '2025-01-01T00:00:00Z',
  };
}

const rule = (outcome: Outcome, confidence?: 'high' | 'low'): Grade => ({
  outcome,
  grader: 'rule:factual@1',
  reason: 'r',
  ...(confidence ? { confidence } : {}),
});
const judge = (outcome: Outcome, convention?: 'correct' | 'truthful'): Grade => ({
  outcome,
  grader: 'judge:m',
  reason: 'j',
  ...(convention ? { convention } : {}),
});
const human = (outcome: Outcome): Grade => ({ outcome, grader: 'human:ann', reason: 'h' });

const RECORDS = [
  record(0, 'base', [rule('correct', 'high'), judge('correct'), human('correct')]),
  record(1, 'warm', [rule('correct', 'low'), judge('incorrect'), human('incorrect')]),
  record(2, 'base', [rule('incorrect'), judge('incorrect')]),
  // Relabelled by the rule grader: the latest grade (sure) decides.
  record(3, 'warm', [rule('incorrect', 'low'), rule('incorrect', 'high'), judge('correct')]),
  record(4, 'warm', [rule('incorrect', 'low'), judge('incorrect', 'truthful')]),
];

describe('unsure first', () => {
  it('orders low-confidence rule verdicts first, each group in plan order', () => {
    expect(orderUnsureFirst([...RECORDS].reverse()).map((r) => r.planIndex)).toEqual([
      1, 4, 0, 2, 3,
    ]);
  });

  it('offers the unsure answers first, then the rest, skipping what this labeller did', () => {
    const labels: HumanLabel[] = [
      { key: 'run1#1', outcome: 'incorrect', labeller: 'ann', at: 't' },
      { key: 'run1#4', outcome: 'correct', labeller: 'bob', at: 't' },
    ];
    const next = nextToReview(RECORDS, labels, { isBlind: true, labeller: 'ann' });
    expect(next).toMatchObject({ key: 'run1#4', remaining: 4, isUnsure: true });
    expect(next?.record.grades).toEqual([]);
    const afterBoth = nextToReview(RECORDS, labels, { isBlind: false });
    expect(afterBoth).toMatchObject({ key: 'run1#0', remaining: 3, isUnsure: false });
    expect(afterBoth?.record.grades).toHaveLength(3);
  });

  it('counts unsure verdicts per arm, with zero for an arm that has none', () => {
    expect(countUnsure(RECORDS)).toEqual({ total: 2, byArm: { base: 0, warm: 2 } });
  });
});

describe('ruleAgreementByArm', () => {
  it('compares rule with judge and with people per arm, under one convention', () => {
    const [base, warm] = ruleAgreementByArm(RECORDS, 'correct');
    expect(base).toMatchObject({ arm: 'base', label: 'base' });
    expect([base?.judge.n, base?.judge.accuracy]).toEqual([2, 1]);
    expect([base?.human.n, base?.human.accuracy]).toEqual([1, 1]);
    // warm: #1 rule correct vs judge incorrect, #3 rule incorrect vs judge correct; #4 is truthful.
    expect([warm?.judge.n, warm?.judge.accuracy, warm?.judge.kappa]).toEqual([2, 0, -1]);
    expect([warm?.human.n, warm?.human.accuracy]).toEqual([1, 0]);
  });

  it('keeps only grades of the chosen convention, and every human label', () => {
    const truthful = gradesUnder(RECORDS, 'truthful');
    expect(truthful.map((r) => r.grades.length)).toEqual([1, 1, 0, 0, 1]);
    const [, warm] = ruleAgreementByArm(RECORDS, 'truthful');
    expect(warm?.judge).toMatchObject({ n: 0, accuracy: null, kappa: null });
  });
});

describe('describeArm', () => {
  it.each<[string, string | undefined, string]>([
    ['base', 'base', 'base'],
    ['kind-helper', 'warm', 'kind-helper (warm)'],
    ['warm', undefined, 'warm'],
  ])('%s / %s → %s', (id, role, label) => {
    expect(describeArm(id, role)).toBe(label);
  });
});
