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
import { cellIndexOf } from './cells';

/** How many unpaired rows are listed by key; the rest are only counted. */
const MAX_UNPAIRED_EXAMPLES = 20;
/** Up to this many slots a flat Int32Array replaces the hash map (4 M slots = 16 MB). */
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

/**
 * Row slots keyed by (pairing key, arm): slot 2·key + isWarm. A flat array when the key space
 * is small, else a Map; −1 = empty.
 */
class SlotMap {
  readonly #direct: Int32Array | null;
  readonly #map = new Map<number, number>();

  constructor(keyCount: number) {
    this.#direct = 2 * keyCount <= MAX_DIRECT_SLOTS ? new Int32Array(2 * keyCount).fill(-1) : null;
  }

  get(slot: number): number {
    return this.#direct ? (this.#direct[slot] as number) : (this.#map.get(slot) ?? -1);
  }

  set(slot: number, row: number): void {
    if (this.#direct) this.#direct[slot] = row;
    else this.#map.set(slot, row);
  }
}

/**
 * The pairing slot of every included row (−1 for excluded rows): (model, dataset,
 * amendment_type, prompt_type) is the row's cell combo, then item and sample, then the arm.
 */
function pairSlots(
  table: AnalysisTable,
  isIncluded: Uint8Array,
): { slotOf: Float64Array; keyCount: number } {
  let maxSample = 0;
  for (let row = 0; row < table.size; row++)
    maxSample = Math.max(maxSample, table.sample[row] as number);
  const { cellOf, count } = cellIndexOf(table);
  const items = table.levels.item.length;
  const samples = maxSample + 1;
  const slotOf = new Float64Array(table.size).fill(-1);
  for (let row = 0; row < table.size; row++) {
    if (isIncluded[row] !== 1) continue;
    const cell = cellOf[row] as number;
    const key =
      ((cell >> 1) * items + (table.item[row] as number)) * samples + (table.sample[row] as number);
    slotOf[row] = 2 * key + (cell & 1);
  }
  return { slotOf, keyCount: (count / 2) * items * samples };
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
  const { slotOf, keyCount } = pairSlots(table, isIncluded);
  const slots = new SlotMap(keyCount);
  for (let row = 0; row < table.size; row++) {
    const slot = slotOf[row] as number;
    if (slot < 0) continue;
    const earlier = slots.get(slot);
    if (earlier >= 0) {
      throw new AnalysisInputError(
        `duplicate ${describeRow(table, row).variant} row for the same model, dataset, item_id, ` +
          `amendment_type, prompt_type and sample as line ${table.line[earlier]} ` +
          `(add a "sample" column to tell repeated samples apart)`,
        table.line[row] as number,
      );
    }
    slots.set(slot, row);
  }
  return joinPairs(table, slotOf, slots);
}

/** Pairs in base-row order; rows whose other arm's slot is empty are unpaired. */
function joinPairs(table: AnalysisTable, slotOf: Float64Array, slots: SlotMap): PairIndex {
  const base = new Int32Array(table.size);
  const warm = new Int32Array(table.size);
  let count = 0;
  const unpaired: PairIndex['unpaired'] = { count: 0, base: 0, warm: 0, examples: [] };
  for (let row = 0; row < table.size; row++) {
    const slot = slotOf[row] as number;
    if (slot < 0) continue;
    const isWarm = table.isWarm[row] === 1;
    const partner = slots.get(isWarm ? slot - 1 : slot + 1);
    if (partner >= 0) {
      if (!isWarm) {
        base[count] = row;
        warm[count++] = partner;
      }
      continue;
    }
    unpaired.count++;
    if (isWarm) unpaired.warm++;
    else unpaired.base++;
    if (unpaired.examples.length < MAX_UNPAIRED_EXAMPLES)
      unpaired.examples.push(describeRow(table, row));
  }
  return { base: base.slice(0, count), warm: warm.slice(0, count), count, unpaired };
}
