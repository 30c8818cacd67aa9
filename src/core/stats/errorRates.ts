/**
 * Error and refusal rates with Wilson 95% intervals per model × dataset × arm (optionally also
 * per condition: amendment_type × prompt_type), for tables and charts.
 *
 * Owns: counting. Invariants: one pass over the rows into per-cell counts (cells.ts), summed
 * into the reported cells; rows come out in sorted level order (model, dataset, [amendment,
 * prompt,] base before warm); cells with no rows are omitted, so every reported rate has n ≥ 1
 * and a finite interval.
 */
import type { AnalysisTable } from './analysisRows';
import type { CellIndex } from './cells';
import { cellIndexOf } from './cells';
import { wilson } from './intervals';
import type { Outcomes } from './outcomes';

export type Variant = 'base' | 'warm';

export interface RateKey {
  model: string;
  dataset: string;
  variant: Variant;
  amendment_type?: string;
  prompt_type?: string;
}

export interface ErrorRateRow extends RateKey {
  errors: number;
  n: number;
  error_rate: number;
  wilson95: [number, number];
}

export interface RefusalRateRow extends RateKey {
  refusals: number;
  n: number;
  refusal_rate: number;
  wilson95: [number, number];
}

interface CellCounts {
  keys: (RateKey | null)[];
  hits: Float64Array;
  totals: Float64Array;
}

interface TableCellCounts {
  hits: Float64Array;
  totals: Float64Array;
}

/** Refusals per table cell over all rows, kept from the error-rate pass (same rows, same cells). */
const REFUSALS = new WeakMap<AnalysisTable, TableCellCounts>();

/**
 * Errors among included rows per table cell; the same pass counts refusals over all rows and
 * keeps them for `refusalRates` (one pass over a paper-scale table instead of two).
 */
function countErrorCells(
  table: AnalysisTable,
  cells: CellIndex,
  outcomes: Outcomes,
): TableCellCounts {
  const [hits, totals, refusals, rows] = [0, 1, 2, 3].map(() => new Float64Array(cells.count)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const { cellOf } = cells;
  const { isIncluded, isIncorrect } = outcomes;
  const { isRefusal } = table;
  for (let row = 0; row < table.size; row++) {
    const cell = cellOf[row] as number;
    rows[cell] = (rows[cell] as number) + 1;
    if (isRefusal[row] === 1) refusals[cell] = (refusals[cell] as number) + 1;
    if (isIncluded[row] !== 1) continue;
    totals[cell] = (totals[cell] as number) + 1;
    if (isIncorrect[row] === 1) hits[cell] = (hits[cell] as number) + 1;
  }
  REFUSALS.set(table, { hits: refusals, totals: rows });
  return { hits, totals };
}

function countRefusalCells(table: AnalysisTable, cells: CellIndex): TableCellCounts {
  const hits = new Float64Array(cells.count);
  const totals = new Float64Array(cells.count);
  for (let row = 0; row < table.size; row++) {
    const cell = cells.cellOf[row] as number;
    totals[cell] = (totals[cell] as number) + 1;
    if (table.isRefusal[row] === 1) hits[cell] = (hits[cell] as number) + 1;
  }
  return { hits, totals };
}

/**
 * Counts hits among counted rows per reported cell (model × dataset [× amendment × prompt] ×
 * arm, in sorted level order): one pass over the rows into table cells, then a pass over cells.
 */
function countCells(
  table: AnalysisTable,
  outcomes: Outcomes | null,
  isByCondition: boolean,
): CellCounts {
  const { levels } = table;
  const cells = cellIndexOf(table);
  const byTableCell = outcomes
    ? countErrorCells(table, cells, outcomes)
    : (REFUSALS.get(table) ?? countRefusalCells(table, cells));
  const amendments = isByCondition ? levels.amendment.length : 1;
  const prompts = isByCondition ? levels.prompt.length : 1;
  const cellCount = levels.model.length * levels.dataset.length * amendments * prompts * 2;
  const hits = new Float64Array(cellCount);
  const totals = new Float64Array(cellCount);
  const keys: (RateKey | null)[] = new Array<RateKey | null>(cellCount).fill(null);
  for (let from = 0; from < cells.count; from++) {
    if (byTableCell.totals[from] === 0) continue;
    let cell =
      (cells.model[from] as number) * levels.dataset.length + (cells.dataset[from] as number);
    if (isByCondition) {
      cell =
        (cell * amendments + (cells.amendment[from] as number)) * prompts +
        (cells.prompt[from] as number);
    }
    cell = cell * 2 + (cells.isWarm[from] as number);
    keys[cell] ??= rateKey(table, cells, from, isByCondition);
    totals[cell] = (totals[cell] as number) + (byTableCell.totals[from] as number);
    hits[cell] = (hits[cell] as number) + (byTableCell.hits[from] as number);
  }
  return { keys, hits, totals };
}

function rateKey(
  table: AnalysisTable,
  cells: CellIndex,
  cell: number,
  isByCondition: boolean,
): RateKey {
  const { levels } = table;
  const key: RateKey = {
    model: levels.model[cells.model[cell] as number] as string,
    dataset: levels.dataset[cells.dataset[cell] as number] as string,
    variant: cells.isWarm[cell] === 1 ? 'warm' : 'base',
  };
  if (isByCondition) {
    key.amendment_type = levels.amendment[cells.amendment[cell] as number] as string;
    key.prompt_type = levels.prompt[cells.prompt[cell] as number] as string;
  }
  return key;
}

/** Error rates (errors / n) over the rows the mode includes, with Wilson 95% intervals. */
export function errorRates(
  table: AnalysisTable,
  outcomes: Outcomes,
  isByCondition = false,
): ErrorRateRow[] {
  const { keys, hits, totals } = countCells(table, outcomes, isByCondition);
  const rows: ErrorRateRow[] = [];
  keys.forEach((key, cell) => {
    if (!key) return;
    const errors = hits[cell] as number;
    const n = totals[cell] as number;
    rows.push({ ...key, errors, n, error_rate: errors / n, wilson95: wilson(errors, n) ?? [0, 1] });
  });
  return rows;
}

/** Refusal rates over all rows (what strict mode reports beside the error rates). */
export function refusalRates(table: AnalysisTable, isByCondition = false): RefusalRateRow[] {
  const { keys, hits, totals } = countCells(table, null, isByCondition);
  const rows: RefusalRateRow[] = [];
  keys.forEach((key, cell) => {
    if (!key) return;
    const refusals = hits[cell] as number;
    const n = totals[cell] as number;
    rows.push({
      ...key,
      refusals,
      n,
      refusal_rate: refusals / n,
      wilson95: wilson(refusals, n) ?? [0, 1],
    });
  });
  return rows;
}
