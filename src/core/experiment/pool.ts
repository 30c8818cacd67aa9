/**
 * The question pool of a design: the built-in bank and/or imported question sets.
 *
 * Owns: the runner's view of `design.items.sources` (through `resolveSources`), grading a plan entry against its item, and
 * the composed-prompt cache shared by the builder's preview and the runner. Invariants: an item
 * id appears once in a pool (the first source wins), so pair keys stay unique; a source that no
 * longer exists is an error naming it, never a silently smaller run; the cache is keyed by the
 * item OBJECT (items are replaced, never edited), so an edited item is composed afresh.
 */
import type { ExperimentDesign } from './design';
import { promptStyleOf } from './design';
import type { PlanEntry } from './plan';
import { sampleItems } from './plan';
import { composePrompt, conditionKey } from '../framing';
import type { PromptStyle } from '../framing/compose';
import { gradeResponse } from '../grading';
import type { ComposedPrompt, Condition, Grade, GradingConvention, Item } from '../types';
import type { SetReader } from './sources';
import { resolveSources } from './sources';

const composed = new WeakMap<Item, Map<string, ComposedPrompt>>();

/**
 * `composePrompt` remembered per item and condition: the builder's preview already composed
 * every prompt of the design, so Start builds its plan without composing again (~50 ms saved
 * on a 4,000-entry plan). buildPlan copies what it takes, so sharing the result is safe.
 */
export function composeCached(
  item: Item,
  condition: Condition,
  style: PromptStyle = 'varied',
): ComposedPrompt {
  let byCondition = composed.get(item);
  if (byCondition === undefined) composed.set(item, (byCondition = new Map()));
  const key = `${style}|${conditionKey(condition)}`;
  let prompt = byCondition.get(key);
  if (prompt === undefined) {
    byCondition.set(key, (prompt = composePrompt(item, condition, { style })));
  }
  return prompt;
}

/** Composing stops for a pause once a task has composed for this long. */
export const COMPOSE_BUDGET_MS = 8;
const pauseWithTimer = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Fills the prompt cache for every item and condition the design's plan will use, in tasks of
 * at most ~COMPOSE_BUDGET_MS (composing a 4,000-entry plan at once is a ~100 ms task). Stops
 * early, returning false, when `isCurrent` turns false after a pause (the design changed).
 * Errors are left for `buildPlan`, which meets them again and reports them.
 */
export async function composeAhead(
  design: ExperimentDesign,
  pool: readonly Item[],
  isCurrent: () => boolean,
  { pause = pauseWithTimer, budgetMs = COMPOSE_BUDGET_MS } = {},
): Promise<boolean> {
  let items: Item[];
  try {
    items = sampleItems(pool, design.items.perFamily, design.items.seed);
  } catch {
    return isCurrent();
  }
  let startedAt = performance.now();
  const style = promptStyleOf(design);
  for (const item of items) {
    for (const condition of design.conditions) {
      if (performance.now() - startedAt >= budgetMs) {
        await pause();
        if (!isCurrent()) return false;
        startedAt = performance.now();
      }
      try {
        composeCached(item, condition, style);
      } catch {
        return isCurrent();
      }
    }
  }
  return isCurrent();
}

export { BUILTIN_SOURCE, dedupeItems } from './sources';
export type { SetReader } from './sources';

/**
 * Every item of the given sources, deduplicated by id; throws naming a set that is no longer
 * stored, because a run must never be silently smaller than its design.
 */
export async function loadItemPool(sources: readonly string[], sets: SetReader): Promise<Item[]> {
  const { items, missing } = await resolveSources(sources, sets);
  const first = missing[0];
  if (first !== undefined) {
    throw new Error(
      `The design uses question set '${first}', which is no longer stored: import it again or untick it.`,
    );
  }
  return items;
}

/** A rule grader for the runner, over the run's items, under `convention` (default `correct`). */
export function createRuleGrader(
  items: readonly Item[],
  convention: GradingConvention = 'correct',
): (entry: PlanEntry, output: string) => Grade[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return (entry, output) => {
    const item = byId.get(entry.itemId);
    if (item === undefined) {
      throw new Error(
        `item '${entry.itemId}' is not in the run's question pool (was its question set deleted?)`,
      );
    }
    return [gradeResponse(item, output, { convention })];
  };
}

/** The pool's items that the plan uses, in plan order (what the dashboard needs). */
export function itemsInPlan(plan: readonly PlanEntry[], pool: readonly Item[]): Item[] {
  const byId = new Map(pool.map((item) => [item.id, item]));
  const ids = [...new Set(plan.map((entry) => entry.itemId))];
  return ids.map((id) => byId.get(id)).filter((item): item is Item => item !== undefined);
}
