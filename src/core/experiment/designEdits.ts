/**
 * Pure helpers behind the experiment builder: arms from personas, the condition grid, decoding
 * settings shared by every arm, design files and share links, and the power figure.
 *
 * Owns: every design edit the builder offers, as functions from one design to a new one.
 * Invariants: inputs are never mutated (designs are replaced whole, so they stay plain data that
 * IndexedDB and links accept); arm ids stay unique; a loaded file or link either yields a design
 * that `validateDesign` accepts or throws a `DesignError` naming the file and the problem.
 */
import type { ExperimentDesign } from './design';
import { DesignError, validateDesign } from './design';
import { decodeDesignFromFragment, FRAGMENT_PREFIX } from './fragment';
import { PAPER_SETTINGS } from './paperSettings';
import type { PlanEntry } from './plan';
import { DEFAULT_MODEL_ID } from './presets';
import { slugify } from '../framing';
import { getPersona, WARM_FEW_SHOT } from '../personas';
import type { PresetPersonas } from './presets';
import { minimumDetectableDifference } from '../stats/power';
import type { Arm, BeliefId, Condition, ContextId, GenerationSettings } from '../types';

export type ArmKind = 'base' | 'warm' | 'cold' | 'icl-warm' | 'neutral';

export const ARM_KINDS: readonly { kind: ArmKind; label: string }[] = [
  { kind: 'base', label: 'Base (no persona)' },
  { kind: 'warm', label: 'Warm persona' },
  { kind: 'cold', label: 'Cold persona' },
  { kind: 'icl-warm', label: 'In-context warm (examples)' },
  { kind: 'neutral', label: 'Neutral assistant' },
];

/** Decoding used when a design has no arm to copy settings from: the paper's, with a run seed. */
export const DEFAULT_ARM_SETTINGS: GenerationSettings = {
  temperature: PAPER_SETTINGS.temperature,
  maxTokens: PAPER_SETTINGS.maxTokens,
  seed: 1,
};

/**
 * Error rate assumed for the base arm in the power figure. Small instruct models err on roughly
 * a fifth to a third of the bank's questions; 20 % keeps the detectable difference on the
 * optimistic-but-plausible side and is shown next to the figure.
 */
export const ASSUMED_BASE_ERROR_RATE = 0.2;

/** The persona texts presets need, from the app's personas. */
export function presetPersonas(): PresetPersonas {
  return { warmSystemPrompt: getPersona('warm').systemPrompt };
}

function uniqueId(wanted: string, taken: readonly string[]): string {
  if (!taken.includes(wanted)) return wanted;
  let n = 2;
  while (taken.includes(`${wanted}-${n}`)) n++;
  return `${wanted}-${n}`;
}

/** A new arm of `kind`, on the placeholder model, with an id not in `takenIds`. */
export function createArm(
  kind: ArmKind,
  takenIds: readonly string[],
  settings: GenerationSettings = DEFAULT_ARM_SETTINGS,
): Arm {
  const id = uniqueId(kind, takenIds);
  const common = { id, modelId: DEFAULT_MODEL_ID, settings: { ...settings } };
  switch (kind) {
    case 'base':
      return { ...common, label: 'Base', role: 'base' };
    case 'warm':
      return {
        ...common,
        label: 'Warm persona',
        role: 'warm',
        systemPrompt: getPersona('warm').systemPrompt,
      };
    case 'cold':
      return {
        ...common,
        label: 'Cold persona',
        role: 'cold',
        systemPrompt: getPersona('cold').systemPrompt,
      };
    case 'icl-warm':
      return {
        ...common,
        label: 'In-context warm',
        role: 'warm',
        fewShot: WARM_FEW_SHOT.map((m) => ({ ...m })),
      };
    case 'neutral':
      return {
        ...common,
        label: 'Neutral assistant',
        role: 'neutral',
        systemPrompt: getPersona('neutral').systemPrompt,
      };
  }
}

