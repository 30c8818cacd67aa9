import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/core/experiment/plan';
import { PAPER_SETTINGS, describeDeviations } from '../../../src/core/experiment/paperSettings';
import { PRESETS } from '../../../src/core/experiment/presets';
import { composePrompt } from '../../../src/core/framing';
import { DEFAULT_ARM_SETTINGS } from '../../../src/core/experiment/designEdits';
import { DEFAULT_SETTINGS } from '../../../src/core/personas';
import { makePool } from './fixtures';

const ids = { id: 'd1', createdAt: '2026-01-01T00:00:00.000Z' };
const personas = { warmSystemPrompt: 'Be warm.' };
const preset = (key: string) => PRESETS.find((p) => p.key === key)!.create(personas, ids);

describe('paper replication preset', () => {
  it('uses the paper decoding: temperature 0.8, 300 tokens, one sample, paper prompt style', () => {
    const design = preset('paper-small');
    for (const arm of design.arms) {
      expect(arm.settings.temperature).toBe(0.8);
      expect(arm.settings.maxTokens).toBe(300);
      expect(Number.isInteger(arm.settings.seed)).toBe(true);
    }
    expect(design.samples).toBe(1);
    expect(design.promptStyle).toBe('paper');
    expect(design.isFastMode).toBe(false);
    expect(describeDeviations(design)).toEqual({ isPaper: true, deviations: [] });
  });

  it('composes 28 distinct prompts per question', () => {
    const design = preset('paper-small');
    const plan = buildPlan(design, makePool(6), (item, condition, style) =>
      composePrompt(item, condition, { style }),
    );
    const byItem = new Map<string, Set<string>>();
    for (const entry of plan) {
      const set = byItem.get(entry.itemId) ?? new Set<string>();
      set.add(entry.prompt.text);
      byItem.set(entry.itemId, set);
    }
    expect(byItem.size).toBe(20);
    for (const prompts of byItem.values())
      expect(prompts.size).toBe(PAPER_SETTINGS.promptsPerQuestion);
    expect(plan).toHaveLength(20 * 28 * 2);
  });
});

describe('describeDeviations', () => {
  it('names fast mode, greedy decoding and a partial grid', () => {
    const demo = preset('quick-demo');
    const greedy = {
      ...demo,
      arms: demo.arms.map((a) => ({ ...a, settings: { ...a.settings, temperature: 0 } })),
    };
    const { isPaper, deviations } = describeDeviations(greedy);
    expect(isPaper).toBe(false);
    expect(deviations).toEqual([
      "Temperature 0 (0 = always the most likely token) instead of the paper's 0.8.",
      'Fast mode: an answer-only instruction is added to every prompt and answers stop after 24 tokens (the paper let models answer freely).',
      "2 of the paper's 28 prompts per question.",
    ]);
  });

  it('names the varied wording and extra samples', () => {
    const design = { ...preset('paper-small'), promptStyle: 'varied' as const, samples: 3 };
    expect(describeDeviations(design).deviations).toEqual([
      "3 samples per prompt instead of the paper's one.",
      'Varied wording: five belief phrasings and lead-ins, and a lead-in only where a condition asks for it (the paper used one template pair and put its lead-in before belief prompts).',
    ]);
  });
});

describe('default decoding', () => {
  it("is the paper's for new arms and for the Playground personas", () => {
    expect(DEFAULT_ARM_SETTINGS).toEqual({ temperature: 0.8, maxTokens: 300, seed: 1 });
    expect(DEFAULT_SETTINGS).toEqual({ temperature: 0.8, maxTokens: 300, seed: 1 });
  });
});
