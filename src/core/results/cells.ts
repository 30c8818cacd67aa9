/**
 * Cell-level encoding shared by the CSV writers and readers of this module.
 *
 * Owns: making formula protection reversible, and typed reads of CSV cells with precise
 * errors. `writeCsv` puts an apostrophe before any cell starting with = + - @ tab or CR so a
 * spreadsheet never runs model output as a formula. To read such a file back exactly, a value
 * that already starts with apostrophes followed by one of those characters gets one more
 * apostrophe on the way out, and the reader always removes exactly one. Invariant:
 * `restoreCell(escape(protectCell(v)))` equals `v` for every string `v`.
 */
import type { CsvObjectRow } from '../csv';
import { ResultsFormatError } from './errors';

/** Apostrophes followed by a character that `writeCsv` guards against. */
const GUARDED_START = /^'+[=+\-@\t\r]/;

/** Prepares a string for `writeCsv` so that reading it back with `restoreCell` is exact. */
export function protectCell(value: string): string {
  return GUARDED_START.test(value) ? `'${value}` : value;
}

/** Undoes the apostrophe added by `writeCsv` (or by `protectCell`). */
export function restoreCell(value: string): string {
  return GUARDED_START.test(value) ? value.slice(1) : value;
}

/** Typed access to one CSV row, throwing errors that name the file, line and column. */
export class RowReader {
  constructor(
    readonly fileName: string,
    readonly row: CsvObjectRow,
  ) {}

  /** The cell's text with formula protection undone ('' when the column is absent). */
  text(column: string): string {
    return restoreCell(this.row.values[column] ?? '');
  }

  /** A cell that must not be empty. */
  required(column: string): string {
    const value = this.text(column);
    if (value.trim() === '') this.fail(`column ${column} is empty`);
    return value;
  }

  /** A whole number ≥ 0; `fallback` when empty (or an error when there is no fallback). */
  wholeNumber(column: string, fallback?: number): number {
    const value = this.text(column).trim();
    if (value === '' && fallback !== undefined) return fallback;
    const number = Number(value);
    if (value === '' || !Number.isInteger(number) || number < 0) {
      this.fail(`column ${column} should be a whole number ≥ 0, found "${value}"`);
    }
    return number;
  }

  /** A finite number, or undefined when the cell is empty. */
  optionalNumber(column: string): number | undefined {
    const value = this.text(column).trim();
    if (value === '') return undefined;
    const number = Number(value);
    if (!Number.isFinite(number))
      this.fail(`column ${column} should be a number, found "${value}"`);
    return number;
  }

  /** `true` / `false` (any case) or undefined when empty. */
  optionalBoolean(column: string): boolean | undefined {
    const value = this.text(column).trim().toLowerCase();
    if (value === '') return undefined;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return this.fail(`column ${column} should be true or false, found "${value}"`);
  }

  /** One of `allowed`, else an error listing them. */
  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const value = this.text(column).trim();
    const match = allowed.find((candidate) => candidate === value);
    if (match === undefined) {
      this.fail(`column ${column} should be one of ${allowed.join(', ')}, found "${value}"`);
    }
    return match;
  }

  fail(detail: string): never {
    throw new ResultsFormatError(this.fileName, detail, this.row.line);
  }
}
