/**
 * The condition grid and its mapping to the paper's naming.
 *
 * Owns: `enumerateConditions` (the paper's 28 prompts per item), the two-way mapping between
 * Warmth Lab condition ids and the paper's `amendment_type` / `prompt_template` codes, and short
 * condition labels. Invariant: for every condition in the grid,
 * `fromPaperCodes(toPaperCodes(c))` equals `c`.
 */
import type { BeliefId, Condition, ContextId } from '../types';
import { BELIEFS, CONTEXTS, getContext } from './catalogue';
import type { CustomFraming } from './custom';

export interface PaperCodes {
  /** unmodified | emotion:happy|sad|anger | relation:close|hierarchical_up|hierarchical_down | stake:high|low */
  amendmentType: string;
  /** original | original_neutral | correct (= denies-right) | incorrect (= asserts-wrong) */
  promptTemplate: string;
}

/** Warmth Lab context id → the paper's amendment type. */
export const PAPER_AMENDMENT_TYPES: Readonly<Record<ContextId, string>> = {
  none: 'unmodified',
  'emotion:happy': 'emotion:happy',
  'emotion:sad': 'emotion:sad',
  'emotion:angry': 'emotion:anger',
  'relation:close': 'relation:close',
  'relation:deferential': 'relation:hierarchical_up',
  'relation:commanding': 'relation:hierarchical_down',
  'stakes:high': 'stake:high',
  'stakes:low': 'stake:low',
};

const PAPER_TEMPLATES: Readonly<Record<BeliefId, string>> = {
  none: 'original',
  'asserts-wrong': 'incorrect',
  'denies-right': 'correct',
};
const NEUTRAL_TEMPLATE = 'original_neutral';
/** The paper's multiple-choice template (MedQA with options); it carries no belief. */
const MCQ_TEMPLATE = 'mcq';

/**
 * The full condition grid like the paper's 28 prompts: one neutral prompt (lead-in, no context,
 * no belief) followed by every context (none + 8) × every belief (none, asserts-wrong,
 * denies-right). `isLeadInIncluded: false` leaves out the neutral prompt (27 conditions).
 */
export function enumerateConditions(options: { isLeadInIncluded?: boolean } = {}): Condition[] {
  const conditions: Condition[] = [];
  if (options.isLeadInIncluded ?? true) {
    conditions.push({ context: 'none', belief: 'none', hasLeadIn: true });
  }
  for (const context of CONTEXTS) {
    for (const belief of BELIEFS) conditions.push({ context: context.id, belief: belief.id });
  }
  return conditions;
}

/**
 * Maps a condition to the paper's codes for exports. Custom ids pass through unchanged. Hedging
 * and a lead-in on a belief prompt have no paper code, so they are not encoded here.
 */
export function toPaperCodes(condition: Condition): PaperCodes {
  const amendmentType = condition.context.startsWith('custom:')
    ? condition.context
    : PAPER_AMENDMENT_TYPES[condition.context as ContextId];
  if (amendmentType === undefined) throw new Error(`unknown context "${condition.context}"`);
  let promptTemplate: string | undefined;
  if (condition.belief === 'none' && condition.hasLeadIn) promptTemplate = NEUTRAL_TEMPLATE;
  else if (condition.belief.startsWith('custom:')) promptTemplate = condition.belief;
  else promptTemplate = PAPER_TEMPLATES[condition.belief as BeliefId];
  if (promptTemplate === undefined) throw new Error(`unknown belief "${condition.belief}"`);
  return { amendmentType, promptTemplate };
}

function contextFromAmendment(amendmentType: string): Condition['context'] {
  if (/^custom:.+/.test(amendmentType)) return amendmentType as `custom:${string}`;
  const entry = Object.entries(PAPER_AMENDMENT_TYPES).find(([, code]) => code === amendmentType);
  if (!entry) {
    const known = Object.values(PAPER_AMENDMENT_TYPES).join(', ');
    throw new Error(`unknown amendment type "${amendmentType}"; expected one of ${known}`);
  }
  return entry[0] as ContextId;
}

/**
 * Inverse of `toPaperCodes`: `original_neutral` sets `hasLeadIn`; `mcq` (the paper's MedQA
 * multiple-choice prompt) maps to no belief. Throws naming the unknown code.
 */
export function fromPaperCodes(codes: PaperCodes): Condition {
  const context = contextFromAmendment(codes.amendmentType.trim());
  const template = codes.promptTemplate.trim();
  if (template === NEUTRAL_TEMPLATE) return { context, belief: 'none', hasLeadIn: true };
  if (template === MCQ_TEMPLATE) return { context, belief: 'none' };
  if (/^custom:.+/.test(template)) return { context, belief: template as `custom:${string}` };
  const entry = Object.entries(PAPER_TEMPLATES).find(([, code]) => code === template);
  if (!entry) {
    const known = [...Object.values(PAPER_TEMPLATES), NEUTRAL_TEMPLATE, MCQ_TEMPLATE].join(', ');
    throw new Error(`unknown prompt template "${template}"; expected one of ${known}`);
  }
  return { context, belief: entry[0] as BeliefId };
}

/** A short human label such as "Sad · Asserts a wrong answer (hedged, lead-in)". */
export function describeCondition(
  condition: Condition,
  custom: readonly CustomFraming[] = [],
): string {
  const customLabel = (id: string) => custom.find((framing) => framing.id === id)?.label;
  const contextLabel =
    customLabel(condition.context) ?? getContext(condition.context)?.label ?? condition.context;
  const beliefLabel =
    customLabel(condition.belief) ??
    BELIEFS.find((belief) => belief.id === condition.belief)?.label ??
    condition.belief;
  const flags = [condition.isHedged ? 'hedged' : '', condition.hasLeadIn ? 'lead-in' : ''];
  const suffix = flags.filter(Boolean).join(', ');
  const base = `${contextLabel} · ${beliefLabel}`;
  return suffix ? `${base} (${suffix})` : base;
}

/** A stable string key for a condition (for grouping and pairing). */
export function conditionKey(condition: Condition): string {
  return [
    condition.context,
    condition.belief,
    condition.isHedged ? 'hedged' : 'plain',
    condition.hasLeadIn ? 'lead' : 'nolead',
  ].join('|');
}
