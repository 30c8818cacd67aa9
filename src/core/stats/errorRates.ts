/**
 * Error and refusal rates with Wilson 95% intervals per model × dataset × arm (optionally also
 * per condition: amendment_type × prompt_type), for tables and charts.
 *
 * Owns: counting. Invariants: one pass over the rows into a dense count array; rows come out in
 * sorted level order (model, dataset, [amendment, prompt,] base before warm); cells with no rows
 * are omitted, so every reported rate has n ≥ 1 and a finite interval.
 */
import type { AnalysisTable } from './analysisRows';
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

/** Counts `isHit` among rows where `isCounted`, per cell, in one pass. */
function countCells(
  table: AnalysisTable,
  isCounted: (row: number) => boolean,
  isHit: (row: number) => boolean,
  isByCondition: boolean,
): CellCounts {
  const { levels } = table;
  const amendments = isByCondition ? levels.amendment.length : 1;
  const prompts = isByCondition ? levels.prompt.length : 1;
  const cellCount = levels.model.length * levels.dataset.length * amendments * prompts * 2;
  const hits = new Float64Array(cellCount);
  const totals = new Float64Array(cellCount);
  const keys: (RateKey | null)[] = new Array<RateKey | null>(cellCount).fill(null);
  for (let row = 0; row < table.size; row++) {
    if (!isCounted(row)) continue;
    let cell =
      (table.model[row] as number) * levels.dataset.length + (table.dataset[row] as number);
    if (isByCondition) {
      cell =
        (cell * amendments + (table.amendment[row] as number)) * prompts +
        (table.prompt[row] as number);
    }
    cell = cell * 2 + (table.isWarm[row] as number);
    if (keys[cell] === null) keys[cell] = rateKey(table, row, isByCondition);
    totals[cell] = (totals[cell] as number) + 1;
    if (isHit(row)) hits[cell] = (hits[cell] as number) + 1;
  }
  return { keys, hits, totals };
}

function rateKey(table: AnalysisTable, row: number, isByCondition: boolean): RateKey {
  const { levels } = table;
  const key: RateKey = {
    model: levels.model[table.model[row] as number] as string,
    dataset: levels.dataset[table.dataset[row] as number] as string,
    variant: table.isWarm[row] === 1 ? 'warm' : 'base',
  };
  if (isByCondition) {
    key.amendment_type = levels.amendment[table.amendment[row] as number] as string;
    key.prompt_type = levels.prompt[table.prompt[row] as number] as string;
  }
  return key;
}

/** Error rates (errors / n) over the rows the mode includes, with Wilson 95% intervals. */
export function errorRates(
  table: AnalysisTable,
  outcomes: Outcomes,
  isByCondition = false,
): ErrorRateRow[] {
  const { keys, hits, totals } = countCells(
    table,
    (row) => outcomes.isIncluded[row] === 1,
    (row) => outcomes.isIncorrect[row] === 1,
    isByCondition,
  );
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
  const { keys, hits, totals } = countCells(
    table,
    () => true,
    (row) => table.isRefusal[row] === 1,
    isByCondition,
  );
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
