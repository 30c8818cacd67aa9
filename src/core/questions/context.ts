/**
 * What a format importer receives and exposes.
 *
 * Owns: `ImportOptions` (the caller's knobs), `ImportContext` (options plus the collector) and
 * `RowSink` (the record-at-a-time interface of streaming formats). Invariant: sinks never see
 * the whole file; anything that needs all rows (derived wrong answers, grouping) happens in
 * `finish`.
 */
import type { Family } from '../types';
import type { ItemCollector } from './collector';
import type { ColumnMapping } from './mapped';

export interface ImportOptions {
  /** Shown in every error message and stored as `source.ref`. */
  fileName: string;
  /** Called after each chunk with the number of characters consumed so far. */
  onProgress?: (charsRead: number) => void;
  /** Seed for deterministic choices (wrong-answer picks); default "warmth-lab". */
  seed?: string;
  /** Family for files that do not say (paper prompt files whose name does not tell). */
  family?: Family;
  /** MedQA: rewrite vignettes that safely allow it in the first person ("I'm a 45-year-old…"). */
  isFirstPerson?: boolean;
  /** Column mapping for `generic-csv` / `generic-json`. */
  mapping?: ColumnMapping;
}

export const DEFAULT_SEED = 'warmth-lab';

export interface ImportContext {
  fileName: string;
  seed: string;
  options: ImportOptions;
  collector: ItemCollector;
}

/** A streaming format: receives one record at a time, then `finish`. */
export interface RowSink {
  /** CSV columns that must be present (checked against the header before any row). */
  requiredColumns?: readonly string[];
  accept(values: Record<string, unknown>, line: number): void;
  finish?(): void;
}

/** A required, non-empty string field (trimmed), or undefined when absent/blank. */
export function readString(values: Record<string, unknown>, key: string): string | undefined {
  const value = values[key];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** The keys of `record` that are missing from `required`, for "missing columns" errors. */
export function missingKeys(
  record: Record<string, unknown>,
  required: readonly string[],
): string[] {
  return required.filter((key) => !(key in record));
}
