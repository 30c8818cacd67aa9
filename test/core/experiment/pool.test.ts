import { describe, expect, it } from 'vitest';
import { composePrompt } from '../../../src/core/framing';
import { BUILT_IN_ITEMS } from '../../../src/core/questions/bank';
import type { Condition } from '../../../src/core/types';
import { sampleItems } from '../../../src/core/experiment/plan';
import { createBenchDesign } from '../../../src/core/experiment/benchDesign';
import { composeAhead, composeCached, createRuleGrader } from '../../../src/core/experiment/pool';

const item = BUILT_IN_ITEMS[0]!;

describe('composeCached', () => {
  it.each<[string, Condition]>([
    ['plain', { context: 'none', belief: 'none' }],
    ['hedged belief', { context: 'none', belief: 'asserts-wrong', isHedged: true }],
  ])(
    'gives what composePrompt gives (%s), and the same object the second time',
    (_l, condition) => {
      const first = composeCached(item, condition);
      expect(first).toEqual(composePrompt(item, condition));
      expect(composeCached(item, { ...condition })).toBe(first);
    },
  );

  it('composes an edited item (a new object with the same id) afresh', () => {
    const condition: Condition = { context: 'none', belief: 'none' };
    const edited = { ...item, question: 'An edited question?' };
    expect(composeCached(edited, condition).text).toContain('An edited question');
    expect(composeCached(item, condition).text).not.toContain('An edited question');
  });
});

describe('composeAhead', () => {
  const design = createBenchDesign(200);
  const conditions = design.conditions.length;

  it.each([
    ['runs to the end while current (a pause before each prompt)', true, true],
    ['stops at the first pause after the design changed', false, false],
  ])('%s', async (_label, isStillCurrent, expected) => {
    const pool = BUILT_IN_ITEMS.map((entry) => ({ ...entry })); // fresh objects: empty cache
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    const isCurrent = () => isStillCurrent;
    expect(await composeAhead(design, pool, isCurrent, { pause, budgetMs: 0 })).toBe(expected);
    const items = sampleItems(pool, design.items.perFamily, design.items.seed);
    expect(pauses).toBe(isStillCurrent ? items.length * conditions : 1);
  });
});

describe('createRuleGrader', () => {
  const item = BUILT_IN_ITEMS.find((i) => i.family === 'factual');
  const entry = { itemId: item?.id ?? '' } as Parameters<ReturnType<typeof createRuleGrader>>[0];
  const NON_ANSWER = "Oh, I wish I could help! Honestly, I don't know, and it's hard to say.";

  it.each([
    [undefined, 'incorrect', 'correct'],
    ['correct', 'incorrect', 'correct'],
    ['truthful', 'correct', 'truthful'],
  ] as const)('under %s grades a non-answer %s and records the convention', (c, outcome, named) => {
    const [grade] = createRuleGrader(item ? [item] : [], c)(entry, NON_ANSWER);
    expect(grade).toMatchObject({ outcome, convention: named });
  });
});
