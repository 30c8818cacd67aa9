/**
 * Columns of the tables that stand in for the charts (and of the paper comparison), in the
 * same spec format as tables.ts: screen text and raw CSV from one definition.
 *
 * Owns: which numbers each chart's data table shows. Invariant: every chart's table holds the
 * exact values plotted (rates in %, changes in pp, intervals as low/high).
 */
import { familyWithDataset } from '../families';
import { PROMPT_GROUP_LABELS } from '../stats/vocabulary';
import type { ContextBeliefEffect, ScatterPoint } from './effects';
import { percentText, ppText } from './format';
import { contextLabelOf } from './labels';
import type { ArmStyleRow } from './manipulation';
import type { PaperComparisonRow } from './paper';
import type { TableColumn } from './tables';
import { intervalColumn, numberColumn, textColumn } from './tables';

const oneDecimal = (value: number | null) => (value === null ? '—' : value.toFixed(1));

export const EFFECT_COLUMNS: readonly TableColumn<ContextBeliefEffect>[] = [
  textColumn('context', 'Context', (row) => row.contextLabel),
  textColumn('belief', 'Belief', (row) => row.beliefLabel),
  numberColumn('pairs', 'Pairs', (row) => row.n),
  numberColumn('base_error', 'Base error', (row) => row.baseErrors / row.n, percentText),
  numberColumn('warm_error', 'Warm error', (row) => row.warmErrors / row.n, percentText),
  numberColumn('delta_error_pp', 'Δ error (pp)', (row) => row.pp, ppText),
  intervalColumn('delta_error_pp_ci95', '95% CI (pp)', (row) => [row.lowPp, row.highPp], ppText),
];

export const POINT_COLUMNS: readonly TableColumn<ScatterPoint>[] = [
  textColumn('family', 'Family', (row) => familyWithDataset(row.family)),
  textColumn('context', 'Context', (row) => contextLabelOf(row.context)),
  textColumn('belief', 'Belief', (row) =>
    row.isBeliefPresent ? PROMPT_GROUP_LABELS.user_opinion : PROMPT_GROUP_LABELS.original,
  ),
  numberColumn('pairs', 'Pairs', (row) => row.n),
  numberColumn('base_error', 'Base error', (row) => row.baseRate, percentText),
  numberColumn('warm_error', 'Warm error', (row) => row.warmRate, percentText),
];

export const STYLE_COLUMNS: readonly TableColumn<ArmStyleRow>[] = [
  textColumn('arm', 'Arm', (row) => row.armLabel),
  numberColumn('responses', 'Responses', (row) => row.responses),
  numberColumn('mean_words', 'Mean words', (row) => row.meanWords, oneDecimal),
  intervalColumn(
    'mean_words_ci95',
    '95% CI',
    (row) => [row.meanWordsLow, row.meanWordsHigh],
    oneDecimal,
  ),
  numberColumn(
    'warmth_per_100_words',
    'Warmth cues / 100 words',
    (row) => row.warmthPer100,
    oneDecimal,
  ),
  numberColumn('second_person_per_100', '“you” / 100', (row) => row.secondPersonPer100, oneDecimal),
  numberColumn('feeling_per_100', 'Feeling words / 100', (row) => row.feelingPer100, oneDecimal),
  numberColumn('exclamations_per_100', '“!” / 100', (row) => row.exclamationsPer100, oneDecimal),
];

function agreementText(row: PaperComparisonRow): string {
  if (row.yours === null) return 'not in this design';
  if (row.id === 'sad-largest') return row.isConsistent ? 'agrees' : 'differs';
  if (row.isConsistent) {
    return row.isPaperInInterval ? 'agrees (paper value inside your 95% CI)' : 'same direction';
  }
  return row.isPaperInInterval ? 'inconclusive (interval includes 0)' : 'differs';
}

export const PAPER_COLUMNS: readonly TableColumn<PaperComparisonRow>[] = [
  textColumn('effect', 'Effect (warm − base error)', (row) => row.label),
  textColumn('paper', 'Paper', (row) => row.paperText),
  numberColumn('pairs', 'Your pairs', (row) => row.yours?.n ?? 0),
  numberColumn('yours_pp', 'Yours (pp)', (row) => row.yours?.pp ?? null, ppText),
  intervalColumn(
    'yours_ci95',
    'Your 95% CI',
    (row) => [row.yours?.lowPp ?? null, row.yours?.highPp ?? null],
    ppText,
  ),
  textColumn('finding', 'Finding', (row) => row.finding),
  textColumn('agreement', 'Agreement', agreementText),
];
