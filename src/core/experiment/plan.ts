/**
 * Experiment plans: the full, ordered list of generations a design asks for.
 *
 * Owns: seeded item sampling and the expansion item × condition × sample × arm. Invariants:
 * the same design and items always give the identical plan; `index` is an entry's identity for
 * the whole life of a run (storage keys, resume) and equals its position in `buildPlan`'s output;
 * every arm of one pairKey gets an identical composed prompt, so base and warm answers are
 * compared on the same input.
 */
import type { PromptStyle } from '../framing/compose';
import type { ComposedPrompt, Condition, Family, Item } from '../types';
import { FAMILIES } from '../types';
import { shuffleSeeded } from '../random';
import type { ExperimentDesign } from './design';
import { promptStyleOf } from './design';

export interface PlanEntry {
  runId?: string;
  /** Position in the plan as built; never changes once a run is created. */
  index: number;
  itemId: string;
  family: Family;
  condition: Condition;
  armId: string;
  modelId: string;
  /** 0-based sample number within (item, condition, arm). */
  sample: number;
  prompt: ComposedPrompt;
  /** item|context|belief|hedged|leadIn|sample: equal across arms, so answers pair up. */
  pairKey: string;
}

/** Composes the prompt of one item under one condition in the design's style (core/framing). */
export type ComposePrompt = (
  item: Item,
  condition: Condition,
  style: PromptStyle,
) => ComposedPrompt;

function compareIds(a: Item, b: Item): number {
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * Draws up to `perFamily[f]` items of each family, reproducibly.
 * Items are put in id order first so that the caller's ordering does not change the draw;
 * families come out in `FAMILIES` order. A family with fewer items than asked gives all it has.
 */
export function sampleItems(
  items: readonly Item[],
  perFamily: Partial<Record<Family, number>>,
  seed: number | string,
): Item[] {
  const sorted = [...items].sort(compareIds);
  return FAMILIES.flatMap((family) => {
    const wanted = Math.max(0, Math.floor(perFamily[family] ?? 0));
    if (wanted === 0) return [];
    const ofFamily = sorted.filter((item) => item.family === family);
    return shuffleSeeded(ofFamily, `${seed}|${family}`).slice(0, wanted);
  });
}

/** The key shared by every arm's answer to the same prompt and sample. */
export function toPairKey(itemId: string, condition: Condition, sample: number): string {
  const hedged = condition.isHedged === true ? 1 : 0;
  const leadIn = condition.hasLeadIn === true ? 1 : 0;
  return `${itemId}|${condition.context}|${condition.belief}|${hedged}|${leadIn}|${sample}`;
}

/**
 * Expands a design into its plan: for each sampled item, each condition, each sample, each arm.
 * Arms are innermost so that arms sharing a model interleave prompt by prompt.
 * @param items the pool from the design's sources; sampling by `design.items` happens here.
 * @param compose called once per (item, condition); its prompt is shared by all arms/samples.
 */
export function buildPlan(
  design: ExperimentDesign,
  items: readonly Item[],
  compose: ComposePrompt,
): PlanEntry[] {
  const chosen = sampleItems(items, design.items.perFamily, design.items.seed);
  const plan: PlanEntry[] = [];
  const style = promptStyleOf(design);
  for (const item of chosen) {
    for (const condition of design.conditions) {
      const prompt = compose(item, condition, style);
      for (let sample = 0; sample < design.samples; sample++) {
        const pairKey = toPairKey(item.id, condition, sample);
        for (const arm of design.arms) {
          plan.push({
            index: plan.length,
            itemId: item.id,
            family: item.family,
            condition: { ...condition },
            armId: arm.id,
            modelId: arm.modelId,
            sample,
            prompt: { text: prompt.text, variantIds: { ...prompt.variantIds } },
            pairKey,
          });
        }
      }
    }
  }
  return plan;
}

/** Stamps a run id on every entry (a copy), as stored by the runs repository. */
export function attachRunId(plan: readonly PlanEntry[], runId: string): PlanEntry[] {
  return plan.map((entry) => ({ ...entry, runId }));
}
