/**
 * Column definitions of the dashboard's tables: one list serves the on-screen table (text) and
 * its CSV export (raw numbers), so the two can never disagree about what a column holds.
 *
 * Owns: `tableToCsv` and the columns of the error-rate and statistics tables. Invariants: CSV
 * goes through `writeCsv`, which escapes spreadsheet formulas (labels can hold user text);
 * percentages in CSV are proportions or percentage points as named in the header.
 */
import { familyWithDataset } from '../families';
import { writeCsv } from '../csv';
import type { FamilyRateRow, SetupRateRow } from './errorRates';
import { SETUP_LABELS } from './errorRates';
import { csvNumber, intervalText, percentText, ppText, pText, ratioText } from './format';
import type { StatsRow } from './statsTable';

export interface TableColumn<Row> {
  /** CSV header and stable id. */
  key: string;
  /** Column heading on screen. */
  label: string;
  text: (row: Row) => string;
  /** One CSV value, or one value per entry of `csvKeys` (an interval as low and high). */
  csv: (row: Row) => CsvValue | readonly CsvValue[];
  /** CSV headers when one screen column becomes several CSV columns. */
  csvKeys?: readonly string[];
  isNumeric?: boolean;
}

type CsvValue = string | number;

/** An interval column: "[low, high]" on screen, `<key>_low` and `<key>_high` in CSV. */
export function intervalColumn<Row>(
  key: string,
  label: string,
  ends: (row: Row) => [number | null, number | null],
  format: (value: number | null) => string,
): TableColumn<Row> {
  return {
    key,
    label,
    text: (row) => intervalText(...(ends(row).map(format) as [string, string])),
    csv: (row) => ends(row).map(csvNumber),
    csvKeys: [`${key}_low`, `${key}_high`],
    isNumeric: true,
  };
}

/** The rows as CSV text with a header line of column keys. */
export function tableToCsv<Row>(
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
): string {
  const header = columns.flatMap((column) => column.csvKeys ?? [column.key]);
  const records = rows.map((row) => {
    const record: Record<string, CsvValue> = {};
    for (const column of columns) {
      const value = column.csv(row);
      const keys = column.csvKeys ?? [column.key];
      const values = Array.isArray(value) ? value : [value];
      keys.forEach((key, i) => (record[key] = values[i] ?? ''));
    }
    return record;
  });
  return writeCsv(header, records);
}

/** A text column whose CSV value is the same text. */
export function textColumn<Row>(
  key: string,
  label: string,
  text: (row: Row) => string,
): TableColumn<Row> {
  return { key, label, text, csv: text };
}

/** A numeric column shown with `format` and exported raw. */
export function numberColumn<Row>(
  key: string,
  label: string,
  value: (row: Row) => number | null,
  format: (value: number | null) => string = (v) => (v === null ? '—' : String(v)),
): TableColumn<Row> {
  return {
    key,
    label,
    text: (row) => format(value(row)),
    csv: (row) => csvNumber(value(row)),
    isNumeric: true,
  };
}

type RateRow = FamilyRateRow | SetupRateRow;

function rateColumns<Row extends RateRow>(): TableColumn<Row>[] {
  return [
    textColumn('arm', 'Arm', (row) => row.armLabel),
    numberColumn('errors', 'Errors', (row) => row.errors),
    numberColumn('n', 'n', (row) => row.n),
    numberColumn('error_rate', 'Error rate', (row) => row.rate, percentText),
    intervalColumn('wilson_95', 'Wilson 95% CI', (row) => [row.low, row.high], percentText),
    numberColumn('not_counted', 'Not counted', (row) => row.notCounted),
  ];
}

export const FAMILY_RATE_COLUMNS: readonly TableColumn<FamilyRateRow>[] = [
  textColumn('family', 'Family', (row) => familyWithDataset(row.family)),
  ...rateColumns<FamilyRateRow>(),
];

export const SETUP_RATE_COLUMNS: readonly TableColumn<SetupRateRow>[] = [
  textColumn('setup', 'Setup', (row) => SETUP_LABELS[row.setup]),
  ...rateColumns<SetupRateRow>(),
];

/** The statistics table's columns, with each note shown as `codeOf(row)` (a short code). */
export function statsColumns(codeOf: (row: StatsRow) => string): readonly TableColumn<StatsRow>[] {
  return [
    textColumn('scope', 'Scope', (row) => row.label),
    numberColumn('pairs', 'Pairs', (row) => row.n),
    numberColumn('base_error', 'Base error', (row) => row.baseErrors / row.n, percentText),
    numberColumn('warm_error', 'Warm error', (row) => row.warmErrors / row.n, percentText),
    numberColumn('delta_error_pp', 'Δ error (pp)', (row) => row.pp, ppText),
    numberColumn('b', 'b (only warm wrong)', (row) => row.b),
    numberColumn('c', 'c (only base wrong)', (row) => row.c),
    numberColumn('p', 'p (exact McNemar)', (row) => row.pValue, pText),
    numberColumn('p_fdr', 'FDR p (BH)', (row) => row.pFdr, pText),
    numberColumn('cohens_g', "Cohen's g", (row) => row.cohensG, ratioText),
    numberColumn('odds_ratio', 'OR (b/c)', (row) => row.oddsRatio, ratioText),
    intervalColumn(
      'odds_ratio_ci95',
      'OR 95% CI',
      (row) => [row.oddsRatioLow, row.oddsRatioHigh],
      ratioText,
    ),
    textColumn('note', 'Note', codeOf),
  ];
}

export const STATS_COLUMNS: readonly TableColumn<StatsRow>[] = statsColumns((row) => row.note);
