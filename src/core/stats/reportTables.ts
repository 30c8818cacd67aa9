/**
 * Column definitions and rows of the analysis tables, shared by the screen and the CSV export
 * (through core/dashboard's `TableColumn` and `tableToCsv`).
 *
 * Owns: how each number of the report is labelled and formatted. Invariants: no cell shows
 * NaN or "undefined" (missing values are a dash, an inestimable effect says why in a note
 * column); the McNemar statistic is labelled z, never g; CSV gets raw numbers (Infinity as
 * "inf"), screen text gets rounded ones.
 */
import type { TableColumn } from '../dashboard';
import {
  intervalColumn,
  numberColumn,
  percentText,
  ppText,
  pText,
  ratioText,
  textColumn,
} from '../dashboard';
import type { ErrorRateRow, RefusalRateRow } from './errorRates';
import type { GlmEstimate, MarginalEffect } from './glm';
import type { PairedTestRow } from './mcnemar';
import type { UnpairedRow } from './pairing';

/** A number with fixed decimals, or a dash. */
export function fixedText(digits: number): (value: number | null) => string {
  return (value) => (value === null || !Number.isFinite(value) ? '—' : value.toFixed(digits));
}

/** Signed percentage points with two decimals ("+7.43 pp"), or a dash. */
function ppPrecise(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)} pp`;
}

function keyColumns<Row extends ErrorRateRow | RefusalRateRow>(): TableColumn<Row>[] {
  return [
    textColumn('model', 'Model', (row) => row.model),
    textColumn('dataset', 'Dataset', (row) => row.dataset),
    textColumn('variant', 'Arm', (row) => row.variant),
  ];
}

export const ERROR_RATE_COLUMNS: readonly TableColumn<ErrorRateRow>[] = [
  ...keyColumns<ErrorRateRow>(),
  numberColumn('errors', 'Errors', (row) => row.errors),
  numberColumn('n', 'n', (row) => row.n),
  numberColumn('error_rate', 'Error rate', (row) => row.error_rate, percentText),
  intervalColumn('wilson95', 'Wilson 95% CI', (row) => row.wilson95, percentText),
];

export const REFUSAL_RATE_COLUMNS: readonly TableColumn<RefusalRateRow>[] = [
  ...keyColumns<RefusalRateRow>(),
  numberColumn('refusals', 'Refusals', (row) => row.refusals),
  numberColumn('n', 'n', (row) => row.n),
  numberColumn('refusal_rate', 'Refusal rate', (row) => row.refusal_rate, percentText),
  intervalColumn('wilson95', 'Wilson 95% CI', (row) => row.wilson95, percentText),
];

/**
 * McNemar columns in the one vocabulary: Δ error = warm − base (pp); b = pairs where only warm
 * is wrong (= only base correct), c = only base wrong. Notes show as short codes (`codeOf`).
 */
export function mcnemarColumns(
  codeOf: (row: PairedTestRow) => string,
): readonly TableColumn<PairedTestRow>[] {
  return [
    textColumn('model', 'Model', (row) => row.model),
    textColumn('dataset', 'Dataset', (row) => row.dataset),
    textColumn('family', 'Prompts', (row) => row.family),
    textColumn('amendment_type', 'Context', (row) => row.amendment_type),
    numberColumn('n', 'Pairs', (row) => row.n),
    numberColumn('base_error', 'Base error', (row) => 1 - row.base_accuracy_pct / 100, percentText),
    numberColumn('warm_error', 'Warm error', (row) => 1 - row.warm_accuracy_pct / 100, percentText),
    numberColumn('delta_error_pp', 'Δ error (pp)', (row) => -row.diff_pp, ppText),
    numberColumn('b', 'b (only warm wrong)', (row) => row.base_only_correct),
    numberColumn('c', 'c (only base wrong)', (row) => row.warm_only_correct),
    numberColumn('p_value', 'p (exact McNemar)', (row) => row.p_value, pText),
    numberColumn('p_fdr', 'FDR p (BH)', (row) => row.p_fdr, pText),
    numberColumn('cohens_g', "Cohen's g", (row) => row.cohens_g, ratioText),
    numberColumn('mcnemar_z', 'McNemar z', (row) => row.mcnemar_z, ratioText),
    numberColumn('odds_ratio', 'OR (b/c)', (row) => row.odds_ratio, ratioText),
    intervalColumn(
      'odds_ratio_ci95',
      'OR 95% CI',
      (row) => row.odds_ratio_ci95 ?? [null, null],
      ratioText,
    ),
    textColumn('note', 'Note', codeOf),
  ];
}

/** The McNemar columns with full notes (for callers without a legend). */
export const MCNEMAR_COLUMNS: readonly TableColumn<PairedTestRow>[] = mcnemarColumns(
  (row) => row.note ?? '',
);

/** One coefficient of a fitted GLM. */
export interface ParamRow {
  term: string;
  estimate: number;
  se: number;
  clusterSe: number | null;
  p: number;
  clusterP: number | null;
}

/** The coefficients of a fitted model, in design order (every name has every statistic). */
export function paramRows(result: GlmEstimate): ParamRow[] {
  return result.names.map((term) => ({
    term,
    estimate: result.params[term] as number,
    se: result.bse[term] as number,
    clusterSe: result.cluster_bse?.[term] ?? null,
    p: result.pvalues[term] as number,
    clusterP: result.cluster_pvalues?.[term] ?? null,
  }));
}

export const PARAM_COLUMNS: readonly TableColumn<ParamRow>[] = [
  textColumn('term', 'Term', (row) => row.term),
  numberColumn('estimate', 'Estimate (log-odds)', (row) => row.estimate, fixedText(4)),
  numberColumn('se', 'SE', (row) => row.se, fixedText(4)),
  numberColumn('cluster_se', 'Cluster SE', (row) => row.clusterSe, fixedText(4)),
  numberColumn('p', 'p', (row) => row.p, pText),
  numberColumn('cluster_p', 'Cluster p', (row) => row.clusterP, pText),
];

/** One warmth average marginal effect (overall or within a group). */
export interface EffectRow {
  group: string;
  effect: MarginalEffect;
}

/** The overall AME first, then one per group level. */
export function effectRows(result: GlmEstimate): EffectRow[] {
  const groups = Object.entries(result.ameByGroup ?? {}).map(([group, effect]) => ({
    group,
    effect,
  }));
  return [{ group: 'all rows', effect: result.ame }, ...groups];
}

export const EFFECT_COLUMNS: readonly TableColumn<EffectRow>[] = [
  textColumn('group', 'Group', (row) => row.group),
  numberColumn('ame_pp', 'Warmth AME (pp)', (row) => row.effect.pp, ppPrecise),
  numberColumn('se_pp', 'SE (pp)', (row) => row.effect.se_pp, fixedText(2)),
  numberColumn('cluster_se_pp', 'Cluster SE (pp)', (row) => row.effect.cluster_se_pp, fixedText(2)),
  numberColumn('rows', 'Rows', (row) => row.effect.rows),
];

export const UNPAIRED_COLUMNS: readonly TableColumn<UnpairedRow>[] = [
  numberColumn('line', 'Row', (row) => row.line),
  textColumn('variant', 'Arm', (row) => row.variant),
  textColumn('model', 'Model', (row) => row.model),
  textColumn('dataset', 'Dataset', (row) => row.dataset),
  textColumn('item_id', 'Item', (row) => row.item_id),
  textColumn('amendment_type', 'Context', (row) => row.amendment_type),
  textColumn('prompt_type', 'Prompt type', (row) => row.prompt_type),
  numberColumn('sample', 'Sample', (row) => row.sample),
];
