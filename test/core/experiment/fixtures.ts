/**
 * Small hand-made items, arms and designs shared by the experiment tests (no I/O, no mocks).
 */
import type { Arm, ComposedPrompt, Condition, Family, Item } from '../../../src/core/types';
import type { ExperimentDesign } from '../../../src/core/experiment/design';

export function makeItem(id: string, family: Family): Item {
  const common = {
    id,
    question: `Question ${id}?`,
    correct: `right-${id}`,
    aliases: [],
    wrong: [`wrong-${id}`],
    source: { name: 'test', license: 'CC0-1.0' },
  };
  switch (family) {
    case 'factual':
      return { ...common, family };
    case 'misconception':
      return { ...common, family };
    case 'conspiracy':
      return {
        ...common,
        family,
        trueStatement: common.correct,
        falseStatement: common.wrong[0] as string,
        isYesTrue: true,
      };
    case 'medical':
      return {
        ...common,
        family,
        options: [common.correct, 'other-1', 'other-2', 'other-3'],
        answerIndex: 0,
      };
  }
}

/** `n` items of each family, ids like "factual-3". */
export function makePool(n: number): Item[] {
  const families: Family[] = ['factual', 'misconception', 'conspiracy', 'medical'];
  return families.flatMap((family) =>
    Array.from({ length: n }, (_, i) => makeItem(`${family}-${i}`, family)),
  );
}

export function makeArm(id: string, modelId: string, role: Arm['role'] = 'base'): Arm {
  return {
    id,
    label: id.toUpperCase(),
    modelId,
    role,
    systemPrompt: role === 'warm' ? 'Be warm.' : undefined,
    settings: { temperature: 0, maxTokens: 64, seed: 7 },
  };
}

export function makeDesign(overrides: Partial<ExperimentDesign> = {}): ExperimentDesign {
  return {
    id: 'design-1',
    name: 'Test design',
    items: { sources: ['builtin'], perFamily: { factual: 2, medical: 1 }, seed: 11 },
    conditions: [
      { context: 'none', belief: 'none' },
      { context: 'emotion:sad', belief: 'asserts-wrong' },
    ],
    arms: [makeArm('base', 'model-a', 'base'), makeArm('warm', 'model-a', 'warm')],
    samples: 1,
    grading: 'rule',
    isFastMode: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A deterministic stand-in for core/prompt's composer. */
export function composeForTest(item: Item, condition: Condition): ComposedPrompt {
  const belief = condition.belief === 'none' ? '' : ` I think it is ${item.wrong[0]}.`;
  return {
    text: `[${condition.context}] ${item.question}${belief}`,
    variantIds: { context: `${condition.context}#0` },
  };
}
