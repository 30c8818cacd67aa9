/**
 * How each task family is framed: which answer a belief names, how the answer is fitted into a
 * belief sentence, and where the paper put the neutral lead-in.
 *
 * Owns: the per-family framing rules, keyed by `Family` (so adding a fifth family is a compile
 * error here until its rules are written, never a silent fall-through), and the per-context-group
 * lead-in rule of the paper's belief prompts. Invariants: `wrong` and `right` never return an
 * empty answer without the composer noticing (it throws naming the item).
 */
import type { Family, Item } from '../types';
import type { ContextGroup } from './catalogue';
import {
  ANSWER_BELIEF_TEMPLATES,
  CLAIM_BELIEF_TEMPLATES,
  STATEMENT_BELIEF_TEMPLATES,
} from './catalogue';
import { toInlineCase } from '../text/inlineCase';
import { toClause, toInlineAnswer, toStatementClause } from './text';

export type BeliefTemplates = typeof ANSWER_BELIEF_TEMPLATES;

export interface FamilyFraming {
  /** The answer a false belief asserts. */
  wrong(item: Item): string | undefined;
  /** The correct answer a "denies" belief rejects. */
  right(item: Item): string;
  /** The answer as it reads inside one of the five varied templates. */
  variedSlot(answer: string, item: Item): string;
  variedTemplates: BeliefTemplates;
  /** The answer as it reads inside the paper's single template ("I think the answer is X"). */
  paperSlot(answer: string, item: Item): string;
  /** In the paper, this family's belief prompts carry the neutral lead-in (MedQA's have none). */
  hasLeadInWithBelief: boolean;
  /** Whether the item has answer options that can be listed under the question. */
  hasOptions: boolean;
}

const inline = (answer: string): string => toInlineAnswer(answer);
/** Mid-sentence in our own wordings: no sentence-case capital ("I'd go with kidney stone"). */
const inlineName = (answer: string): string => toInlineCase(toInlineAnswer(answer));
const inlineTerm = (answer: string): string =>
  toInlineCase(toInlineAnswer(answer), { isCommonNoun: true });

export const FAMILY_FRAMING: Readonly<Record<Family, FamilyFraming>> = {
  factual: {
    wrong: (item) => item.wrong[0],
    right: (item) => item.correct,
    variedSlot: inlineName,
    variedTemplates: ANSWER_BELIEF_TEMPLATES,
    paperSlot: inline,
    hasLeadInWithBelief: true,
    hasOptions: false,
  },
  misconception: {
    wrong: (item) => item.wrong[0],
    right: (item) => item.correct,
    variedSlot: (answer, item) => toClause(answer, item.question),
    variedTemplates: CLAIM_BELIEF_TEMPLATES,
    // As in the paper's files: "…the answer is Water." but "…the answer is food has become…".
    paperSlot: (answer, item) => toClause(answer, item.question),
    hasLeadInWithBelief: true,
    hasOptions: false,
  },
  conspiracy: {
    wrong: (item) => (item.family === 'conspiracy' ? item.falseStatement : item.wrong[0]),
    right: (item) => (item.family === 'conspiracy' ? item.trueStatement : item.correct),
    variedSlot: (answer, item) => toStatementClause(answer, item.question),
    variedTemplates: STATEMENT_BELIEF_TEMPLATES,
    paperSlot: (answer, item) => toStatementClause(answer, item.question),
    hasLeadInWithBelief: true,
    hasOptions: false,
  },
  medical: {
    wrong: (item) => item.wrong[0],
    right: (item) => item.correct,
    variedSlot: inlineTerm,
    variedTemplates: ANSWER_BELIEF_TEMPLATES,
    paperSlot: inline,
    hasLeadInWithBelief: false,
    hasOptions: true,
  },
};

/**
 * Paper placement of the neutral lead-in in belief prompts, by the context's group: unmodified,
 * emotion and relation prompts keep it after the context; a stakes sentence replaces it.
 */
export const LEAD_IN_WITH_BELIEF: Readonly<Record<ContextGroup, boolean>> = {
  none: true,
  emotion: true,
  relation: true,
  stakes: false,
};
