/**
 * Pairing of base and warm answers to the same prompt.
 *
 * Owns: the pairing key (model, dataset, item_id, amendment_type, prompt_type, sample) and the
 * inner join. Invariants: rows without a partner are counted and listed (with their source
 * lines), never dropped silently; two rows of the same arm with the same key are an input
 * error (they would make the pairing ambiguous), reported with both lines.
 */
import type { AnalysisTable } from './analysisRows';
import { AnalysisInputError } from './analysisRows';
import type { CellIndex } from './cells';
import { cellIndexOf } from './cells';

/** How many unpaired rows are listed by key; the rest are only counted. */
const MAX_UNPAIRED_EXAMPLES = 20;
/** Up to this many slots the pairing keys index a flat Int32Array directly (4 M slots = 16 MB). */
const MAX_DIRECT_SLOTS = 1 << 22;

export interface UnpairedRow {
  line: number;
  variant: 'base' | 'warm';
  model: string;
  dataset: string;
  item_id: string;
  amendment_type: string;
  prompt_type: string;
  sample: number;
}

export interface PairIndex {
  /** Row indices of the base and warm member of each pair. */
  base: Int32Array;
  warm: Int32Array;
  count: number;
  unpaired: { count: number; base: number; warm: number; examples: UnpairedRow[] };
}

function describeRow(table: AnalysisTable, row: number): UnpairedRow {
  const { levels } = table;
  return {
    line: table.line[row] as number,
    variant: table.isWarm[row] === 1 ? 'warm' : 'base',
    model: levels.model[table.model[row] as number] as string,
    dataset: levels.dataset[table.dataset[row] as number] as string,
    item_id: levels.item[table.item[row] as number] as string,
    amendment_type: levels.amendment[table.amendment[row] as number] as string,
    prompt_type: levels.prompt[table.prompt[row] as number] as string,
    sample: table.sample[row] as number,
  };
}

function duplicateError(table: AnalysisTable, row: number, earlier: number): AnalysisInputError {
  return new AnalysisInputError(
    `duplicate ${describeRow(table, row).variant} row for the same model, dataset, item_id, ` +
      `amendment_type, prompt_type and sample as line ${table.line[earlier]} ` +
      `(add a "sample" column to tell repeated samples apart)`,
    table.line[row] as number,
  );
}

/** Dense ids for pairing keys when the key space is too large for a flat array. */
function compactKey(ids: Map<number, number>, key: number): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/** Pairs found so far, in the order their second row was seen, and the included rows per arm. */
interface PairScan {
  base: Int32Array;
  warm: Int32Array;
  count: number;
  /** Whether `base` is ascending (found in base-row order, as when arms sit side by side). */
  isInBaseOrder: boolean;
  rows: [number, number];
}

/**
 * Puts every included row in its slot (2·key + arm, holding row + 1) and pairs it with the row
 * already in the other arm's slot, if any; a second row in an occupied slot is a duplicate.
 */
function scanRows(
  table: AnalysisTable,
  isIncluded: Uint8Array,
  slots: Int32Array,
  keys: PairKeys,
): PairScan {
  const { cellOf, itemOf } = keys.cells;
  const { sample } = table;
  const { conditionOf, conditions, samples, ids } = keys;
  const [base, warm] = [new Int32Array(table.size >> 1), new Int32Array(table.size >> 1)];
  let [count, lastBase, warmRows, isInBaseOrder] = [0, -1, 0, true];
  let included = 0;
  for (let row = 0; row < table.size; row++) {
    if (isIncluded[row] !== 1) continue;
    included++;
    const cell = cellOf[row] as number;
    const raw =
      ((itemOf[row] as number) * conditions + (conditionOf[cell] as number)) * samples +
      (sample[row] as number);
    const arm = cell & 1;
    const slot = 2 * (ids ? compactKey(ids, raw) : raw) + arm;
    if (slots[slot] !== 0) throw duplicateError(table, row, (slots[slot] as number) - 1);
    slots[slot] = row + 1;
    warmRows += arm;
    const partner = (slots[slot ^ 1] as number) - 1;
    if (partner < 0) continue;
    const baseRow = arm === 1 ? partner : row;
    if (baseRow < lastBase) isInBaseOrder = false;
    base[count] = lastBase = baseRow;
    warm[count++] = arm === 1 ? row : partner;
  }
  return { base, warm, count, isInBaseOrder, rows: [included - warmRows, warmRows] };
}

