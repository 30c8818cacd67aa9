/**
 * Design cells of an AnalysisTable: every row's (model, dataset, amendment_type, prompt_type,
 * arm) combination, numbered densely. Every GLM predictor, error-rate cell and paired-test cell
 * is a function of these five codes, so a 440,000-row table with a few hundred cells is
 * analysed per cell wherever counts suffice, and per row only where order matters.
 *
 * Owns: the numbering of cells, of items (model, dataset, item_id: the pairing's unit) and of
 * questions (model, item_id: the GLMs' clusters and the ICC's groups), and their per-table
 * cache. Invariants: `cellOf[row] = 2·combo + isWarm` with combos (model, dataset, amendment,
 * prompt) numbered in first-seen row order, so a cell and its other arm are neighbours; items
 * and questions are numbered in first-seen row order too; everything is cached per table object
 * (tables are not edited after `finish()`), so the error rates, the pairing, the paired tests
 * and four GLM fits number the rows once.
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
  /** The item as one model saw it, (model, dataset, item_id), of each row: dense, first-seen order. */
  itemOf: Int32Array;
  itemCount: number;
  /** The question (model, item_id) of each item, dense in first-seen order: the GLMs' clusters. */
  questionOfItem: Int32Array;
  questionCount: number;
  /** 1 + the largest `sample` index (1 when the table has no repeated samples). */
  sampleCount: number;
}

const CACHE = new WeakMap<AnalysisTable, CellIndex>();

/**
 * Dense ids for numeric keys in first-seen order: a flat array for small key spaces (`direct`,
 * −1 = not seen yet, which hot loops read inline), else a Map.
 */
class DenseIds {
  count = 0;
  readonly direct: Int32Array | null;
  readonly #map = new Map<number, number>();

  constructor(keyCount: number) {
    this.direct = keyCount <= MAX_DIRECT_KEYS ? new Int32Array(keyCount).fill(-1) : null;
  }

  idOf(key: number): number {
    const direct = this.direct;
    let id = direct ? (direct[key] as number) : (this.#map.get(key) ?? -1);
    if (id < 0) {
      id = this.count++;
      if (direct) direct[key] = id;
      else this.#map.set(key, id);
    }
    return id;
  }
}

/** One pass: the cell and item of every row, the first row of each combo, the largest sample. */
function numberRows(table: AnalysisTable) {
  const { levels } = table;
  const [datasets, amendments, prompts, items] = [
    levels.dataset.length,
    levels.amendment.length,
    levels.prompt.length,
    levels.item.length,
  ];
  // Both key spaces are < 2^48 by the level limits: exact as doubles.
  const combos = new DenseIds(levels.model.length * datasets * amendments * prompts);
  const seenItems = new DenseIds(levels.model.length * datasets * items);
  const [cellOf, itemOf] = [new Int32Array(table.size), new Int32Array(table.size)];
  const firstRows: number[] = [];
  const firstItemRows: number[] = [];
  let maxSample = 0;
  const { model, dataset, amendment, prompt, isWarm, item, sample } = table;
  const [comboSeen, itemSeen] = [combos.direct, seenItems.direct];
  for (let row = 0; row < table.size; row++) {
    const modelDataset = (model[row] as number) * datasets + (dataset[row] as number);
    const key =
      (modelDataset * amendments + (amendment[row] as number)) * prompts + (prompt[row] as number);
    let combo = comboSeen ? (comboSeen[key] as number) : -1;
    if (combo < 0) combo = combos.idOf(key);
    if (combo === firstRows.length) firstRows.push(row);
    cellOf[row] = 2 * combo + (isWarm[row] as number);
    const itemKey = modelDataset * items + (item[row] as number);
    let id = itemSeen ? (itemSeen[itemKey] as number) : -1;
    if (id < 0) id = seenItems.idOf(itemKey);
    if (id === firstItemRows.length) firstItemRows.push(row);
    itemOf[row] = id;
    if ((sample[row] as number) > maxSample) maxSample = sample[row] as number;
  }
  return { cellOf, firstRows, itemOf, firstItemRows, sampleCount: maxSample + 1 };
}

/** Questions (model, item_id) numbered in the first-seen order of their rows, per item. */
function numberQuestions(table: AnalysisTable, firstItemRows: number[]) {
  const items = table.levels.item.length;
  const questions = new DenseIds(table.levels.model.length * items);
  const questionOfItem = Int32Array.from(firstItemRows, (row) =>
    questions.idOf((table.model[row] as number) * items + (table.item[row] as number)),
  );
  return { questionOfItem, questionCount: questions.count };
}

function buildCellIndex(table: AnalysisTable): CellIndex {
  const { cellOf, firstRows, itemOf, firstItemRows, sampleCount } = numberRows(table);
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
    itemOf,
    itemCount: firstItemRows.length,
    ...numberQuestions(table, firstItemRows),
    sampleCount,
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
