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

/** How many unpaired rows are listed by key; the rest are only counted. */
const MAX_UNPAIRED_EXAMPLES = 20;
/** Up to this many key slots a flat Int32Array replaces the hash map (4 M slots = 16 MB). */
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

/** A numeric pairing key per row (mixed radix over the level counts). */
function keyOf(table: AnalysisTable, row: number, maxSample: number): number {
  const { levels } = table;
  let key = table.model[row] as number;
  key = key * levels.dataset.length + (table.dataset[row] as number);
  key = key * levels.item.length + (table.item[row] as number);
  key = key * levels.amendment.length + (table.amendment[row] as number);
  key = key * levels.prompt.length + (table.prompt[row] as number);
  return key * (maxSample + 1) + (table.sample[row] as number);
}

/** Maps keys to row indices: a flat array when the key space is small, else a Map. */
function createSlotMap(slotCount: number): {
  get: (key: number) => number;
  set: (key: number, row: number) => void;
} {
  if (slotCount <= MAX_DIRECT_SLOTS) {
    const slots = new Int32Array(slotCount).fill(-1);
    return { get: (key) => slots[key] as number, set: (key, row) => void (slots[key] = row) };
  }
  const map = new Map<number, number>();
  return { get: (key) => map.get(key) ?? -1, set: (key, row) => void map.set(key, row) };
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

/** Inner-joins base and warm rows among those with `isIncluded[row] === 1`. */
export function pairRows(table: AnalysisTable, isIncluded: Uint8Array): PairIndex {
  let maxSample = 0;
  for (let row = 0; row < table.size; row++)
    maxSample = Math.max(maxSample, table.sample[row] as number);
  const { levels } = table;
  const slotCount =
    levels.model.length *
    levels.dataset.length *
    levels.item.length *
    levels.amendment.length *
    levels.prompt.length *
    (maxSample + 1);
  const baseSlots = createSlotMap(slotCount);
  const warmSlots = createSlotMap(slotCount);
  for (let row = 0; row < table.size; row++) {
    if (isIncluded[row] !== 1) continue;
    const slots = table.isWarm[row] === 1 ? warmSlots : baseSlots;
    const key = keyOf(table, row, maxSample);
    const earlier = slots.get(key);
    if (earlier >= 0) {
      throw new AnalysisInputError(
        `duplicate ${describeRow(table, row).variant} row for the same model, dataset, item_id, ` +
          `amendment_type, prompt_type and sample as line ${table.line[earlier]} ` +
          `(add a "sample" column to tell repeated samples apart)`,
        table.line[row] as number,
      );
    }
    slots.set(key, row);
  }
  return joinPairs(table, isIncluded, maxSample, baseSlots.get, warmSlots.get);
}

function joinPairs(
  table: AnalysisTable,
  isIncluded: Uint8Array,
  maxSample: number,
  baseOf: (key: number) => number,
  warmOf: (key: number) => number,
): PairIndex {
  const base: number[] = [];
  const warm: number[] = [];
  const unpaired: PairIndex['unpaired'] = { count: 0, base: 0, warm: 0, examples: [] };
  for (let row = 0; row < table.size; row++) {
    if (isIncluded[row] !== 1) continue;
    const isWarm = table.isWarm[row] === 1;
    const partner = (isWarm ? baseOf : warmOf)(keyOf(table, row, maxSample));
    if (partner >= 0) {
      if (!isWarm) {
        base.push(row);
        warm.push(partner);
      }
      continue;
    }
    unpaired.count++;
    if (isWarm) unpaired.warm++;
    else unpaired.base++;
    if (unpaired.examples.length < MAX_UNPAIRED_EXAMPLES)
      unpaired.examples.push(describeRow(table, row));
  }
  return { base: Int32Array.from(base), warm: Int32Array.from(warm), count: base.length, unpaired };
}
