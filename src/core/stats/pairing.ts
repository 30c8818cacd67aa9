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

/** The condition (amendment_type, prompt_type) of each cell, and how many there are. */
function conditionsOf(table: AnalysisTable, cells: CellIndex): { of: Int32Array; count: number } {
  const prompts = table.levels.prompt.length;
  const of = Int32Array.from(
    { length: cells.count },
    (_, cell) => (cells.amendment[cell] as number) * prompts + (cells.prompt[cell] as number),
  );
  return { of, count: table.levels.amendment.length * prompts };
}

/**
 * Inner-joins base and warm rows among those with `isIncluded[row] === 1`. The pairing key is
 * (item (model, dataset, item_id); amendment_type, prompt_type; sample), item-major so the rows
 * of one item, usually adjacent in a file, use nearby slots; slot 2·key + arm holds row + 1
 * (0: empty). Keys are renumbered densely when the key space is too large.
 */
export function pairRows(table: AnalysisTable, isIncluded: Uint8Array): PairIndex {
  const cells = cellIndexOf(table);
  const { cellOf, itemOf, sampleCount } = cells;
  const { sample } = table;
  const conditions = conditionsOf(table, cells);
  const keyCount = cells.itemCount * conditions.count * sampleCount;
  const ids = 2 * keyCount <= MAX_DIRECT_SLOTS ? null : new Map<number, number>();
  const slots = new Int32Array(ids ? 2 * table.size : 2 * keyCount);
  const slotOf = new Int32Array(table.size); // slot + 1 of each included row (0: excluded)
  for (let row = 0; row < table.size; row++) {
    if (isIncluded[row] !== 1) continue;
    const cell = cellOf[row] as number;
    const condition = conditions.of[cell] as number;
    const raw =
      ((itemOf[row] as number) * conditions.count + condition) * sampleCount +
      (sample[row] as number);
    const slot = 2 * (ids ? compactKey(ids, raw) : raw) + (cell & 1);
    const earlier = (slots[slot] as number) - 1;
    if (earlier >= 0) throw duplicateError(table, row, earlier);
    slots[slot] = row + 1;
    slotOf[row] = slot + 1;
  }
  return joinPairs(table, slotOf, slots);
}

/** Pairs in base-row order; rows whose other arm's slot is empty are unpaired. */
function joinPairs(table: AnalysisTable, slotOf: Int32Array, slots: Int32Array): PairIndex {
  const base = new Int32Array(table.size);
  const warm = new Int32Array(table.size);
  let [count, unpairedBase, unpairedWarm] = [0, 0, 0];
  const examples: UnpairedRow[] = [];
  for (let row = 0; row < table.size; row++) {
    const stored = slotOf[row] as number;
    if (stored === 0) continue;
    // stored − 1 is the row's own slot; its partner's is the other one of the pair 2·key, 2·key + 1.
    const partner = (slots[(stored - 1) ^ 1] as number) - 1;
    const isWarm = ((stored - 1) & 1) === 1;
    if (partner >= 0) {
      if (!isWarm) {
        base[count] = row;
        warm[count++] = partner;
      }
      continue;
    }
    if (isWarm) unpairedWarm++;
    else unpairedBase++;
    if (examples.length < MAX_UNPAIRED_EXAMPLES) examples.push(describeRow(table, row));
  }
  const unpaired = {
    count: unpairedBase + unpairedWarm,
    base: unpairedBase,
    warm: unpairedWarm,
    examples,
  };
  return { base: base.slice(0, count), warm: warm.slice(0, count), count, unpaired };
}
