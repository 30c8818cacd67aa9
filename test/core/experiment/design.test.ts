import { describe, expect, it } from 'vitest';
import type { ExperimentDesign } from '../../../src/core/experiment/design';
import {
  DesignError,
  assertValidDesign,
  conditionKey,
  hasDesignShape,
  validateDesign,
} from '../../../src/core/experiment/design';
import { DEFAULT_MODEL_ID, PRESETS, bindDefaultModel } from '../../../src/core/experiment/presets';
import { makeArm, makeDesign } from './fixtures';

const PERSONAS = { warmSystemPrompt: 'WARM PERSONA', baseSystemPrompt: 'BASE PERSONA' };
const IDS = { id: 'preset-id', createdAt: '2025-02-03T04:05:06.000Z' };

describe('validateDesign', () => {
  it('accepts a well-formed design', () => {
    expect(validateDesign(makeDesign())).toEqual([]);
  });

  const cases: [string, Partial<ExperimentDesign>, string][] = [
    ['empty name', { name: '  ' }, 'name: give the design a name'],
    [
      'no sources',
      { items: { sources: [], perFamily: { factual: 1 }, seed: 1 } },
      "items.sources: choose at least one source ('builtin' or an imported set)",
    ],
    [
      'no items at all',
      { items: { sources: ['builtin'], perFamily: { factual: 0 }, seed: 1 } },
      'items.perFamily: ask for at least one item in some family',
    ],
    [
      'fractional count',
      { items: { sources: ['builtin'], perFamily: { factual: 2.5 }, seed: 1 } },
      'items.perFamily.factual: expected a whole number from 0 to 1000, got 2.5',
    ],
    [
      'unknown family',
      {
        items: {
          sources: ['builtin'],
          perFamily: { factual: 1, history: 3 } as ExperimentDesign['items']['perFamily'],
          seed: 1,
        },
      },
      "items.perFamily: unknown family 'history' (expected factual, misconception, conspiracy, medical)",
    ],
    [
      'NaN seed',
      { items: { sources: ['builtin'], perFamily: { factual: 1 }, seed: Number.NaN } },
      'items.seed: expected a whole number, got NaN',
    ],
    ['no conditions', { conditions: [] }, 'conditions: choose at least one condition'],
    [
      'unknown context',
      { conditions: [{ context: 'emotion:bored' as 'none', belief: 'none' }] },
      "conditions[0].context: unknown context 'emotion:bored'",
    ],
    [
      'hedging nothing',
      { conditions: [{ context: 'none', belief: 'none', isHedged: true }] },
      'conditions[0]: a hedged condition needs a belief to hedge',
    ],
    [
      'duplicate condition',
      {
        conditions: [
          { context: 'none', belief: 'none' },
          { context: 'none', belief: 'none', isHedged: false },
        ],
      },
      'conditions[1]: duplicate of an earlier condition (none|none|plain|nolead)',
    ],
    ['no arms', { arms: [] }, 'arms: add at least one arm'],
    [
      'duplicate arm id',
      { arms: [makeArm('a', 'm'), makeArm('a', 'm')] },
      "arms[1].id: 'a' is used by another arm",
    ],
    [
      'temperature out of range',
      { arms: [{ ...makeArm('a', 'm'), settings: { temperature: 3, maxTokens: 10 } }] },
      'arms[0].settings.temperature: expected 0 to 2, got 3',
    ],
    [
      'zero max tokens',
      { arms: [{ ...makeArm('a', 'm'), settings: { temperature: 0, maxTokens: 0 } }] },
      'arms[0].settings.maxTokens: expected 1 to 8192, got 0',
    ],
    ['missing model', { arms: [makeArm('a', '')] }, 'arms[0].modelId: choose a model'],
    ['too many samples', { samples: 50 }, 'samples: expected 1 to 20, got 50'],
    [
      'unknown grading',
      { grading: 'vibes' as 'rule' },
      "grading: expected rule, judge or both, got 'vibes'",
    ],
  ];
  it.each(cases)('reports %s', (_label, overrides, message) => {
    expect(validateDesign(makeDesign(overrides))).toEqual([message]);
  });

  it('rejects a non-integer seed, which web-llm refuses with SeedTypeError', () => {
    const arms = [
      { ...makeArm('base', 'm'), settings: { temperature: 0.8, maxTokens: 300, seed: 1.5 } },
    ];
    expect(validateDesign(makeDesign({ arms }))).toEqual([
      'arms[0].settings.seed: expected a whole number from 0 to 2147483647 (web-llm accepts only integer seeds), got 1.5',
    ]);
  });

  it('rejects an unknown prompt style', () => {
    const design = { ...makeDesign(), promptStyle: 'fancy' } as unknown as ExperimentDesign;
    expect(validateDesign(design)).toEqual(["promptStyle: expected paper or varied, got 'fancy'"]);
  });

  it('rejects an unknown grading convention and accepts both known ones', () => {
    const kind = { ...makeDesign(), convention: 'kind' } as unknown as ExperimentDesign;
    expect(validateDesign(kind)).toEqual(["convention: expected correct or truthful, got 'kind'"]);
    expect(validateDesign(makeDesign({ convention: 'truthful' }))).toEqual([]);
    expect(validateDesign(makeDesign({ convention: 'correct' }))).toEqual([]);
  });

  it('accepts custom framings by id', () => {
    const design = makeDesign({ conditions: [{ context: 'custom:my-boss', belief: 'custom:x1' }] });
    expect(validateDesign(design)).toEqual([]);
  });

  it('throws a DesignError listing every problem', () => {
    const design = makeDesign({ name: '', samples: 0 });
    expect(() => assertValidDesign(design)).toThrow(DesignError);
    try {
      assertValidDesign(design);
    } catch (error) {
      expect((error as DesignError).problems).toEqual([
        'name: give the design a name',
        'samples: expected 1 to 20, got 0',
      ]);
    }
  });
});

