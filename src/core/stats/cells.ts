/**
 * Design cells of an AnalysisTable: every row's (model, dataset, amendment_type, prompt_type,
 * arm) combination, numbered densely. Every GLM predictor, error-rate cell and paired-test cell
 * is a function of these five codes, so a 440,000-row table with a few hundred cells is
 * analysed per cell wherever counts suffice, and per row only where order matters.
 *
 * Owns: the cell numbering, the question (model, item_id) numbering and their per-table cache. Invariants: `cellOf[row] = 2·combo + isWarm`
 * with combos (model, dataset, amendment, prompt) numbered in first-seen row order, so a cell
 * and its other arm are neighbours; cells are cached per table object (tables are not edited
 * after `finish()`), so the error rates, the pairing and four GLM fits number the rows once.
 */
import type { AnalysisTable } from './analysisRows';

/** Up to this many (model, dataset, amendment, prompt) keys a flat lookup array replaces a Map. */
const MAX_DIRECT_KEYS = 1 << 22;

export interface CellIndex {
  /** Number of cells (twice the number of combos; a cell may hold no rows). */
  count: number;
  /** Cell of each table row. */
  cellOf: Int32Array;
  /** Table level codes of each cell. */
  model: Int32Array;
  dataset: Int32Array;
  amendment: Int32Array;
  prompt: Int32Array;
  isWarm: Uint8Array;
  /** Question (model, item_id) of each table row, numbered densely in first-seen order. */
  questionOf: Int32Array;
  questionCount: number;
}

const CACHE = new WeakMap<AnalysisTable, CellIndex>();

/** Combo id of every row (first-seen order) and the first row of each combo. */
function numberCombos(table: AnalysisTable): { comboOf: Int32Array; firstRows: number[] } {
  const { levels } = table;
  const datasets = levels.dataset.length;
  const amendments = levels.amendment.length;
  const prompts = levels.prompt.length;
  // < 2^16·2^8·2^16·2^8 = 2^48 by the level limits: exact as a double.
  const keyCount = levels.model.length * datasets * amendments * prompts;
  const direct = keyCount <= MAX_DIRECT_KEYS ? new Int32Array(keyCount).fill(-1) : null;
  const seen = new Map<number, number>();
  const comboOf = new Int32Array(table.size);
  const firstRows: number[] = [];
  for (let row = 0; row < table.size; row++) {
    const key =
      (((table.model[row] as number) * datasets + (table.dataset[row] as number)) * amendments +
        (table.amendment[row] as number)) *
        prompts +
      (table.prompt[row] as number);
    let id = direct ? (direct[key] as number) : (seen.get(key) ?? -1);
    if (id < 0) {
      id = firstRows.length;
      firstRows.push(row);
      if (direct) direct[key] = id;
      else seen.set(key, id);
    }
    comboOf[row] = id;
  }
  return { comboOf, firstRows };
}

/** Dense (model, item_id) ids in first-seen order: the GLMs' clusters and the ICC's groups. */
function numberQuestions(table: AnalysisTable): { questionOf: Int32Array; questionCount: number } {
  const items = table.levels.item.length;
  const keyCount = table.levels.model.length * items;
  const direct = keyCount <= MAX_DIRECT_KEYS ? new Int32Array(keyCount).fill(-1) : null;
  const seen = new Map<number, number>();
  const questionOf = new Int32Array(table.size);
  let questionCount = 0;
  for (let row = 0; row < table.size; row++) {
    const key = (table.model[row] as number) * items + (table.item[row] as number);
    let id = direct ? (direct[key] as number) : (seen.get(key) ?? -1);
    if (id < 0) {
      id = questionCount++;
      if (direct) direct[key] = id;
      else seen.set(key, id);
    }
    questionOf[row] = id;
  }
  return { questionOf, questionCount };
}

function buildCellIndex(table: AnalysisTable): CellIndex {
  const { comboOf, firstRows } = numberCombos(table);
  const cellOf = new Int32Array(table.size);
  for (let row = 0; row < table.size; row++) {
    cellOf[row] = 2 * (comboOf[row] as number) + (table.isWarm[row] as number);
  }
  const count = 2 * firstRows.length;
  const codes = (column: ArrayLike<number>) =>
    Int32Array.from(
      { length: count },
      (_, cell) => column[firstRows[cell >> 1] as number] as number,
    );
  return {
    count,
    cellOf,
    model: codes(table.model),
    dataset: codes(table.dataset),
    amendment: codes(table.amendment),
    prompt: codes(table.prompt),
    isWarm: Uint8Array.from({ length: count }, (_, cell) => cell & 1),
    ...numberQuestions(table),
  };
}

/** The cells of `table`, computed on first use and cached for the table's lifetime. */
export function cellIndexOf(table: AnalysisTable): CellIndex {
  let cells = CACHE.get(table);
  if (!cells) {
    cells = buildCellIndex(table);
    CACHE.set(table, cells);
  }
  return cells;
}