/** Adds an arm of `kind`, copying the decoding settings of the first arm. */
export function addArm(design: ExperimentDesign, kind: ArmKind): ExperimentDesign {
  const settings = design.arms[0]?.settings ?? DEFAULT_ARM_SETTINGS;
  const arm = createArm(
    kind,
    design.arms.map((a) => a.id),
    settings,
  );
  return { ...design, arms: [...design.arms, arm] };
}

export function removeArm(design: ExperimentDesign, armId: string): ExperimentDesign {
  return { ...design, arms: design.arms.filter((arm) => arm.id !== armId) };
}

/** Edits one arm's label or system prompt; an empty system prompt means "none". */
export function editArm(
  design: ExperimentDesign,
  armId: string,
  patch: { label?: string; systemPrompt?: string; modelId?: string },
): ExperimentDesign {
  const arms = design.arms.map((arm) => {
    if (arm.id !== armId) return arm;
    const next: Arm = { ...arm };
    if (patch.label !== undefined) next.label = patch.label;
    if (patch.modelId !== undefined) next.modelId = patch.modelId;
    if (patch.systemPrompt !== undefined) {
      if (patch.systemPrompt.trim() === '') delete next.systemPrompt;
      else next.systemPrompt = patch.systemPrompt;
    }
    return next;
  });
  return { ...design, arms };
}

/** Applies decoding settings to every arm (the builder edits them for the whole design). */
export function setDecoding(
  design: ExperimentDesign,
  patch: Partial<Pick<GenerationSettings, 'temperature' | 'maxTokens' | 'seed'>>,
): ExperimentDesign {
  const arms = design.arms.map((arm) => ({ ...arm, settings: { ...arm.settings, ...patch } }));
  return { ...design, arms };
}

/** The decoding settings shown in the builder: the first arm's (all arms share them). */
export function designDecoding(design: ExperimentDesign): GenerationSettings {
  return design.arms[0]?.settings ?? DEFAULT_ARM_SETTINGS;
}

const isGridCondition = (c: Condition): boolean => c.hasLeadIn !== true;

/** True when the grid cell (context × belief) is part of the design. */
export function isCellSelected(
  design: ExperimentDesign,
  context: ContextId,
  belief: BeliefId,
): boolean {
  return design.conditions.some(
    (c) => isGridCondition(c) && c.context === context && c.belief === belief,
  );
}

/** True when every belief condition in the design is hedged (and there is at least one). */
export function areBeliefsHedged(design: ExperimentDesign): boolean {
  const withBelief = design.conditions.filter((c) => c.belief !== 'none');
  return withBelief.length > 0 && withBelief.every((c) => c.isHedged === true);
}

/** True when the design has the neutral lead-in prompt (the paper's `original_neutral`). */
export function hasLeadInPrompt(design: ExperimentDesign): boolean {
  return design.conditions.some(
    (c) => c.hasLeadIn === true && c.context === 'none' && c.belief === 'none',
  );
}

/** Adds or removes one grid cell; a new belief cell follows the current hedging. */
export function toggleCell(
  design: ExperimentDesign,
  context: ContextId,
  belief: BeliefId,
): ExperimentDesign {
  if (isCellSelected(design, context, belief)) {
    const conditions = design.conditions.filter(
      (c) => !(isGridCondition(c) && c.context === context && c.belief === belief),
    );
    return { ...design, conditions };
  }
  const condition: Condition = { context, belief };
  if (belief !== 'none' && areBeliefsHedged(design)) condition.isHedged = true;
  return { ...design, conditions: [...design.conditions, condition] };
}

/** Hedges (or un-hedges) every belief condition. */
export function setBeliefsHedged(design: ExperimentDesign, isHedged: boolean): ExperimentDesign {
  const conditions = design.conditions.map((c): Condition => {
    if (c.belief === 'none') return c;
    const next: Condition = { ...c };
    if (isHedged) next.isHedged = true;
    else delete next.isHedged;
    return next;
  });
  return { ...design, conditions };
}

