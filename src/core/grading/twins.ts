/**
 * Borrowing answers between rows of the same item ("twins").
 *
 * Owns: `fillFromTwins`. The paper's published tables repeat each question across arms (base and
 * warm) and prompt types, but wrote the answer columns only on some rows. A row without answers
 * can be graded against the item of another row with the same `item_id` and dataset: the
 * question, the reference answers and the options are properties of the item, not of the row.
 * Invariants: only rows with a non-empty `item_id` are joined (a line-number id is no identity);
 * the donor is the first row of that dataset and id that has an item; a filled row keeps its own
 * line, output, prompt and evaluation, shares the donor's item (whose source still names the
 * donor's line) and records that line in `filledFromLine`; the input is never mutated.
 */
import type { OutputRow } from './outputTable';

/** Result of `fillFromTwins`: the rows (same order and length) and how many were filled. */
export interface TwinFill {
  rows: OutputRow[];
  filled: number;
}

function twinKey(row: OutputRow): string | null {
  return row.itemId === undefined ? null : `${row.dataset.toLowerCase()}\u0000${row.itemId}`;
}

/**
 * Gives every answerless row with an `item_id` the item of the first row sharing its dataset and
 * `item_id` that has answers. Rows with no such twin stay ungraded, with their reason.
 */
export function fillFromTwins(rows: readonly OutputRow[]): TwinFill {
  const donors = new Map<string, OutputRow>();
  for (const row of rows) {
    const key = twinKey(row);
    if (key !== null && row.item && !donors.has(key)) donors.set(key, row);
  }
  let filled = 0;
  const result = rows.map((row): OutputRow => {
    const key = twinKey(row);
    const donor = key === null || row.item ? undefined : donors.get(key);
    if (!donor?.item) return row;
    filled++;
    const { notGradedReason: _reason, ...rest } = row;
    return { ...rest, item: donor.item, filledFromLine: donor.line };
  });
  return { rows: result, filled };
}
