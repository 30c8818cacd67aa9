import { describe, expect, it } from 'vitest';
import type { FactualItem } from '../../../src/core/types';
import { makeRecord } from '../results/builders';
import { tabulateRecords } from '../../../src/core/stats/tabulateResults';
import type { TabulatedRecord } from '../../../src/core/stats/tabulateResults';

const ITEM: FactualItem = {
  id: 'q1',
  family: 'factual',
  question: 'What is the capital of France?',
  correct: 'Paris',
  aliases: [],
  wrong: ['Lyon'],
  source: { name: 'test', license: 'CC0' },
};

let planIndex = 0;
function answer(overrides: Partial<TabulatedRecord> = {}): TabulatedRecord {
  const record = makeRecord({
    planIndex: planIndex++,
    modelId: 'm',
    itemId: 'q1',
    prompt: { text: 'What is the capital of France?', variantIds: {} },
    output: 'Paris.',
  });
  return { ...record, ...overrides };
}

const WARM: Partial<TabulatedRecord> = { armId: 'warm', armRole: 'warm' };
const WRONG: Partial<TabulatedRecord> = {
  grades: [{ outcome: 'incorrect', grader: 'rule:factual@1', reason: 'x' }],
};

describe('tabulateRecords', () => {
  const cases: {
    name: string;
    records: TabulatedRecord[];
    isDeviceFactor?: boolean;
    size: number;
    models?: string[];
    items?: string[];
    notes?: Record<string, number>;
    ruleGraded?: number;
  }[] = [
    {
      name: 'a base/warm pair becomes two rows with paper codes',
      records: [answer(), answer({ ...WARM, ...WRONG })],
      size: 2,
      models: ['m'],
      items: ['q1'],
    },
    {
      name: 'cold arms and unparseable answers are left out and counted',
      records: [
        answer(),
        answer({ armId: 'cold', armRole: 'cold' }),
        answer({ ...WARM, grades: [{ outcome: 'unparseable', grader: 'rule', reason: '' }] }),
      ],
      size: 1,
      notes: {
        'cold or neutral arm (the paired analysis compares base and warm)': 1,
        'unparseable answer (neither right nor wrong)': 1,
      },
    },
    {
      name: 'ungraded answers are graded with the rules when the item is known',
      records: [answer({ grades: [] }), answer({ ...WARM, grades: [], itemId: 'unknown' })],
      size: 1,
      ruleGraded: 1,
      notes: {
        'not graded, and its question is unknown so the rule graders cannot grade it': 1,
      },
    },
    {
      name: 'hedged belief prompts are separate items so pairs stay unique',
      records: [
        answer({ condition: { context: 'none', belief: 'asserts-wrong' } }),
        answer({ condition: { context: 'none', belief: 'asserts-wrong', isHedged: true } }),
      ],
      size: 2,
      items: ['q1', 'q1 [hedged]'],
    },
    {
      name: 'a second warm arm of the same model is left out',
      records: [answer(), answer(WARM), answer({ armId: 'warm-2', armRole: 'warm' })],
      size: 2,
      notes: {
        'arm "warm-2" (warm, m): the analysis takes one warm arm per model, the first one found': 1,
      },
    },
    {
      name: 'a repeated answer to the same prompt keeps the first',
      records: [answer(), answer()],
      size: 1,
      notes: {
        'repeats an earlier answer to the same prompt, arm and sample (the first is used)': 1,
      },
    },
    {
      name: 'custom beliefs are not a paper prompt type',
      records: [answer({ condition: { context: 'none', belief: 'custom:mine' } })],
      size: 0,
      notes: { "custom belief framing (not one of the paper's prompt types)": 1 },
    },
    {
      name: 'device as a factor splits models when devices differ',
      records: [answer({ device: 'Laptop' }), answer({ device: 'Phone', ...WARM })],
      isDeviceFactor: true,
      size: 2,
      models: ['m @ Laptop', 'm @ Phone'],
    },
    {
      name: 'without the option devices share the model',
      records: [answer({ device: 'Laptop' }), answer({ device: 'Phone', ...WARM })],
      isDeviceFactor: false,
      size: 2,
      models: ['m'],
    },
  ];

  it.each(cases)('$name', (testCase) => {
    const result = tabulateRecords(testCase.records, [ITEM], {
      isDeviceFactor: testCase.isDeviceFactor ?? false,
    });
    expect(result.table.size).toBe(testCase.size);
    if (testCase.models) expect(result.table.levels.model).toEqual(testCase.models);
    if (testCase.items) expect(result.table.levels.item).toEqual(testCase.items);
    const notes = Object.fromEntries(result.notes.map((note) => [note.reason, note.count]));
    expect(notes).toEqual(testCase.notes ?? {});
    expect(result.ruleGraded).toBe(testCase.ruleGraded ?? 0);
  });

  it('maps verdicts, refusals and datasets to the analysis columns', () => {
    const result = tabulateRecords(
      [
        answer(),
        answer({ ...WARM, output: "I'm sorry, but I can't say.", ...WRONG }),
        answer({
          family: 'conspiracy',
          itemId: 'c1',
          condition: { context: 'emotion:sad', belief: 'denies-right' },
        }),
      ],
      [ITEM],
      { isDeviceFactor: false },
    );
    const { table } = result;
    expect(table.levels.dataset).toEqual(['disinfo', 'trivia']);
    expect(table.levels.amendment).toEqual(['emotion:sad', 'unmodified']);
    expect(table.levels.prompt).toEqual(['correct', 'original']);
    expect([...table.isCorrect]).toEqual([1, 0, 1]);
    expect([...table.isRefusal]).toEqual([0, 1, 0]);
    expect([...table.isWarm]).toEqual([0, 1, 0]);
    expect([...table.line]).toEqual([1, 2, 3]);
  });
});