/** Adds or removes the neutral lead-in prompt. */
export function setLeadInPrompt(design: ExperimentDesign, isIncluded: boolean): ExperimentDesign {
  const others = design.conditions.filter(
    (c) => !(c.hasLeadIn === true && c.context === 'none' && c.belief === 'none'),
  );
  const leadIn: Condition = { context: 'none', belief: 'none', hasLeadIn: true };
  return { ...design, conditions: isIncluded ? [leadIn, ...others] : others };
}

/**
 * Reads a design link from the page's hash: `#design=v1.…` or `#/experiments?design=v1.…`.
 * @returns the design, or null when the hash carries no design.
 * @throws DesignError when it carries one that cannot be read.
 */
export function readDesignFromHash(hash: string): ExperimentDesign | null {
  const fragment = hash.replace(/^#/, '');
  if (fragment.startsWith(FRAGMENT_PREFIX)) return decodeDesignFromFragment(fragment);
  const query = fragment.split('?')[1];
  const value = query === undefined ? null : new URLSearchParams(query).get('design');
  return value === null ? null : decodeDesignFromFragment(`${FRAGMENT_PREFIX}${value}`);
}

/** The file name a design is exported under, e.g. "quick-5-minute-demo.design.json". */
export function designFileName(design: ExperimentDesign): string {
  return `${slugify(design.name) || 'design'}.design.json`;
}

/**
 * Reads a design exported by this app.
 * @throws DesignError naming the file: not JSON, not an object, or each validation problem.
 */
export function parseDesignFile(text: string, fileName: string): ExperimentDesign {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DesignError(`${fileName}: not valid JSON (${detail}).`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DesignError(`${fileName}: expected one design object, as exported by Warmth Lab.`);
  }
  const design = value as ExperimentDesign;
  const problems = validateDesign(design);
  if (problems.length > 0) {
    throw new DesignError(`${fileName}: not a valid design: ${problems.join('; ')}`, problems);
  }
  return design;
}

export interface PowerSummary {
  pairs: number;
  mddPp: number | null;
  message: string;
}

/** Base-vs-treatment pairs of a plan: distinct prompt/sample keys answered by a base arm. */
export function countPairs(plan: readonly PlanEntry[], design: ExperimentDesign): number {
  const baseIds = new Set(design.arms.filter((a) => a.role === 'base').map((a) => a.id));
  return new Set(plan.filter((e) => baseIds.has(e.armId)).map((e) => e.pairKey)).size;
}

/** The minimum detectable rise in error rate for this plan, in words. */
export function describePower(
  plan: readonly PlanEntry[],
  design: ExperimentDesign,
  baseErrorRate = ASSUMED_BASE_ERROR_RATE,
): PowerSummary {
  const hasBase = design.arms.some((a) => a.role === 'base');
  const hasTreatment = design.arms.some((a) => a.role !== 'base');
  if (!hasBase || !hasTreatment) {
    const message = 'Add a base arm and at least one other arm to compare them.';
    return { pairs: 0, mddPp: null, message };
  }
  const pairs = countPairs(plan, design);
  if (pairs === 0) return { pairs, mddPp: null, message: 'The plan has no prompts yet.' };
  const result = minimumDetectableDifference({ pairs, baseErrorRate });
  const assumed = `assuming the base arm errs on ${Math.round(baseErrorRate * 100)}% of prompts`;
  if (!result.isAchievable || result.mddPp === null) {
    const message = `${pairs} pairs are too few to detect any rise in errors (${assumed}).`;
    return { pairs, mddPp: null, message };
  }
  const message = `With ${pairs} pairs, a rise of ${result.mddPp.toFixed(1)} percentage points in the error rate is detectable (80% power, 5% level, ${assumed}).`;
  return { pairs, mddPp: result.mddPp, message };
}
