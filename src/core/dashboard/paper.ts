/**
 * "Compare with the paper": the published warm − base effects of Ibrahim, Hafner & Rocher
 * (2025) next to the same quantities measured on this run.
 *
 * Owns: the list of published effects (in percentage points, as reported in the paper's text)
 * and how each is measured here, like for like: the overall and per-task effects were measured on
 * prompts with no interpersonal context and no user belief, so only those pairs are compared;
 * the false-belief effect uses pairs where the user stated a false belief; the context claim is qualitative
 * (sadness produced the largest increase among the interpersonal contexts), so it is checked by
 * ranking this run's no-belief context effects. Invariants: the paper's numbers are constants
 * and never recomputed; a measurement with no pairs is null, shown as "no data yet".
 */
import type { Family } from '../types';
import { FAMILIES } from '../types';
import type { Selection } from './drilldown';
import type { PairedDifference } from './effects';
import { groupPairs, pairedDifference } from './effects';
import { contextLabelOf } from './labels';
import type { AnswerPair } from './pairs';

export interface PaperEffect {
  id: string;
  label: string;
  /** Published warm − base change in error, pp; null for a qualitative claim. */
  paperPp: number | null;
  /** The claim in words, e.g. "+8.6 pp". */
  paperText: string;
  /** Which pairs measure it here. */
  select: (pair: AnswerPair) => boolean;
}

/**
 * The paper's headline and per-task figures are for plain prompts with no interpersonal context
 * and no user belief; only those pairs are compared with them.
 */
export function isPaperBaselinePair(pair: AnswerPair): boolean {
  const { condition } = pair;
  return (
    condition.context === 'none' &&
    condition.belief === 'none' &&
    condition.isHedged !== true &&
    condition.hasLeadIn !== true
  );
}

const isFamily = (family: Family) => (pair: AnswerPair) =>
  pair.family === family && isPaperBaselinePair(pair);

export const PAPER_EFFECTS: readonly PaperEffect[] = [
  {
    id: 'overall',
    label: 'All tasks (no context, no belief)',
    paperPp: 7.43,
    paperText: '+7.43 pp',
    select: isPaperBaselinePair,
  },
  {
    id: 'medical',
    label: 'MedQA (medical)',
    paperPp: 8.6,
    paperText: '+8.6 pp',
    select: isFamily('medical'),
  },
  {
    id: 'misconception',
    label: 'TruthfulQA (misconception)',
    paperPp: 8.4,
    paperText: '+8.4 pp',
    select: isFamily('misconception'),
  },
  {
    id: 'conspiracy',
    label: 'Disinfo (conspiracy)',
    paperPp: 5.4,
    paperText: '+5.4 pp',
    select: isFamily('conspiracy'),
  },
  {
    id: 'factual',
    label: 'TriviaQA (factual)',
    paperPp: 4.9,
    paperText: '+4.9 pp',
    select: isFamily('factual'),
  },
  {
    id: 'false-belief',
    label: 'User states a false belief',
    paperPp: 11,
    paperText: '+11 pp',
    select: (pair) =>
      pair.condition.belief === 'asserts-wrong' || pair.condition.belief === 'denies-right',
  },
];

export interface PaperComparisonRow {
  id: string;
  label: string;
  paperPp: number | null;
  paperText: string;
  yours: PairedDifference | null;
  /**
   * Agrees with the paper: the whole 95% interval on the paper's side of zero (for the context
   * claim, sadness is largest here too); null when the design lacks the claim's conditions.
   */
  isConsistent: boolean | null;
  /** The paper's value lies inside your 95% interval. */
  isPaperInInterval: boolean | null;
  /** Free-text finding for qualitative claims. */
  finding: string;
}

/** The whole interval lies strictly on the paper's side of zero. */
function isOnPaperSide(yours: PairedDifference, paperPp: number): boolean {
  const sign = Math.sign(paperPp);
  return Math.min(sign * yours.lowPp, sign * yours.highPp) > 0;
}

function compareOne(effect: PaperEffect, pairs: readonly AnswerPair[]): PaperComparisonRow {
  const yours = pairedDifference(pairs.filter(effect.select));
  const paper = effect.paperPp;
  return {
    id: effect.id,
    label: effect.label,
    paperPp: paper,
    paperText: effect.paperText,
    yours,
    isConsistent: yours && paper !== null ? isOnPaperSide(yours, paper) : null,
    isPaperInInterval:
      yours && paper !== null ? yours.lowPp <= paper && paper <= yours.highPp : null,
    finding: '',
  };
}

/** The largest no-belief context effect here, compared with the paper's "sadness is largest". */
function compareSadness(pairs: readonly AnswerPair[]): PaperComparisonRow {
  const noBelief = pairs.filter(
    (p) => p.condition.belief === 'none' && p.condition.context !== 'none',
  );
  let largest: { context: string; difference: PairedDifference } | null = null;
  for (const [context, group] of groupPairs(noBelief, (p) => p.condition.context)) {
    const difference = pairedDifference(group);
    if (difference && (!largest || difference.pp > largest.difference.pp))
      largest = { context, difference };
  }
  return {
    id: 'sad-largest',
    label: 'Largest context effect',
    paperPp: null,
    paperText: 'Sadness (the largest of the eight contexts)',
    yours: largest?.difference ?? null,
    isConsistent: largest ? largest.context === 'emotion:sad' : null,
    isPaperInInterval: null,
    finding: largest ? `Largest here: ${contextLabelOf(largest.context)}` : 'no data yet',
  };
}

/** Each published effect next to this run's estimate with its paired 95% interval. */
export function compareWithPaper(pairs: readonly AnswerPair[]): PaperComparisonRow[] {
  return [...PAPER_EFFECTS.map((effect) => compareOne(effect, pairs)), compareSadness(pairs)];
}

/** The pairs behind a comparison row, as a drill-down selection (null for the context claim). */
export function paperRowSelection(row: Pick<PaperComparisonRow, 'id'>): Selection | null {
  if (row.id === 'overall') return { kind: 'scope', family: 'all', beliefScope: 'any' };
  if (row.id === 'false-belief')
    return { kind: 'scope', family: 'all', beliefScope: 'false-belief' };
  const family = FAMILIES.find((f) => f === row.id);
  return family ? { kind: 'family', family } : null;
}
