/**
 * Experiment designs: what to run, before anything is run.
 *
 * Owns: the `ExperimentDesign` shape, its validation (specific, user-facing messages) and the
 * shareable URL-fragment encoding. Invariants: a design is plain JSON data (it is stored in
 * IndexedDB and travels in links unchanged); `validateDesign` returns every problem it finds, in
 * a stable order, and an empty list means the runner can plan it. Presets live in presets.ts.
 */
import type { PromptStyle } from '../framing/compose';
import { PROMPT_STYLES } from '../framing/compose';
import type { Arm, Condition, ContextId, BeliefId, Family, GradingConvention } from '../types';
import { FAMILIES, GRADING_CONVENTIONS } from '../types';

export type GradingMode = 'rule' | 'judge' | 'both';

/** Which items to draw: from which sources, how many per family, with which sampling seed. */
export interface ItemSelection {
  /** 'builtin' for the built-in bank, otherwise ids of imported question sets. */
  sources: string[];
  perFamily: Partial<Record<Family, number>>;
  seed: number;
}

export interface ExperimentDesign {
  id: string;
  name: string;
  items: ItemSelection;
  conditions: Condition[];
  arms: Arm[];
  /** Answers per (item, condition, arm); > 1 only makes sense with temperature > 0. */
  samples: number;
  grading: GradingMode;
  /** Answer-only generations with a tiny token budget (see toFastModeSettings). */
  isFastMode: boolean;
  /**
   * How prompts are worded and where the lead-in goes (see framing/compose.ts). Absent on designs
   * saved before it existed, which were composed in the `varied` style.
   */
  promptStyle?: PromptStyle;
  /**
   * The convention the run's rule grades are made under. Absent: the app-wide switch's when
   * the run starts (designs saved before it existed were graded under `correct`).
   */
  convention?: GradingConvention;
  createdAt: string;
}

/** The design's prompt style, with the pre-existing default for old designs. */
export function promptStyleOf(design: Pick<ExperimentDesign, 'promptStyle'>): PromptStyle {
  return design.promptStyle ?? 'varied';
}

export const MAX_SAMPLES = 20;
export const MAX_PER_FAMILY = 1000;
const GRADING_MODES: readonly GradingMode[] = ['rule', 'judge', 'both'];
// Typed as the unions so the compiler flags an id that types.ts no longer has.
const KNOWN_CONTEXTS: readonly ContextId[] = [
  'none',
  'emotion:happy',
  'emotion:sad',
  'emotion:angry',
  'relation:close',
  'relation:deferential',
  'relation:commanding',
  'stakes:high',
  'stakes:low',
];
const KNOWN_BELIEFS: readonly BeliefId[] = ['none', 'asserts-wrong', 'denies-right'];
const CUSTOM_ID = /^custom:[a-z0-9][a-z0-9-]*$/;

function isKnownId(value: unknown, known: readonly string[]): boolean {
  return typeof value === 'string' && (known.includes(value) || CUSTOM_ID.test(value));
}

function isWholeNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** A stable text key of a condition (used to find duplicates and to pair prompts). */
export function conditionKey(condition: Condition): string {
  const hedged = condition.isHedged === true ? 'hedged' : 'plain';
  const leadIn = condition.hasLeadIn === true ? 'lead' : 'nolead';
  return `${condition.context}|${condition.belief}|${hedged}|${leadIn}`;
}

function checkItems(items: ItemSelection | undefined): string[] {
  if (items === undefined || typeof items !== 'object') return ['items: missing item selection'];
  const problems: string[] = [];
  if (!Array.isArray(items.sources) || items.sources.length === 0) {
    problems.push("items.sources: choose at least one source ('builtin' or an imported set)");
  } else if (items.sources.some((s) => typeof s !== 'string' || s.trim() === '')) {
    problems.push('items.sources: every source must be a non-empty id');
  }
  const perFamily = items.perFamily ?? {};
  for (const [family, count] of Object.entries(perFamily)) {
    if (!(FAMILIES as readonly string[]).includes(family)) {
      problems.push(
        `items.perFamily: unknown family '${family}' (expected ${FAMILIES.join(', ')})`,
      );
    } else if (!isWholeNumberIn(count, 0, MAX_PER_FAMILY)) {
      problems.push(
        `items.perFamily.${family}: expected a whole number from 0 to ${MAX_PER_FAMILY}, got ${String(count)}`,
      );
    }
  }
  const total = Object.values(perFamily).reduce<number>(
    (sum, n) => sum + (typeof n === 'number' && n > 0 ? n : 0),
    0,
  );
  if (total === 0) problems.push('items.perFamily: ask for at least one item in some family');
  if (!isWholeNumberIn(items.seed, -(2 ** 31), 2 ** 32 - 1)) {
    problems.push(`items.seed: expected a whole number, got ${String(items.seed)}`);
  }
  return problems;
}

