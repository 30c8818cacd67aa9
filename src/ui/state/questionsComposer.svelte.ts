/**
 * The composer preview: one item under one condition, or the full grid of the paper's prompts.
 *
 * Owns: the chosen context, belief, hedge, lead-in and options switches. The item comes from
 * the browser's selection and the custom framings from the framings state, so a framing saved
 * a moment ago is usable at once. Invariants: prompts are derived with the core composer (the
 * exact text a run would send); a composing problem (no wrong answer, a framing deleted
 * meanwhile) becomes a message on that prompt, never an exception in the view.
 */
import {
  BELIEFS,
  CONTEXTS,
  composePrompt,
  describeCondition,
  enumerateConditions,
} from '../../core/framing';
import type { CustomFraming } from '../../core/framing';
import type { ComposedPrompt, Condition, Item } from '../../core/types';

export interface FramingOption {
  id: string;
  label: string;
  isCustom: boolean;
}

export type ComposeOutcome =
  { isOk: true; prompt: ComposedPrompt } | { isOk: false; problem: string };

export interface GridRow {
  label: string;
  outcome: ComposeOutcome;
}

function tryCompose(
  item: Item,
  condition: Condition,
  custom: readonly CustomFraming[],
  isShowingOptions: boolean,
): ComposeOutcome {
  try {
    return { isOk: true, prompt: composePrompt(item, condition, { custom, isShowingOptions }) };
  } catch (error) {
    return { isOk: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

export class QuestionComposerState {
  readonly #item: () => Item | null;
  readonly #custom: () => CustomFraming[];
  #context = $state('emotion:sad');
  #belief = $state('asserts-wrong');
  #isHedged = $state(false);
  #hasLeadIn = $state(false);
  #isShowingOptions = $state(false);
  #isShowingGrid = $state(false);

  constructor(item: () => Item | null, custom: () => CustomFraming[]) {
    this.#item = item;
    this.#custom = custom;
  }

  contexts: FramingOption[] = $derived([
    ...CONTEXTS.map((c) => ({ id: c.id as string, label: c.label, isCustom: false })),
    ...this.#optionsOf('context'),
  ]);

  beliefs: FramingOption[] = $derived([
    ...BELIEFS.map((b) => ({ id: b.id as string, label: b.label, isCustom: false })),
    ...this.#optionsOf('belief'),
  ]);

  /** The chosen ids, or 'none' when a chosen custom framing no longer exists. */
  context: string = $derived(
    this.contexts.some((c) => c.id === this.#context) ? this.#context : 'none',
  );
  belief: string = $derived(
    this.beliefs.some((b) => b.id === this.#belief) ? this.#belief : 'none',
  );

  condition: Condition = $derived({
    context: this.context as Condition['context'],
    belief: this.belief as Condition['belief'],
    isHedged: this.#isHedged,
    hasLeadIn: this.#hasLeadIn,
  });

  outcome: ComposeOutcome | null = $derived.by(() => {
    const item = this.#item();
    return item ? tryCompose(item, this.condition, this.#custom(), this.#isShowingOptions) : null;
  });

  /** The paper's 28 prompts for the item (only while the grid is shown). */
  grid: GridRow[] = $derived.by(() => {
    const item = this.#item();
    if (!item || !this.#isShowingGrid) return [];
    const custom = this.#custom();
    return enumerateConditions().map((condition) => ({
      label: describeCondition(condition, custom),
      outcome: tryCompose(item, condition, custom, this.#isShowingOptions),
    }));
  });

  get item(): Item | null {
    return this.#item();
  }
  get isHedged(): boolean {
    return this.#isHedged;
  }
  get hasLeadIn(): boolean {
    return this.#hasLeadIn;
  }
  get isShowingOptions(): boolean {
    return this.#isShowingOptions;
  }
  get isShowingGrid(): boolean {
    return this.#isShowingGrid;
  }

  setContext(id: string): void {
    this.#context = id;
  }
  setBelief(id: string): void {
    this.#belief = id;
  }
  setHedged(isHedged: boolean): void {
    this.#isHedged = isHedged;
  }
  setLeadIn(hasLeadIn: boolean): void {
    this.#hasLeadIn = hasLeadIn;
  }
  setShowingOptions(isShowing: boolean): void {
    this.#isShowingOptions = isShowing;
  }
  toggleGrid(): void {
    this.#isShowingGrid = !this.#isShowingGrid;
  }

  #optionsOf(kind: CustomFraming['kind']): FramingOption[] {
    return this.#custom()
      .filter((f) => f.kind === kind)
      .map((f) => ({ id: f.id, label: `${f.label} (custom)`, isCustom: true }));
  }
}
