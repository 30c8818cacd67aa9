/**
 * Errors and reports shared by every results reader (long CSV, JSON bundle, paper layout).
 *
 * Owns: `ResultsFormatError`, the one fatal error type of this module. Invariant: its message
 * always starts with the file name, then the line (CSV) or field path (JSON) when known, then
 * what was expected, so a user can find and fix the problem without reading code.
 */

/** A results file that cannot be read; names the file, the line when known and the problem. */
export class ResultsFormatError extends Error {
  override name = 'ResultsFormatError';
  constructor(
    readonly fileName: string,
    readonly detail: string,
    readonly line?: number,
  ) {
    super(line === undefined ? `${fileName}: ${detail}` : `${fileName}: line ${line}: ${detail}`);
  }
}

/** What a reader did with a file, for the import dialog. */
export interface ResultsReadReport {
  /** Which layout was recognised, e.g. `warmth-lab-long`, `paper-long`, `paper-per-model`. */
  layout: string;
  /** Data rows read (CSV records excluding the header, or bundle records). */
  rowsRead: number;
  recordsMade: number;
  /** Things the user should know that did not stop the import, each naming its line. */
  warnings: string[];
}

/** A short, user-readable description of any value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
