/**
 * The headline as a table (screen and CSV): the warm − base change in error overall, per prompt
 * group and per task family, with the clustered interval and p, and the grading band overall.
 *
 * Owns: the CSV names of the headline numbers, in the one vocabulary: `delta_error_pp` is warm
 * minus base in percentage points, as in every other table and export.
 */
import type { Headline, HeadlineRow } from '../stats/headline';
import type { GradingBand } from '../stats/gradingBand';
import { percentText, ppText, pText } from './format';
import type { TableColumn } from './tables';
import { intervalColumn, numberColumn, textColumn } from './tables';

/** One headline row, with the grading band on the overall row only. */
export interface HeadlineTableRow extends HeadlineRow {
  band: GradingBand | null;
}

/** Overall first, then prompt groups, then families. */
export function headlineRows(headline: Headline, band: GradingBand | null): HeadlineTableRow[] {
  const overall = headline.overall
    ? [{ id: 'overall', label: 'All pairs', effect: headline.overall, band }]
    : [];
  const rest = [...headline.byBelief, ...headline.byFamily].map((row) => ({ ...row, band: null }));
  return [...overall, ...rest];
}

export const HEADLINE_COLUMNS: readonly TableColumn<HeadlineTableRow>[] = [
  textColumn('scope', 'Scope', (row) => row.label),
  numberColumn('pairs', 'Pairs', (row) => row.effect.n),
  numberColumn('questions', 'Questions', (row) => row.effect.clusters),
  numberColumn('base_error', 'Base error', (row) => row.effect.baseRate, percentText),
  numberColumn('warm_error', 'Warm error', (row) => row.effect.warmRate, percentText),
  numberColumn('delta_error_pp', 'Δ error (pp)', (row) => row.effect.pp, ppText),
  intervalColumn(
    'delta_error_pp_ci95',
    '95% CI, clustered (pp)',
    (row) => [row.effect.lowPp, row.effect.highPp],
    ppText,
  ),
  numberColumn('p', 'p', (row) => row.effect.p, pText),
  intervalColumn(
    'grading_band_pp',
    'Grading band (pp)',
    (row) => [row.band?.lowPp ?? null, row.band?.highPp ?? null],
    ppText,
  ),
  numberColumn('corrected_pp', 'Corrected (pp)', (row) => row.band?.correctedPp ?? null, ppText),
];
