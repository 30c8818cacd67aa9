/**
 * Builder state: the design being edited and everything derived from it before a run.
 *
 * Owns: the current design (replaced whole on every edit, so it stays plain data), the question
 * pool of its sources, and the derived validation problems, plan, estimate and power figure.
 * Invariants: the plan shown is exactly what Start would run (same `buildPlan`, same pool);
 * the plan is derived only once its prompts are composed (`composeAhead`, in short tasks), so
 * an edit never composes thousands of prompts in one task; until then the plan is empty and
 * `isComposing` is true;
 * numeric inputs that are not numbers are ignored rather than stored as NaN.
 */
import type { ExperimentDesign, GradingMode } from '../../core/experiment/design';
import { validateDesign } from '../../core/experiment/design';
import type { RunEstimate } from '../../core/experiment/estimate';
import { estimateRun } from '../../core/experiment/estimate';
import type { PlanEntry } from '../../core/experiment/plan';
import { buildPlan } from '../../core/experiment/plan';
import type { SettingsComparison } from '../../core/experiment/paperSettings';
import { describeDeviations } from '../../core/experiment/paperSettings';
import type { DesignPreset } from '../../core/experiment/presets';
import { PRESETS } from '../../core/experiment/presets';
import { enumerateConditions } from '../../core/framing';
import { newId, nowIso } from '../../core/ids';
import type { QuestionSetSummary } from '../../core/records';
import { BUILT_IN_ITEMS } from '../../core/questions/bank';
import type { PromptStyle } from '../../core/framing/compose';
import type { BeliefId, ContextId, Family, Item } from '../../core/types';
import { clampPerFamily } from '../../core/experiment/sources';
import { countByFamily } from '../../core/questions';
import type { ArmKind, PowerSummary } from '../../core/experiment/designEdits';
import * as edits from '../../core/experiment/designEdits';
import {
  composeAhead,
  composeCached,
  loadItemPool,
  type SetReader,
} from '../../core/experiment/pool';

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A fresh copy of a preset, with a new id. */
export function createFromPreset(preset: DesignPreset): ExperimentDesign {
  return preset.create(edits.presetPersonas(), { id: newId('design'), createdAt: nowIso() });
}

export class BuilderState {
  #design = $state.raw<ExperimentDesign>(createFromPreset(PRESETS[2] ?? PRESETS[0]!));
  #pool = $state.raw<readonly Item[]>(BUILT_IN_ITEMS);
  #poolError = $state<string | null>(null);
  #sets = $state.raw<QuestionSetSummary[]>([]);
  #poolToken = 0;
  /** The design and pool whose prompts are all in the cache (see `composeAhead`). */
  #composedFor = $state.raw<{ design: ExperimentDesign; pool: readonly Item[] } | null>(null);
  #composeToken = 0;
  /** Family → the count the user typed when it was more than the pool has (shown beside it). */
  #clampedFrom = $state.raw<Partial<Record<Family, number>>>({});
  readonly #reader: () => Promise<SetReader | undefined>;
  readonly #measuredSpeed: () => number | null;
  readonly #onChange: (design: ExperimentDesign) => void;

