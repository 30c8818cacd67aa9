/**
 * "Click a mark, see the answers behind it": which base/warm pairs a chart mark or table row
 * stands for.
 *
 * Owns: the Selection vocabulary shared by every chart and table. Invariants: a selection is
 * plain data (it can be kept in state and compared); `pairsFor` applies exactly the grouping
 * the series used, so the number of pairs listed equals the mark's n for paired series.
 */
import { chooseGrade } from '../results/grades';
import type { Family, Item } from '../types';
import type { Setup } from './errorRates';
import { SETUP_LABELS, setupOf } from './errorRates';
import { beliefLabelOf, contextLabelOf } from './labels';
import type { AnswerPair } from './pairs';
import type { BeliefScope } from './statsTable';
import { familyWithDataset } from '../families';
import { BELIEF_SCOPE_LABELS } from './statsTable';

export type Selection =
  | { kind: 'family'; family: Family }
  | { kind: 'setup'; setup: Setup }
  | { kind: 'context-belief'; context: string; belief: string }
  | { kind: 'point'; family: Family; context: string; isBeliefPresent: boolean }
  | { kind: 'scope'; family: Family | 'all'; beliefScope: BeliefScope };

function matchesScope(pair: AnswerPair, family: Family | 'all', scope: BeliefScope): boolean {
  if (family !== 'all' && pair.family !== family) return false;
  if (scope === 'no-belief') return pair.condition.belief === 'none';
  if (scope === 'false-belief') return pair.condition.belief !== 'none';
  return true;
}

/** Whether a pair belongs to the selected mark. */
export function isPairSelected(pair: AnswerPair, selection: Selection): boolean {
  switch (selection.kind) {
    case 'family':
      return pair.family === selection.family;
    case 'setup':
      return setupOf(pair.condition) === selection.setup;
    case 'context-belief':
      return (
        pair.condition.context === selection.context && pair.condition.belief === selection.belief
      );
    case 'point':
      return (
        pair.family === selection.family &&
        pair.condition.context === selection.context &&
        (pair.condition.belief !== 'none') === selection.isBeliefPresent
      );
    case 'scope':
      return matchesScope(pair, selection.family, selection.beliefScope);
    default: {
      const never: never = selection;
      throw new Error(`unknown selection ${JSON.stringify(never)}`);
    }
  }
}

/** The pairs behind a selected mark, in the pairs' (sorted) order. */
export function pairsFor(pairs: readonly AnswerPair[], selection: Selection): AnswerPair[] {
  return pairs.filter((pair) => isPairSelected(pair, selection));
}

/** A heading for the selection, e.g. "Sad · Asserts a wrong answer". */
export function describeSelection(selection: Selection): string {
  switch (selection.kind) {
    case 'family':
      return `Family: ${familyWithDataset(selection.family)}`;
    case 'setup':
      return `Setup: ${SETUP_LABELS[selection.setup]}`;
    case 'context-belief':
      return `${contextLabelOf(selection.context)} · ${beliefLabelOf(selection.belief)}`;
    case 'point': {
      const belief = BELIEF_SCOPE_LABELS[selection.isBeliefPresent ? 'false-belief' : 'no-belief'];
      return `${familyWithDataset(selection.family)} · ${contextLabelOf(selection.context)} · ${belief}`;
    }
    case 'scope': {
      const family =
        selection.family === 'all' ? 'All families' : familyWithDataset(selection.family);
      return `${family} · ${BELIEF_SCOPE_LABELS[selection.beliefScope]}`;
    }
    default: {
      const never: never = selection;
      throw new Error(`unknown selection ${JSON.stringify(never)}`);
    }
  }
}

/** One arm's side of a drill-down row, as text. */
export interface AnswerView {
  output: string;
  verdict: string;
  grader: string;
  reason: string;
  /** Fast mode: the model's probability of its answer, e.g. "82%"; null when not reported. */
  confidence: string | null;
}

/** A pair as the responses panel shows it. */
export interface PairView {
  key: string;
  itemId: string;
  question: string;
  correct: string;
  conditionLabel: string;
  prompt: string;
  base: AnswerView;
  warm: AnswerView;
}

function answerView(record: AnswerPair['base'], isWrong: boolean): AnswerView {
  const grade = chooseGrade(record.grades);
  return {
    output: record.output,
    verdict: isWrong ? 'incorrect' : 'correct',
    grader: grade?.grader ?? 'ungraded',
    reason: grade?.reason ?? '',
    confidence:
      record.answerProbability === undefined
        ? null
        : `${Math.round(record.answerProbability * 100)}%`,
  };
}

/** Pairs as text for the side-by-side panel; `items` supplies the question and answer. */
export function viewPairs(pairs: readonly AnswerPair[], items: readonly Item[]): PairView[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return pairs.map((pair) => {
    const item = byId.get(pair.itemId);
    return {
      key: pair.key,
      itemId: pair.itemId,
      question: item?.question ?? '(question not in the loaded set)',
      correct: item?.correct ?? '',
      conditionLabel: `${contextLabelOf(pair.condition.context)} · ${beliefLabelOf(pair.condition.belief)}`,
      prompt: pair.base.prompt.text,
      base: answerView(pair.base, pair.isBaseWrong),
      warm: answerView(pair.warm, pair.isWarmWrong),
    };
  });
}
