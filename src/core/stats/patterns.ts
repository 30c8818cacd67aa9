/**
 * Covariate patterns: rows of a design with identical predictors collapsed into one weighted
 * row (trials, errors). Every predictor here is a 0/1 indicator, so a 440,000-row table has
 * only a few hundred distinct patterns, and a binomial GLM on (errors, trials) per pattern is
 * exactly the Bernoulli GLM on the rows — same likelihood, same X'WX, same scores summed.
 *
 * Owns: counting design rows per cell (cells.ts), the collapse of cells into patterns and the
 * active-column walk shared by fitting, sandwich and AMEs. Invariants: predictors are a
 * function of the cell, so rows are only counted, never keyed one by one; patterns are numbered
 * in the order their first design row appears (as a row-by-row collapse would number them);
 * patterns keep their base and warm slots apart (the warm slots of a base row are what
 * finetuned = 1 would switch on).
 */
import type { CellIndex } from './cells';
import type { SlotLayout } from './design';

export interface CovariatePatterns extends SlotLayout {
  count: number;
  k: number;
  names: string[];
  trials: Float64Array;
  errors: Float64Array;
}

/** Design rows counted per cell. */
export interface CellRows {
  /** Cells holding at least one design row, in the order of their first design row. */
  used: Int32Array;
  /** Design rows and wrong answers per cell id. */
  trials: Float64Array;
  errors: Float64Array;
  /** Wrong answers over all design rows. */
  errorTotal: number;
  /** Cluster (question: model, item_id) of each design row, numbered in first-seen order. */
  clusterOf: Int32Array;
  clusterCount: number;
  /** 2·cell + y of each design row: all the sandwich needs of a row, read in one sequential pass. */
  cellAndResponse: Int32Array;
}

/**
 * Counts the design rows `rows` (table indices) and their errors per cell, and numbers their
 * clusters, in one pass.
 */
export function countCellRows(cells: CellIndex, rows: Int32Array, response: Uint8Array): CellRows {
  const trials = new Float64Array(cells.count);
  const errors = new Float64Array(cells.count);
  const used = new Int32Array(cells.count);
  const clusterOfQuestion = new Int32Array(cells.questionCount).fill(-1);
  const clusterOf = new Int32Array(rows.length);
  const cellAndResponse = new Int32Array(rows.length);
  let [usedCount, errorTotal, clusterCount] = [0, 0, 0];
  const { cellOf, itemOf, questionOfItem } = cells;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    const cell = cellOf[row] as number;
    const y = response[row] as number;
    if (trials[cell] === 0) used[usedCount++] = cell;
    trials[cell] = (trials[cell] as number) + 1;
    errors[cell] = (errors[cell] as number) + y;
    errorTotal += y;
    cellAndResponse[i] = 2 * cell + y;
    const question = questionOfItem[itemOf[row] as number] as number;
    let cluster = clusterOfQuestion[question] as number;
    if (cluster < 0) clusterOfQuestion[question] = cluster = clusterCount++;
    clusterOf[i] = cluster;
  }
  const cellRows = { used: used.slice(0, usedCount), trials, errors, errorTotal };
  return { ...cellRows, clusterOf, clusterCount, cellAndResponse };
}

/** Writes the active columns of row/pattern i (intercept, factors, warm terms) into `out`; returns how many. */
export function activeColumns(layout: SlotLayout, i: number, out: Int32Array): number {
  let count = 0;
  const { baseSlots, baseWidth, warmSlots, warmWidth } = layout;
  for (let s = i * baseWidth, end = s + baseWidth; s < end; s++) {
    const column = baseSlots[s] as number;
    if (column >= 0) out[count++] = column;
  }
  if (layout.isWarm[i] === 1) {
    for (let s = i * warmWidth, end = s + warmWidth; s < end; s++) {
      const column = warmSlots[s] as number;
      if (column >= 0) out[count++] = column;
    }
  }
  return count;
}

/** The active columns of every pattern as one list: pattern p owns `columns[start[p]..start[p+1])`. */
export function activeColumnLists(patterns: CovariatePatterns): {
  start: Int32Array;
  columns: Int32Array;
} {
  const width = patterns.baseWidth + patterns.warmWidth;
  const start = new Int32Array(patterns.count + 1);
  const columns = new Int32Array(patterns.count * width);
  let at = 0;
  for (let p = 0; p < patterns.count; p++) {
    start[p] = at;
    at += activeColumns(patterns, p, columns.subarray(at, at + width));
  }
  start[patterns.count] = at;
  return { start, columns };
}

/** The key of layout row i: arm, then base and warm slots (−1 = none). */
function slotKey(layout: SlotLayout, i: number): string {
  const base = layout.baseSlots.subarray(i * layout.baseWidth, (i + 1) * layout.baseWidth);
  const warm = layout.warmSlots.subarray(i * layout.warmWidth, (i + 1) * layout.warmWidth);
  return `${layout.isWarm[i]}|${base.join(',')}|${warm.join(',')}`;
}

/** Pattern of each cell (first-seen order over `used`) and the layout row of each pattern's first cell. */
function numberPatterns(
  layout: SlotLayout,
  used: Int32Array,
  cellCount: number,
): { patternOfCell: Int32Array; firstOf: number[] } {
  const idOf = new Map<string, number>();
  const patternOfCell = new Int32Array(cellCount).fill(-1);
  const firstOf: number[] = [];
  used.forEach((cell, u) => {
    const key = slotKey(layout, u);
    let id = idOf.get(key);
    if (id === undefined) {
      id = firstOf.length;
      idOf.set(key, id);
      firstOf.push(u);
    }
    patternOfCell[cell] = id;
  });
  return { patternOfCell, firstOf };
}

/**
 * Collapses cells into covariate patterns. `layout` row u holds the slots of cell `rows.used[u]`;
 * returns the patterns and the pattern of each cell id (−1 for cells without design rows).
 */
export function collapseCells(
  layout: SlotLayout,
  rows: CellRows,
  cellCount: number,
  columns: { k: number; names: string[] },
): { patterns: CovariatePatterns; patternOfCell: Int32Array } {
  const { baseWidth, warmWidth } = layout;
  const { patternOfCell, firstOf } = numberPatterns(layout, rows.used, cellCount);
  const count = firstOf.length;
  const trials = new Float64Array(count);
  const errors = new Float64Array(count);
  for (const cell of rows.used) {
    const id = patternOfCell[cell] as number;
    trials[id] = (trials[id] as number) + (rows.trials[cell] as number);
    errors[id] = (errors[id] as number) + (rows.errors[cell] as number);
  }
  const patterns: CovariatePatterns = {
    count,
    ...columns,
    trials,
    errors,
    isWarm: Uint8Array.from(firstOf, (u) => layout.isWarm[u] as number),
    baseSlots: pickRows(layout.baseSlots, baseWidth, firstOf),
    baseWidth,
    warmSlots: pickRows(layout.warmSlots, warmWidth, firstOf),
    warmWidth,
  };
  return { patterns, patternOfCell };
}

/** Rows `picked` of a row-major slot array, in that order. */
function pickRows(source: Int32Array, width: number, picked: number[]): Int32Array {
  const out = new Int32Array(picked.length * width);
  picked.forEach((u, id) => out.set(source.subarray(u * width, (u + 1) * width), id * width));
  return out;
}
