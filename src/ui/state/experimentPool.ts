/**
 * The question pool of a design: the built-in bank and/or imported question sets.
 *
 * Owns: turning `design.items.sources` into items, grading a plan entry against its item, and
 * the composed-prompt cache shared by the builder's preview and the runner. Invariants: an item
 * id appears once in a pool (the first source wins), so pair keys stay unique; a source that no
 * longer exists is an error naming it, never a silently smaller run; the cache is keyed by the
 * item OBJECT (items are replaced, never edited), so an edited item is composed afresh.
 */
import type { ExperimentDesign } from '../../core/experiment/design';
import { promptStyleOf } from '../../core/experiment/design';
import type { PlanEntry } from '../../core/experiment/plan';
import { sampleItems } from '../../core/experiment/plan';
import { composePrompt, conditionKey } from '../../core/framing';
import type { PromptStyle } from '../../core/framing/compose';
import { gradeResponse } from '../../core/grading';
import { BUILT_IN_ITEMS } from '../../core/questions/bank';
import type { ComposedPrompt, Condition, Grade, Item } from '../../core/types';

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

export const BUILTIN_SOURCE = 'builtin';

/** The slice of the question-sets repository the pool needs. */
export interface SetReader {
  list(): Promise<{ id: string; name: string }[]>;
  getItems(setId: string): Promise<Item[]>;
}

/** Every item of the given sources, deduplicated by id. */
export async function loadItemPool(sources: readonly string[], sets: SetReader): Promise<Item[]> {
  const imported = sources.filter((source) => source !== BUILTIN_SOURCE);
  const known = imported.length === 0 ? [] : await sets.list();
  const parts: (readonly Item[])[] = [];
  for (const source of sources) {
    if (source === BUILTIN_SOURCE) {
      parts.push(BUILT_IN_ITEMS);
      continue;
    }
    if (!known.some((set) => set.id === source)) {
      throw new Error(
        `The design uses question set '${source}', which is no longer stored: import it again or untick it.`,
      );
    }
    parts.push(await sets.getItems(source));
  }
  return dedupeItems(parts.flat());
}

/** Keeps the first item of each id. */
export function dedupeItems(items: readonly Item[]): Item[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}

/** A rule grader for the runner, over the run's items. */
export function createRuleGrader(
  items: readonly Item[],
): (entry: PlanEntry, output: string) => Grade[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return (entry, output) => {
    const item = byId.get(entry.itemId);
    if (item === undefined) {
      throw new Error(
        `item '${entry.itemId}' is not in the run's question pool (was its question set deleted?)`,
      );
    }
    return [gradeResponse(item, output)];
  };
}

/** The pool's items that the plan uses, in plan order (what the dashboard needs). */
export function itemsInPlan(plan: readonly PlanEntry[], pool: readonly Item[]): Item[] {
  const byId = new Map(pool.map((item) => [item.id, item]));
  const ids = [...new Set(plan.map((entry) => entry.itemId))];
  return ids.map((id) => byId.get(id)).filter((item): item is Item => item !== undefined);
}
