import { describe, expect, it } from 'vitest';
import { validateDesign, type ExperimentDesign } from '../../../src/core/experiment/design';
import { encodeDesignToFragment } from '../../../src/core/experiment/fragment';
import { buildPlan } from '../../../src/core/experiment/plan';
import { PRESETS } from '../../../src/core/experiment/presets';
import { composePrompt as composeWithOptions } from '../../../src/core/framing';
import type { PromptStyle } from '../../../src/core/framing/compose';
import type { Condition, Item } from '../../../src/core/types';

const composePrompt = (item: Item, condition: Condition, style: PromptStyle) =>
  composeWithOptions(item, condition, { style });
import { BUILT_IN_ITEMS } from '../../../src/core/questions/bank';
import {
  addArm,
  areBeliefsHedged,
  countPairs,
  createArm,
  describePower,
  designFileName,
  editArm,
  hasLeadInPrompt,
  isCellSelected,
  parseDesignFile,
  presetPersonas,
  readDesignFromHash,
  removeArm,
  setBeliefsHedged,
  setDecoding,
  setLeadInPrompt,
  toggleCell,
} from '../../../src/core/experiment/designEdits';

function preset(index: number): ExperimentDesign {
  const found = PRESETS[index];
  if (!found) throw new Error(`no preset ${index}`);
  return found.create(presetPersonas(), { id: 'd1', createdAt: '2025-01-01T00:00:00.000Z' });
}

describe('arms', () => {
  it.each([
    ['base', [], 'base', 'base', false, false],
    ['warm', ['warm'], 'warm-2', 'warm', true, false],
    ['cold', [], 'cold', 'cold', true, false],
    ['icl-warm', [], 'icl-warm', 'warm', false, true],
    ['neutral', ['neutral', 'neutral-2'], 'neutral-3', 'neutral', true, false],
  ] as const)(
    '%s with taken %j gets id %s and role %s',
    (kind, taken, id, role, hasSystem, hasFewShot) => {
      const arm = createArm(kind, taken);
      expect(arm.id).toBe(id);
      expect(arm.role).toBe(role);
      expect(arm.systemPrompt !== undefined).toBe(hasSystem);
      expect((arm.fewShot?.length ?? 0) > 0).toBe(hasFewShot);
      expect(arm.modelId).toBe('default');
    },
  );

  it('adds arms with the first arm settings, edits and removes them without touching the input', () => {
    const design = setDecoding(preset(2), { temperature: 0.7, maxTokens: 64 });
    const withCold = addArm(design, 'cold');
    expect(withCold.arms.map((a) => a.id)).toEqual(['base', 'warm', 'cold']);
    expect(withCold.arms[2]?.settings).toEqual({ temperature: 0.7, maxTokens: 64, seed: 1 });
    const edited = editArm(withCold, 'cold', { label: 'Icy', systemPrompt: '   ' });
    expect(edited.arms[2]?.label).toBe('Icy');
    expect(edited.arms[2]?.systemPrompt).toBeUndefined();
    expect(withCold.arms[2]?.label).toBe('Cold persona');
    expect(removeArm(edited, 'warm').arms.map((a) => a.id)).toEqual(['base', 'cold']);
    expect(validateDesign(edited)).toEqual([]);
  });

  it('puts one arm on other weights (a warm fine-tune) and plans it as its own phase', () => {
    const design = editArm(preset(2), 'warm', { modelId: 'local-my-warm-qwen' });
    expect(design.arms.map((a) => a.modelId)).toEqual(['default', 'local-my-warm-qwen']);
    const plan = buildPlan(design, BUILT_IN_ITEMS, composePrompt);
    const warm = plan.filter((entry) => entry.armId === 'warm');
    expect(warm.length).toBeGreaterThan(0);
    expect(warm.every((entry) => entry.modelId === 'local-my-warm-qwen')).toBe(true);
  });
});

describe('condition grid', () => {
  it('toggles cells, follows hedging for new belief cells and keeps the lead-in prompt apart', () => {
    let design = preset(0); // paper-small: the 28 prompts, including the lead-in prompt
    expect(hasLeadInPrompt(design)).toBe(true);
    expect(isCellSelected(design, 'none', 'none')).toBe(true);
    design = setLeadInPrompt(design, false);
    expect(design.conditions).toHaveLength(27);
    expect(isCellSelected(design, 'none', 'none')).toBe(true);
    design = toggleCell(design, 'stakes:low', 'denies-right');
    expect(isCellSelected(design, 'stakes:low', 'denies-right')).toBe(false);
    design = setBeliefsHedged(design, true);
    expect(areBeliefsHedged(design)).toBe(true);
    design = toggleCell(design, 'stakes:low', 'denies-right');
    expect(design.conditions.at(-1)).toEqual({
      context: 'stakes:low',
      belief: 'denies-right',
      isHedged: true,
    });
    design = toggleCell(design, 'emotion:sad', 'none');
    expect(isCellSelected(design, 'emotion:sad', 'none')).toBe(false);
    design = setBeliefsHedged(design, false);
    expect(design.conditions.some((c) => c.isHedged === true)).toBe(false);
    expect(validateDesign(design)).toEqual([]);
  });
});

describe('design links and files', () => {
  const design = preset(1);
  const fragment = encodeDesignToFragment(design);

  it.each([
    [`#${fragment}`, true],
    [`#/experiments?${fragment}`, true],
    ['#/experiments', false],
    ['', false],
  ])('reads %s', (hash, hasDesign) => {
    const read = readDesignFromHash(hash);
    expect(read === null ? null : read.name).toBe(hasDesign ? design.name : null);
  });

  it('rejects a damaged link with the reason', () => {
    expect(() => readDesignFromHash('#/experiments?design=v9.abc')).toThrow(/version 'v9'/);
  });

  it.each([
    ['{', /broken\.json: not valid JSON/],
    ['[1]', /broken\.json: expected one design object/],
    ['{"id":"x"}', /broken\.json: not a valid design: name: give the design a name/],
  ])('rejects file content %s', (text, message) => {
    expect(() => parseDesignFile(text, 'broken.json')).toThrow(message);
  });

  it('round-trips a file and names it after the design', () => {
    expect(parseDesignFile(JSON.stringify(design), 'a.json')).toEqual(design);
    expect(designFileName(design)).toBe('does-sadness-make-it-agree-with-me.design.json');
  });
});

describe('power', () => {
  it('counts base pairs and gives a finite MDD that shrinks with more pairs', () => {
    const design = preset(2); // 2 per family × 2 conditions × (base, warm)
    const plan = buildPlan(design, BUILT_IN_ITEMS, composePrompt);
    expect(countPairs(plan, design)).toBe(16);
    const small = describePower(plan, design);
    expect(small.pairs).toBe(16);
    const big = { ...design, items: { ...design.items, perFamily: { factual: 50 } } };
    const bigPower = describePower(buildPlan(big, BUILT_IN_ITEMS, composePrompt), big);
    expect(bigPower.pairs).toBe(100);
    expect(bigPower.mddPp).not.toBeNull();
    expect(bigPower.mddPp ?? 100).toBeLessThan(small.mddPp ?? 100);
    expect(bigPower.message).toContain('With 100 pairs');
  });

  it('needs a base and another arm', () => {
    const design = removeArm(preset(2), 'warm');
    const power = describePower(buildPlan(design, BUILT_IN_ITEMS, composePrompt), design);
    expect(power).toEqual({
      pairs: 0,
      mddPp: null,
      message: 'Add a base arm and at least one other arm to compare them.',
    });
  });
});