function checkConditions(conditions: Condition[] | undefined): string[] {
  if (!Array.isArray(conditions) || conditions.length === 0) {
    return ['conditions: choose at least one condition'];
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  conditions.forEach((condition, i) => {
    if (!isKnownId(condition.context, KNOWN_CONTEXTS)) {
      problems.push(`conditions[${i}].context: unknown context '${String(condition.context)}'`);
    }
    if (!isKnownId(condition.belief, KNOWN_BELIEFS)) {
      problems.push(`conditions[${i}].belief: unknown belief '${String(condition.belief)}'`);
    }
    if (condition.isHedged === true && condition.belief === 'none') {
      problems.push(`conditions[${i}]: a hedged condition needs a belief to hedge`);
    }
    const key = conditionKey(condition);
    if (seen.has(key))
      problems.push(`conditions[${i}]: duplicate of an earlier condition (${key})`);
    seen.add(key);
  });
  return problems;
}

function checkArm(arm: Arm, i: number): string[] {
  const problems: string[] = [];
  const at = `arms[${i}]`;
  if (typeof arm.id !== 'string' || arm.id.trim() === '') problems.push(`${at}.id: missing`);
  if (typeof arm.label !== 'string' || arm.label.trim() === '') {
    problems.push(`${at}.label: missing`);
  }
  if (typeof arm.modelId !== 'string' || arm.modelId.trim() === '') {
    problems.push(`${at}.modelId: choose a model`);
  }
  if (!['base', 'warm', 'cold', 'neutral'].includes(arm.role)) {
    problems.push(`${at}.role: expected base, warm, cold or neutral, got '${String(arm.role)}'`);
  }
  const settings = arm.settings;
  if (settings === undefined || typeof settings !== 'object') {
    problems.push(`${at}.settings: missing generation settings`);
    return problems;
  }
  const temperature = settings.temperature;
  if (typeof temperature !== 'number' || !(temperature >= 0 && temperature <= 2)) {
    problems.push(`${at}.settings.temperature: expected 0 to 2, got ${String(temperature)}`);
  }
  // web-llm rejects such a request with SeedTypeError ("`seed` should be an integer, but got 1.5").
  if (settings.seed !== undefined && !isWholeNumberIn(settings.seed, 0, 2 ** 31 - 1)) {
    problems.push(
      `${at}.settings.seed: expected a whole number from 0 to ${2 ** 31 - 1} (web-llm accepts only integer seeds), got ${String(settings.seed)}`,
    );
  }
  if (!isWholeNumberIn(settings.maxTokens, 1, 8192)) {
    problems.push(
      `${at}.settings.maxTokens: expected 1 to 8192, got ${String(settings.maxTokens)}`,
    );
  }
  return problems;
}

function checkArms(arms: Arm[] | undefined): string[] {
  if (!Array.isArray(arms) || arms.length === 0) return ['arms: add at least one arm'];
  const problems = arms.flatMap((arm, i) => checkArm(arm, i));
  const ids = arms.map((arm) => arm.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(`arms[${i}].id: '${id}' is used by another arm`);
  });
  return problems;
}

/**
 * Lists every problem that would stop a design from being planned and run.
 * @returns user-facing messages naming the field, empty when the design is valid.
 */
export function validateDesign(design: ExperimentDesign): string[] {
  const problems: string[] = [];
  if (typeof design.id !== 'string' || design.id.trim() === '') problems.push('id: missing');
  if (typeof design.name !== 'string' || design.name.trim() === '') {
    problems.push('name: give the design a name');
  }
  problems.push(...checkItems(design.items));
  problems.push(...checkConditions(design.conditions));
  problems.push(...checkArms(design.arms));
  if (!isWholeNumberIn(design.samples, 1, MAX_SAMPLES)) {
    problems.push(`samples: expected 1 to ${MAX_SAMPLES}, got ${String(design.samples)}`);
  }
  if (!GRADING_MODES.includes(design.grading)) {
    problems.push(`grading: expected rule, judge or both, got '${String(design.grading)}'`);
  }
  if (typeof design.isFastMode !== 'boolean') problems.push('isFastMode: expected true or false');
  if (design.promptStyle !== undefined && !PROMPT_STYLES.includes(design.promptStyle)) {
    problems.push(`promptStyle: expected paper or varied, got '${String(design.promptStyle)}'`);
  }
  if (design.convention !== undefined && !GRADING_CONVENTIONS.includes(design.convention)) {
    problems.push(`convention: expected correct or truthful, got '${String(design.convention)}'`);
  }
  return problems;
}

/**
 * True when a stored value has a design's shape (id, items, conditions and arms), so it can be
 * loaded into the builder, which then lists any remaining problems through `validateDesign`.
 */
export function hasDesignShape(value: unknown): value is ExperimentDesign {
  if (value === null || typeof value !== 'object') return false;
  const design = value as Partial<ExperimentDesign>;
  return (
    typeof design.id === 'string' &&
    Array.isArray(design.arms) &&
    Array.isArray(design.conditions) &&
    typeof design.items === 'object' &&
    design.items !== null
  );
}

/** Thrown for a design that cannot be used; `problems` holds each specific message. */
export class DesignError extends Error {
  readonly problems: string[];
  constructor(message: string, problems: string[] = []) {
    super(message);
    this.name = 'DesignError';
    this.problems = problems;
  }
}

/** Throws a `DesignError` listing every problem unless the design is valid. */
export function assertValidDesign(design: ExperimentDesign): void {
  const problems = validateDesign(design);
  if (problems.length > 0) {
    throw new DesignError(`The design cannot be run: ${problems.join('; ')}`, problems);
  }
}
