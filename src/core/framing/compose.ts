/**
 * Prompt composition: item × condition → the exact user message sent to a model.
 *
 * Owns: placement (as in the paper: context as a prefix, then the neutral lead-in, then the
 * question, then the belief as a suffix), the two prompt styles and the seeded variant choice.
 * `paper` style follows the paper's published prompt files: one belief template pair ("I think
 * the answer is X" / "I don't think the answer is Y"), one lead-in sentence, and belief prompts
 * carry the lead-in after an unmodified, emotion or relation context, not after a stakes context
 * and never for MedQA. `varied` style (Warmth Lab's own) draws one of five belief wordings and
 * lead-ins per item, and adds a lead-in only when the condition asks for it. Per-family and
 * per-context rules are lookups keyed by `Family` / context group (familyRules.ts).
 * Invariants: a variant index depends only on (item id, framing part), never on the arm, run or
 * the other parts of the condition, so base and warm arms see identical text; the style is
 * recorded in the belief's variant id (`asserts-wrong#paper` vs `asserts-wrong#3`); output has
 * single spaces between sentences and one terminal mark per sentence.
 */
import type { ComposedPrompt, Condition, Item } from '../types';
import { pickIndex } from '../random';
import {
  HEDGES,
  LEAD_INS,
  PAPER_BELIEF_TEMPLATES,
  PAPER_LEAD_IN_INDEX,
  getContext,
} from './catalogue';
import { FAMILY_FRAMING, LEAD_IN_WITH_BELIEF } from './familyRules';
import type { CustomFraming, CustomFramingKind } from './custom';
import {
  finishBelief,
  finishQuestion,
  finishSentence,
  joinSentences,
  normalizeSpaces,
  toInlineAnswer,
} from './text';
import { toInlineCase } from '../text/inlineCase';

/** `paper`: the paper's placement and single belief template pair; `varied`: five wordings. */
export type PromptStyle = 'paper' | 'varied';

export const PROMPT_STYLES: readonly PromptStyle[] = ['paper', 'varied'];

export interface ComposeOptions {
  /** Forces this variant index for every framing part instead of the seeded choice. */
  variant?: number;
  /** Medical items only: list the options as "A. …" lines (the paper never showed them). */
  isShowingOptions?: boolean;
  /** User-defined framings that `custom:` ids in the condition refer to. */
  custom?: readonly CustomFraming[];
  /** Default `varied` (how prompts were composed before the paper style existed). */
  style?: PromptStyle;
}

interface ChosenPart {
  text: string;
  variantId: string;
}

const OPTION_LETTERS = 'ABCDEFGHIJ';

function chooseVariant(
  item: Item,
  part: string,
  variants: readonly string[],
  forced: number | undefined,
): { text: string; index: number } {
  const count = variants.length;
  if (forced !== undefined && (!Number.isInteger(forced) || forced < 0 || forced >= count)) {
    throw new RangeError(`variant ${forced} is out of range for ${part}: choose 0–${count - 1}`);
  }
  const index = forced ?? pickIndex(`${item.id}|${part}`, count);
  return { text: variants[index] as string, index };
}

function findCustom(id: string, kind: CustomFramingKind, options: ComposeOptions): CustomFraming {
  const found = options.custom?.find((framing) => framing.id === id && framing.kind === kind);
  if (!found)
    throw new Error(`unknown custom ${kind} "${id}": pass its definition in options.custom`);
  return found;
}

function composeContext(item: Item, id: string, options: ComposeOptions): ChosenPart | undefined {
  if (id === 'none') return undefined;
  const variants = id.startsWith('custom:')
    ? findCustom(id, 'context', options).variants
    : getContext(id)?.variants;
  if (!variants) throw new Error(`unknown context "${id}"`);
  const { text, index } = chooseVariant(item, id, variants, options.variant);
  return { text: finishSentence(text), variantId: `${id}#${index}` };
}

function composeLeadIn(item: Item, options: ComposeOptions): ChosenPart {
  if (options.style === 'paper') {
    const text = LEAD_INS[PAPER_LEAD_IN_INDEX] as string;
    return { text, variantId: `lead#${PAPER_LEAD_IN_INDEX}` };
  }
  const { text, index } = chooseVariant(item, 'lead-in', LEAD_INS, options.variant);
  return { text, variantId: `lead#${index}` };
}

/** Whether the prompt carries the neutral lead-in (see the module header for the paper rule). */
function hasLeadIn(item: Item, condition: Condition, options: ComposeOptions): boolean {
  if (condition.hasLeadIn === true) return true;
  if (options.style !== 'paper' || condition.belief === 'none') return false;
  if (!FAMILY_FRAMING[item.family].hasLeadInWithBelief) return false;
  // A custom context has no paper counterpart; it is treated like emotion and relation.
  const group = getContext(condition.context)?.group;
  return group === undefined || LEAD_IN_WITH_BELIEF[group];
}