interface PairKeys {
  cells: CellIndex;
  /** The condition (amendment_type, prompt_type) of each cell, and how many there are. */
  conditionOf: Int32Array;
  conditions: number;
  samples: number;
  /** Dense renumbering of keys when the key space is too large for a flat array. */
  ids: Map<number, number> | null;
  keyCount: number;
}

function pairKeysOf(table: AnalysisTable): PairKeys {
  const cells = cellIndexOf(table);
  const prompts = table.levels.prompt.length;
  const conditionOf = Int32Array.from(
    { length: cells.count },
    (_, cell) => (cells.amendment[cell] as number) * prompts + (cells.prompt[cell] as number),
  );
  const conditions = table.levels.amendment.length * prompts;
  const keyCount = cells.itemCount * conditions * cells.sampleCount;
  const ids = 2 * keyCount <= MAX_DIRECT_SLOTS ? null : new Map<number, number>();
  return { cells, conditionOf, conditions, samples: cells.sampleCount, ids, keyCount };
}

/**
 * Inner-joins base and warm rows among those with `isIncluded[row] === 1`, pairs in base-row
 * order. The pairing key is (item (model, dataset, item_id); amendment_type, prompt_type;
 * sample), item-major so the rows of one item, usually adjacent in a file, use nearby slots.
 * One pass finds the pairs; a second is needed only when they were not found in base-row order.
 */
export function pairRows(table: AnalysisTable, isIncluded: Uint8Array): PairIndex {
  const keys = pairKeysOf(table);
  const slots = new Int32Array(keys.ids ? 2 * table.size : 2 * keys.keyCount);
  const scan = scanRows(table, isIncluded, slots, keys);
  const { count } = scan;
  const [base, warm] = scan.isInBaseOrder
    ? [scan.base.slice(0, count), scan.warm.slice(0, count)]
    : pairsInBaseOrder(table, slots, keys, isIncluded, count);
  const [baseRows, warmRows] = scan.rows;
  const unpairedCount = baseRows + warmRows - 2 * count;
  const unpaired = {
    count: unpairedCount,
    base: baseRows - count,
    warm: warmRows - count,
    examples: unpairedExamples(table, isIncluded, slots, keys, unpairedCount),
  };
  return { base, warm, count, unpaired };
}

/** The slot of an included row (its key already numbered by `scanRows`). */
function slotOfRow(table: AnalysisTable, keys: PairKeys, row: number): number {
  const cell = keys.cells.cellOf[row] as number;
  const raw =
    ((keys.cells.itemOf[row] as number) * keys.conditions + (keys.conditionOf[cell] as number)) *
      keys.samples +
    (table.sample[row] as number);
  return 2 * (keys.ids ? (keys.ids.get(raw) as number) : raw) + (cell & 1);
}

/** The pairs in base-row order, for rows that were not found in that order. */
function pairsInBaseOrder(
  table: AnalysisTable,
  slots: Int32Array,
  keys: PairKeys,
  isIncluded: Uint8Array,
  count: number,
): [Int32Array, Int32Array] {
  const base = new Int32Array(count);
  const warm = new Int32Array(count);
  let at = 0;
  for (let row = 0; row < table.size; row++) {
    if (isIncluded[row] !== 1 || table.isWarm[row] === 1) continue;
    const partner = (slots[slotOfRow(table, keys, row) ^ 1] as number) - 1;
    if (partner < 0) continue;
    base[at] = row;
    warm[at++] = partner;
  }
  return [base, warm];
}

/** The first MAX_UNPAIRED_EXAMPLES unpaired rows, in row order (the scan stops there). */
function unpairedExamples(
  table: AnalysisTable,
  isIncluded: Uint8Array,
  slots: Int32Array,
  keys: PairKeys,
  unpairedCount: number,
): UnpairedRow[] {
  const examples: UnpairedRow[] = [];
  const wanted = Math.min(MAX_UNPAIRED_EXAMPLES, unpairedCount);
  for (let row = 0; row < table.size && examples.length < wanted; row++) {
    if (isIncluded[row] !== 1) continue;
    if (slots[slotOfRow(table, keys, row) ^ 1] === 0) examples.push(describeRow(table, row));
  }
  return examples;
}