describe('hasDesignShape', () => {
  it('accepts a stored design and refuses other values', () => {
    expect(hasDesignShape(makeDesign())).toBe(true);
    expect(hasDesignShape(null)).toBe(false);
    expect(hasDesignShape({ id: 'x', arms: [], conditions: [] })).toBe(false);
    expect(hasDesignShape('design')).toBe(false);
  });
});

describe('conditionKey', () => {
  it.each([
    [{ context: 'none', belief: 'none' }, 'none|none|plain|nolead'],
    [
      { context: 'emotion:sad', belief: 'asserts-wrong', isHedged: true, hasLeadIn: true },
      'emotion:sad|asserts-wrong|hedged|lead',
    ],
  ] as const)('keys %j as %s', (condition, key) => {
    expect(conditionKey(condition)).toBe(key);
  });
});

describe('PRESETS', () => {
  it('has the three named presets, each valid', () => {
    expect(PRESETS.map((p) => p.name)).toEqual([
      'Paper replication (small)',
      'Does sadness make it agree with me?',
      'Quick 5-minute demo',
    ]);
    for (const preset of PRESETS) {
      expect(validateDesign(preset.create(PERSONAS, IDS))).toEqual([]);
    }
  });

  it('the paper replication preset grades under the paper’s convention, correct', () => {
    expect(PRESETS.map((p) => p.create(PERSONAS, IDS).convention)).toEqual([
      'correct',
      undefined,
      undefined,
    ]);
  });

  it('uses the caller’s persona prompts and the placeholder model', () => {
    const design = PRESETS[1]?.create(PERSONAS, IDS);
    expect(design?.arms.map((a) => [a.id, a.role, a.modelId, a.systemPrompt])).toEqual([
      ['base', 'base', DEFAULT_MODEL_ID, 'BASE PERSONA'],
      ['warm', 'warm', DEFAULT_MODEL_ID, 'WARM PERSONA'],
    ]);
    expect(design?.id).toBe('preset-id');
    expect(design?.createdAt).toBe('2025-02-03T04:05:06.000Z');
  });

  it('makes the quick demo fast and small', () => {
    const demo = PRESETS[2]?.create({ warmSystemPrompt: 'w' }, IDS);
    expect(demo?.isFastMode).toBe(true);
    expect(demo?.items.perFamily).toEqual({
      factual: 2,
      misconception: 2,
      conspiracy: 2,
      medical: 2,
    });
    expect(demo?.arms[0]?.systemPrompt).toBeUndefined();
  });

  it('binds the placeholder model to the loaded one and leaves others', () => {
    const design = makeDesign({
      arms: [makeArm('a', DEFAULT_MODEL_ID), makeArm('b', 'endpoint:lab')],
    });
    expect(bindDefaultModel(design, 'Qwen-0.5B').arms.map((a) => a.modelId)).toEqual([
      'Qwen-0.5B',
      'endpoint:lab',
    ]);
    expect(design.arms[0]?.modelId).toBe(DEFAULT_MODEL_ID);
  });
});
