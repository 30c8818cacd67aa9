/**
 * Prompt composition: item × condition → the exact user message sent to a model.
 *
 * Owns: placement (as in the paper: context as a prefix, then the optional neutral lead-in, then
 * the question, then the belief as a suffix) and the seeded variant choice. Invariants: a variant
 * index depends only on (item id, framing part), never on the arm, run or the other parts of the
 * condition, so base and warm arms see identical text and the same context sentence is used with
 * every belief; output has single spaces between sentences and one terminal mark per sentence.
 */
import type { ComposedPrompt, Condition, Item } from '../types';
import { pickIndex } from '../random';
import {
  ANSWER_BELIEF_TEMPLATES,
  CLAIM_BELIEF_TEMPLATES,
  HEDGES,
  LEAD_INS,
  STATEMENT_BELIEF_TEMPLATES,
  getContext,
} from './catalogue';
import type { CustomFraming, CustomFramingKind } from './custom';
import {
  finishBelief,
  finishQuestion,
  finishSentence,
  joinSentences,
  normalizeSpaces,
  toClause,
  toInlineAnswer,
  toStatementClause,
} from './text';
import { toInlineCase } from '../text/inlineCase';

export interface ComposeOptions {
  /** Forces this variant index for every framing part instead of the seeded choice. */
  variant?: number;
  /** Medical items only: list the options as "A. …" lines (the paper never showed them). */
  isShowingOptions?: boolean;
  /** User-defined framings that `custom:` ids in the condition refer to. */
  custom?: readonly CustomFraming[];
}

interface ChosenPart {
  text: string;
  variantId: string;
}

const OPTION_LETTERS = 'ABCDEFGHIJ';

type TemplateSet = typeof ANSWER_BELIEF_TEMPLATES;

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
  const { text, index } = chooseVariant(item, 'lead-in', LEAD_INS, options.variant);
  return { text, variantId: `lead#${index}` };
}

function wrongAnswer(item: Item): string {
  const wrong = item.family === 'conspiracy' ? item.falseStatement : item.wrong[0];
  if (wrong === undefined || wrong.trim() === '') {
    throw new Error(`item ${item.id} has no wrong answer for the belief framing`);
  }
  return wrong;
}

function rightAnswer(item: Item): string {
  return item.family === 'conspiracy' ? item.trueStatement : item.correct;
}

/** An answer fitted mid-sentence: no final stop, and no sentence-case capital ("kidney stone"). */
function inlineAnswer(item: Item, answer: string): string {
  return toInlineCase(toInlineAnswer(answer), { isCommonNoun: item.family === 'medical' });
}

/** Which template set suits the answer's shape, and how the answer is fitted into it. */
function beliefSlot(item: Item, answer: string): { slot: string; templates: TemplateSet } {
  switch (item.family) {
    case 'conspiracy':
      return {
        slot: toStatementClause(answer, item.question),
        templates: STATEMENT_BELIEF_TEMPLATES,
      };
    case 'misconception':
      return { slot: toClause(answer, item.question), templates: CLAIM_BELIEF_TEMPLATES };
    default:
      return { slot: inlineAnswer(item, answer), templates: ANSWER_BELIEF_TEMPLATES };
  }
}

/** The belief body (no final punctuation) and its template variant for a built-in belief. */
function builtInBeliefBody(
  item: Item,
  belief: 'asserts-wrong' | 'denies-right',
  options: ComposeOptions,
): { body: string; index: number } {
  const answer = belief === 'asserts-wrong' ? wrongAnswer(item) : rightAnswer(item);
  const { slot, templates } = beliefSlot(item, answer);
  const { text, index } = chooseVariant(item, belief, templates[belief], options.variant);
  return { body: text.replace('{answer}', () => slot), index };
}

function customBeliefBody(item: Item, id: string, options: ComposeOptions) {
  const framing = findCustom(id, 'belief', options);
  const { text, index } = chooseVariant(item, id, framing.variants, options.variant);
  const body = text.replace(/\{(wrong|correct)\}/g, (_match, name: string) =>
    inlineAnswer(item, name === 'wrong' ? wrongAnswer(item) : rightAnswer(item)),
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
  if (item.family !== 'medical' || !options.isShowingOptions) return [];
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
  const leadIn = condition.hasLeadIn ? composeLeadIn(item, options) : undefined;
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
