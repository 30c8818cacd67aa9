/**
 * Joining analysis tables read from consecutive parts of one results file (the CLI reads a big
 * file in two threads).
 *
 * Owns: `concatTables`. Invariant: the result equals the table one builder would have made from
 * the whole file — rows in file order, each level dictionary the sorted union of the parts'
 * (so codes match), lines and skipped rows shifted by where the second part starts — or it is
 * null when the union passes a level limit (the one-builder read then reports that row).
 */
import type { AnalysisTable, TableLevels } from './analysisRows';
import type { LevelKey } from './tableColumns';
import { LEVEL_LIMITS, allocateColumns } from './tableColumns';

const LEVEL_KEYS: readonly LevelKey[] = ['model', 'dataset', 'item', 'amendment', 'prompt'];
const FLAG_KEYS = ['sample', 'isWarm', 'isCorrect', 'isRefusal'] as const;

type Codes = Uint8Array | Uint16Array | Uint32Array;

/** Writes `codes` renumbered through `remap` into `out` from `offset`. */
function copyRemapped(out: Codes, codes: Codes, remap: Int32Array, offset: number): void {
  for (let i = 0; i < codes.length; i++) out[offset + i] = remap[codes[i] as number] as number;
}

/** The sorted union of two sorted level lists (as the builder sorts: default string order). */
function unionOf(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])].sort();
}

/**
 * The table of `first`'s rows followed by `second`'s, whose line numbers are shifted by
 * `lineOffset`; null when a level dictionary would pass its limit.
 */
export function concatTables(
  first: AnalysisTable,
  second: AnalysisTable,
  lineOffset: number,
): AnalysisTable | null {
  const size = first.size + second.size;
  const out = allocateColumns(size);
  const levels = {} as TableLevels;
  for (const key of LEVEL_KEYS) {
    const union = unionOf(first.levels[key], second.levels[key]);
    if (union.length - 1 > LEVEL_LIMITS[key]) return null;
    levels[key] = union;
    const rank = new Map(union.map((value, code) => [value, code]));
    const remap = (values: readonly string[]) =>
      Int32Array.from(values, (value) => rank.get(value) as number);
    copyRemapped(out[key], first[key], remap(first.levels[key]), 0);
    copyRemapped(out[key], second[key], remap(second.levels[key]), first.size);
  }
  for (const key of FLAG_KEYS) {
    out[key].set(first[key]);
    out[key].set(second[key], first.size);
  }
  out.line.set(first.line);
  for (let i = 0; i < second.size; i++)
    out.line[first.size + i] = (second.line[i] as number) + lineOffset;
  const shifted = second.skipped.map(({ line, reason }) => ({ line: line + lineOffset, reason }));
  return { size, levels, ...out, skipped: [...first.skipped, ...shifted] };
}
