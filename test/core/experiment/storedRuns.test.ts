import { describe, expect, it } from 'vitest';
import type { Comparison, RunRecord } from '../../../src/core/records';
import { BUILT_IN_ITEMS } from '../../../src/core/questions/bank';
import type { Item } from '../../../src/core/types';
import {
  createRuleGrader,
  dedupeItems,
  itemsInPlan,
  loadItemPool,
} from '../../../src/core/experiment/pool';
import {
  describeStoredRun,
  isResumable,
  resumeLabel,
  speedFromHistory,
} from '../../../src/core/experiment/storedRuns';
import type { PlanEntry } from '../../../src/core/experiment/plan';

function run(status: RunRecord['status']): RunRecord {
  return {
    id: 'run-1',
    name: 'Quick demo',
    design: {} as RunRecord['design'],
    status,
    planSize: 240,
    createdAt: '2025-03-04T10:20:30.000Z',
    updatedAt: '2025-03-04T10:20:30.000Z',
  };
}

describe('stored runs', () => {
  it.each([
    ['running', true],
    ['paused', true],
    ['done', false],
    ['cancelled', false],
    ['failed', false],
    ['planned', false],
  ] as const)('a %s run is resumable: %s', (status, expected) => {
    expect(isResumable(run(status))).toBe(expected);
  });

  it('labels the offer and the list', () => {
    expect(resumeLabel({ run: run('paused'), done: 120 })).toBe(
      'Resume run “Quick demo”: 120/240 done',
    );
    expect(describeStoredRun({ run: run('done'), done: 240 })).toBe(
      'Quick demo · done · 240/240 · 2025-03-04 10:20',
    );
  });
});

function comparison(modelId: string, speeds: (number | undefined)[]): Comparison {
  return {
    id: 'c',
    createdAt: '',
    modelId,
    engineLabel: '',
    question: '',
    condition: { context: 'none', belief: 'none' },
    prompt: { text: '', variantIds: {} },
    settings: { temperature: 0, maxTokens: 1 },
    arms: speeds.map((s) => ({
      armId: 'a',
      label: 'a',
      output: '',
      elapsedMs: 1,
      usage: { promptTokens: 1, completionTokens: 1, decodeTokensPerSecond: s },
    })),
  };
}

describe('speedFromHistory', () => {
  it.each([
    [[comparison('m', [10, 30]), comparison('m', [20])], 'm', 20],
    [[comparison('m', [10, 30])], 'm', 20],
    [[comparison('other', [10]), comparison('m', [Number.NaN, undefined, 0])], 'm', null],
    [[comparison('m', [12])], null, null],
  ])('%#: gives %s', (history, modelId, expected) => {
    expect(speedFromHistory(history, modelId)).toBe(expected);
  });
});

describe('item pool', () => {
  const first = BUILT_IN_ITEMS[0] as Item;
  const imported: Item = { ...first, id: 'imp-1', question: 'Imported?' };

  it('joins sources, keeps the first of duplicate ids and names a missing set', async () => {
    const sets = {
      list: async () => [{ id: 'set-a', name: 'A' }],
      getItems: async () => [imported, { ...first, question: 'duplicate id' }],
    };
    const pool = await loadItemPool(['builtin', 'set-a'], sets);
    expect(pool).toHaveLength(BUILT_IN_ITEMS.length + 1);
    expect(pool.find((i) => i.id === first.id)?.question).toBe(first.question);
    expect(dedupeItems([imported, imported])).toHaveLength(1);
    await expect(loadItemPool(['gone'], sets)).rejects.toThrow(
      "The design uses question set 'gone', which is no longer stored",
    );
  });

  it('grades against the entry item and refuses an unknown item', () => {
    const grade = createRuleGrader([first]);
    const entry = { itemId: first.id } as PlanEntry;
    const [result] = grade(entry, first.correct);
    expect(result?.outcome).toBe('correct');
    expect(result?.grader).toBe(`rule:${first.family}@2`);
    expect(() => grade({ itemId: 'nope' } as PlanEntry, 'x')).toThrow("item 'nope'");
    expect(itemsInPlan([entry, entry], [imported, first]).map((i) => i.id)).toEqual([first.id]);
  });
});