  problems: string[] = $derived(validateDesign(this.#design));
  #planned: { plan: PlanEntry[]; error: string | null } = $derived.by(() => {
    if (this.problems.length > 0 || this.isComposing) return { plan: [], error: null };
    try {
      return { plan: buildPlan(this.#design, this.#pool, composeCached), error: null };
    } catch (error) {
      return { plan: [], error: `The plan could not be built: ${describeError(error)}` };
    }
  });
  estimate: RunEstimate = $derived.by(() =>
    estimateRun(this.#planned.plan, this.#design.arms, {
      isFastMode: this.#design.isFastMode,
      tokensPerSecond: this.#measuredSpeed() ?? undefined,
    }),
  );
  power: PowerSummary = $derived(edits.describePower(this.#planned.plan, this.#design));
  /** "Paper settings", or each way the design departs from them. */
  paperComparison: SettingsComparison = $derived(describeDeviations(this.#design));
  availableByFamily: Record<Family, number> = $derived(countByFamily(this.#pool));

  /**
   * `reader` gives the question-sets repository; `measuredSpeed` a decode speed if known;
   * `onChange` hears every new design (to remember it across reloads).
   */
  constructor(
    reader: () => Promise<SetReader | undefined>,
    measuredSpeed: () => number | null,
    onChange: (design: ExperimentDesign) => void = () => {},
  ) {
    this.#reader = reader;
    this.#measuredSpeed = measuredSpeed;
    this.#onChange = onChange;
    void this.#composeAhead();
  }

  /** Family → the larger count the user asked for before it was clamped to what is available. */
  get clampedFrom(): Partial<Record<Family, number>> {
    return this.#clampedFrom;
  }

  /** True while the prompts of the current design are being composed for the preview. */
  get isComposing(): boolean {
    const composed = this.#composedFor;
    return composed?.design !== this.#design || composed.pool !== this.#pool;
  }

  async #composeAhead(): Promise<void> {
    const token = ++this.#composeToken;
    const design = this.#design;
    const pool = this.#pool;
    const isCurrent = () => token === this.#composeToken;
    if (await composeAhead(design, pool, isCurrent)) this.#composedFor = { design, pool };
  }

  get design(): ExperimentDesign {
    return this.#design;
  }
  get plan(): PlanEntry[] {
    return this.#planned.plan;
  }
  get planError(): string | null {
    return this.#planned.error ?? this.#poolError;
  }
  get pool(): readonly Item[] {
    return this.#pool;
  }
  get sets(): QuestionSetSummary[] {
    return this.#sets;
  }

  /** Replaces the design (preset, saved design, file or link) and loads its question pool. */
  load(design: ExperimentDesign): void {
    this.#design = structuredClone(design);
    this.#clampedFrom = {};
    this.#onChange(this.#design);
    void this.#composeAhead();
    void this.reloadPool();
  }

  applyPreset(preset: DesignPreset): void {
    this.load(createFromPreset(preset));
  }

  setSets(sets: QuestionSetSummary[]): void {
    this.#sets = sets;
  }

  /** Re-reads the items of the design's sources (ignores answers to superseded requests). */
  async reloadPool(): Promise<void> {
    const token = ++this.#poolToken;
    const sources = this.#design.items.sources;
    try {
      const reader = await this.#reader();
      if (reader === undefined && sources.some((s) => s !== 'builtin')) return;
      const pool = await loadItemPool(
        sources,
        reader ?? { list: async () => [], getItems: async () => [] },
      );
      if (token !== this.#poolToken) return;
      this.#pool = pool;
      this.#poolError = null;
      void this.#composeAhead();
    } catch (error) {
      if (token === this.#poolToken) this.#poolError = describeError(error);
    }
  }

  #edit(next: ExperimentDesign): void {
    this.#design = next;
    this.#onChange(next);
    void this.#composeAhead();
  }

  setName(name: string): void {
    this.#edit({ ...this.#design, name });
  }
  toggleSource(source: string, isOn: boolean): void {
    const others = this.#design.items.sources.filter((s) => s !== source);
    const sources = isOn ? [...others, source] : others;
    this.#edit({ ...this.#design, items: { ...this.#design.items, sources } });
    void this.reloadPool();
  }
  /** Sets a family's count, clamped to what the sources hold (the clamp is shown, see `clampedFrom`). */
  setPerFamily(family: Family, count: number): void {
    if (!Number.isFinite(count)) return;
    const { value, clampedFrom } = clampPerFamily(count, this.availableByFamily[family]);
    const { [family]: _old, ...others } = this.#clampedFrom;
    this.#clampedFrom = clampedFrom === null ? others : { ...others, [family]: clampedFrom };
    const perFamily = { ...this.#design.items.perFamily, [family]: value };
    this.#edit({ ...this.#design, items: { ...this.#design.items, perFamily } });
  }
  setPromptStyle(promptStyle: PromptStyle): void {
    this.#edit({ ...this.#design, promptStyle });
  }
  setItemSeed(seed: number): void {
    if (!Number.isFinite(seed)) return;
    this.#edit({ ...this.#design, items: { ...this.#design.items, seed: Math.round(seed) } });
  }
  toggleCell(context: ContextId, belief: BeliefId): void {
    this.#edit(edits.toggleCell(this.#design, context, belief));
  }
  setBeliefsHedged(isHedged: boolean): void {
    this.#edit(edits.setBeliefsHedged(this.#design, isHedged));
  }
  setLeadInPrompt(isIncluded: boolean): void {
    this.#edit(edits.setLeadInPrompt(this.#design, isIncluded));
  }
  /** Every condition of the paper's grid (28 prompts per item). */
  selectPaperGrid(): void {
    this.#edit({ ...this.#design, conditions: enumerateConditions() });
  }
  clearConditions(): void {
    this.#edit({ ...this.#design, conditions: [] });
  }
  addArm(kind: ArmKind): void {
    this.#edit(edits.addArm(this.#design, kind));
  }
  removeArm(armId: string): void {
    this.#edit(edits.removeArm(this.#design, armId));
  }
  editArm(armId: string, patch: { label?: string; systemPrompt?: string; modelId?: string }): void {
    this.#edit(edits.editArm(this.#design, armId, patch));
  }
  setDecoding(patch: { temperature?: number; maxTokens?: number; seed?: number }): void {
    const finite = Object.fromEntries(
      Object.entries(patch).filter(([, value]) => Number.isFinite(value)),
    );
    this.#edit(edits.setDecoding(this.#design, finite));
  }
  setSamples(samples: number): void {
    if (Number.isFinite(samples)) this.#edit({ ...this.#design, samples: Math.round(samples) });
  }
  setGrading(grading: GradingMode): void {
    this.#edit({ ...this.#design, grading });
  }
  setFastMode(isFastMode: boolean): void {
    this.#edit({ ...this.#design, isFastMode });
  }
}
