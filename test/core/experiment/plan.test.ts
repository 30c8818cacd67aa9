import { describe, expect, it } from 'vitest';
import type { Condition, Item } from '../../../src/core/types';
import { attachRunId, buildPlan, sampleItems, toPairKey } from '../../../src/core/experiment/plan';
import { composeForTest, makeArm, makeDesign, makePool } from './fixtures';

describe('sampleItems', () => {
  const pool = makePool(10);

  it('draws the asked number per family, in family order', () => {
    const chosen = sampleItems(pool, { medical: 2, factual: 3 }, 5);
    expect(chosen.map((item) => item.family)).toEqual([
      'factual',
      'factual',
      'factual',
      'medical',
      'medical',
    ]);
    expect(new Set(chosen.map((item) => item.id)).size).toBe(5);
  });

  it('is reproducible for a seed and independent of the input order', () => {
    const once = sampleItems(pool, { factual: 4, conspiracy: 4 }, 42).map((i) => i.id);
    const reversed = sampleItems([...pool].reverse(), { factual: 4, conspiracy: 4 }, 42);
    expect(reversed.map((i) => i.id)).toEqual(once);
    const other = sampleItems(pool, { factual: 4, conspiracy: 4 }, 43).map((i) => i.id);
    expect(other).not.toEqual(once);
  });

  it('gives every item of a family that has fewer than asked, and none for 0', () => {
    const chosen = sampleItems(makePool(3), { misconception: 10, factual: 0 }, 1);
    expect(chosen.map((item) => item.id).sort()).toEqual([
      'misconception-0',
      'misconception-1',
      'misconception-2',
    ]);
  });
});

describe('toPairKey', () => {
  it.each<[string, Condition, number, string]>([
    ['q1', { context: 'none', belief: 'none' }, 0, 'q1|none|none|0|0|0'],
    [
      'q2',
      { context: 'emotion:sad', belief: 'asserts-wrong', isHedged: true, hasLeadIn: true },
      3,
      'q2|emotion:sad|asserts-wrong|1|1|3',
    ],
  ])('keys %s', (itemId, condition, sample, key) => {
    expect(toPairKey(itemId, condition, sample)).toBe(key);
  });
});

describe('buildPlan', () => {
  const pool = makePool(6);

  it('expands items × conditions × samples × arms with indices equal to positions', () => {
    const design = makeDesign({ samples: 2 });
    const plan = buildPlan(design, pool, composeForTest);
    // 3 items (2 factual + 1 medical) × 2 conditions × 2 samples × 2 arms
    expect(plan).toHaveLength(24);
    expect(plan.map((e) => e.index)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(plan.slice(0, 4).map((e) => [e.armId, e.sample])).toEqual([
      ['base', 0],
      ['warm', 0],
      ['base', 1],
      ['warm', 1],
    ]);
  });

  it('is deterministic: same design and items give an identical plan', () => {
    const design = makeDesign();
    expect(buildPlan(design, pool, composeForTest)).toEqual(
      buildPlan(design, [...pool].reverse(), composeForTest),
    );
  });

  it('gives every arm of a pair the same prompt text, composed once per item and condition', () => {
    let calls = 0;
    const counting = (item: Item, condition: Condition) => {
      calls++;
      return composeForTest(item, condition);
    };
    const design = makeDesign({
      samples: 3,
      arms: [makeArm('base', 'm1'), makeArm('warm', 'm1', 'warm'), makeArm('ft', 'm2', 'warm')],
    });
    const plan = buildPlan(design, pool, counting);
    expect(calls).toBe(3 * 2);
    const byPair = new Map<string, Set<string>>();
    for (const entry of plan) {
      const texts = byPair.get(entry.pairKey) ?? new Set<string>();
      texts.add(entry.prompt.text);
      byPair.set(entry.pairKey, texts);
    }
    expect(byPair.size).toBe(3 * 2 * 3);
    expect([...byPair.values()].every((texts) => texts.size === 1)).toBe(true);
    const itemId = plan[0]?.itemId ?? '';
    const sadPair = plan.filter((e) => e.pairKey === `${itemId}|emotion:sad|asserts-wrong|0|0|1`);
    const text = `[emotion:sad] Question ${itemId}? I think it is wrong-${itemId}.`;
    expect(sadPair.map((e) => [e.armId, e.modelId, e.prompt.text])).toEqual([
      ['base', 'm1', text],
      ['warm', 'm1', text],
      ['ft', 'm2', text],
    ]);
  });

  it('stamps a run id on a copy', () => {
    const plan = buildPlan(makeDesign(), pool, composeForTest);
    const stamped = attachRunId(plan, 'run-9');
    expect(stamped.every((e) => e.runId === 'run-9')).toBe(true);
    expect(plan[0]?.runId).toBeUndefined();
  });
});