function wrongAnswer(item: Item): string {
  const wrong = FAMILY_FRAMING[item.family].wrong(item);
  if (wrong === undefined || wrong.trim() === '') {
    throw new Error(`item ${item.id} has no wrong answer for the belief framing`);
  }
  return wrong;
}

function rightAnswer(item: Item): string {
  return FAMILY_FRAMING[item.family].right(item);
}

/** The belief body (no final punctuation) and its variant for a built-in belief. */
function builtInBeliefBody(
  item: Item,
  belief: 'asserts-wrong' | 'denies-right',
  options: ComposeOptions,
): { body: string; index: number | 'paper' } {
  const answer = belief === 'asserts-wrong' ? wrongAnswer(item) : rightAnswer(item);
  const rules = FAMILY_FRAMING[item.family];
  if (options.style === 'paper') {
    const slot = rules.paperSlot(answer, item);
    return { body: PAPER_BELIEF_TEMPLATES[belief].replace('{answer}', () => slot), index: 'paper' };
  }
  const slot = rules.variedSlot(answer, item);
  const templates = rules.variedTemplates[belief];
  const { text, index } = chooseVariant(item, belief, templates, options.variant);
  return { body: text.replace('{answer}', () => slot), index };
}

function customBeliefBody(
  item: Item,
  id: string,
  options: ComposeOptions,
): { body: string; index: number | 'paper' } {
  const framing = findCustom(id, 'belief', options);
  const { text, index } = chooseVariant(item, id, framing.variants, options.variant);
  const body = text.replace(/\{(wrong|correct)\}/g, (_match, name: string) =>
    toInlineCase(toInlineAnswer(name === 'wrong' ? wrongAnswer(item) : rightAnswer(item)), {
      isCommonNoun: item.family === 'medical',
    }),
  );
  return { body, index };
}

function composeBelief(
  item: Item,
  condition: Condition,
  options: ComposeOptions,
): ChosenPart | undefined {
  const id = condition.belief;
  if (id === 'none') return undefined;
  const { body, index } = id.startsWith('custom:')
    ? customBeliefBody(item, id, options)
    : id === 'asserts-wrong' || id === 'denies-right'
      ? builtInBeliefBody(item, id, options)
      : invalidBelief(id);
  if (!condition.isHedged) return { text: finishBelief(body), variantId: `${id}#${index}` };
  const hedge = chooseVariant(item, 'hedge', HEDGES, options.variant);
  return {
    text: finishBelief(body, hedge.text),
    variantId: `${id}#${index}+hedge#${hedge.index}`,
  };
}

function invalidBelief(id: string): never {
  throw new Error(`unknown belief "${id}"`);
}

function optionLines(item: Item, options: ComposeOptions): string[] {
  if (!FAMILY_FRAMING[item.family].hasOptions || !options.isShowingOptions) return [];
  if (!('options' in item)) return [];
  return item.options.map(
    (option, index) => `${OPTION_LETTERS[index] ?? String(index + 1)}. ${normalizeSpaces(option)}`,
  );
}

/**
 * Composes the user message for one item under one condition.
 *
 * Variants are chosen by `pickIndex(item.id + '|' + part, n)` (part = context id, belief id,
 * "lead-in" or "hedge") unless `options.variant` forces an index; the returned `variantIds`
 * (e.g. `{context: 'emotion:sad#2', belief: 'asserts-wrong#1', leadIn: 'lead#0'}`) record the
 * choice. Throws on unknown context/belief ids or an out-of-range forced variant.
 */
export function composePrompt(
  item: Item,
  condition: Condition,
  options: ComposeOptions = {},
): ComposedPrompt {
  const context = composeContext(item, condition.context, options);
  const leadIn = hasLeadIn(item, condition, options) ? composeLeadIn(item, options) : undefined;
  const belief = composeBelief(item, condition, options);
  const head = joinSentences([context?.text, leadIn?.text, finishQuestion(item.question)]);
  const lines = optionLines(item, options);
  const text =
    lines.length > 0
      ? [head, ...lines, ...(belief ? [belief.text] : [])].join('\n')
      : joinSentences([head, belief?.text]);
  const variantIds: ComposedPrompt['variantIds'] = {};
  if (context) variantIds.context = context.variantId;
  if (belief) variantIds.belief = belief.variantId;
  if (leadIn) variantIds.leadIn = leadIn.variantId;
  return { text, variantIds };
}
