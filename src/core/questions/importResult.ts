/**
 * The outcome vocabulary of every question importer.
 *
 * Owns: `ImportReport`, `ImportResult`, the fatal `ImportError` and per-family counts.
 * Invariants: imports are all-or-nothing (a fatal problem throws and nothing partial escapes);
 * every skipped row carries its line and a human reason; item ids are unique within one import
 * (enforced by `ItemCollector` in collector.ts).
 */
import type { Family, Item } from '../types';
import type { FormatId } from './formats';

/** A source row that could not become an item, with why. */
export interface SkippedRow {
  line: number;
  reason: string;
}

export interface ImportReport {
  format: FormatId;
  /** Data rows (CSV records, JSON lines, array elements) read, excluding headers. */
  rowsRead: number;
  itemsMade: number;
  skipped: SkippedRow[];
}

export interface ImportResult {
  items: Item[];
  report: ImportReport;
}

/** A fatal import problem; the message names the file, the line (when known) and what was expected. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly fileName: string,
    readonly detail: string,
    readonly line?: number,
  ) {
    super(line === undefined ? `${fileName}: ${detail}` : `${fileName}: line ${line}: ${detail}`);
  }
}

/** Counts items per family (all four families present, zero when absent). */
export function countByFamily(items: readonly { family: Family }[]): Record<Family, number> {
  const counts: Record<Family, number> = {
    factual: 0,
    misconception: 0,
    conspiracy: 0,
    medical: 0,
  };
  for (const item of items) counts[item.family]++;
  return counts;
}
