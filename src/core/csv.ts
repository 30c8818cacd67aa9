/**
 * CSV reading and writing, shared by importers, graders, statistics and exports.
 *
 * Owns: one reader for every CSV in the app — papaparse's core parser (RFC 4180 quoting,
 * embedded newlines, a quoted last field with or without a final newline) driven in chunks, so
 * a 100 MB file never has to be one array of rows — plus BOM and CRLF handling, blank-line
 * skipping and the 1-based physical line each record starts on, for error messages.
 * Invariants: malformed quoting is a CsvSyntaxError naming the line, never a silent guess;
 * writing escapes spreadsheet formulas (cells starting with = + - @ get a leading apostrophe)
 * because exported model output is untrusted.
 */
import Papa from 'papaparse';

/** One parsed record with the 1-based physical line it started on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

const ERROR_TEXT: Readonly<Record<string, string>> = {
  MissingQuotes: 'unterminated quoted field (file truncated?)',
  InvalidQuotes:
    'malformed quoted field (a closing quote must be followed by a comma or the end of the line; write a quote inside a field as "")',
};

/** The line break of the file, from its first line: CRLF when the first newline follows a CR. */
function detectNewline(text: string): '\n' | '\r\n' | null {
  const at = text.indexOf('\n');
  if (at < 0) return null;
  return at > 0 && text.charCodeAt(at - 1) === 13 ? '\r\n' : '\n';
}

/**
 * Incremental CSV parser: feed chunks with `push`, then call `end`. Records are returned as
 * soon as they are complete, so callers can report progress and keep memory flat.
 */
export class CsvParser {
  /** Text after the last complete record. */
  #pending = '';
  /** Physical line at the start of `#pending`. */
  #line = 1;
  #isFirstChunk = true;
  #newline: '\n' | '\r\n' | null = null;

  /** Parses one chunk and returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    let text = chunk;
    if (this.#isFirstChunk && text.length > 0) {
      this.#isFirstChunk = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.#pending += text;
    return this.#parse(false);
  }

  /** Finishes parsing; throws a CsvSyntaxError on an unterminated quoted field. */
  end(): CsvRecord[] {
    return this.#parse(true);
  }

  #parse(isFinal: boolean): CsvRecord[] {
    const input = this.#pending;
    this.#newline ??= detectNewline(input);
    if (input === '' || (this.#newline === null && !isFinal)) return [];
    const newline = this.#newline ?? '\n';
    const parser = new Papa.Parser({ delimiter: ',', newline, quoteChar: '"' });
    const result = parser.parse(input, 0, !isFinal) as Papa.ParseResult<string[]>;
    const rows = result.data;
    // With more text to come, an error in the unfinished last row is judged when it completes.
    const firstError = result.errors.find((error) =>
      isFinal ? (error.row ?? 0) <= rows.length : (error.row ?? 0) < rows.length,
    );
    const out: CsvRecord[] = [];
    // Fields can only hold newlines when the chunk has quotes and more newlines than rows.
    const consumed = isFinal ? input.length : result.meta.cursor;
    const hasEmbeddedNewlines =
      input.includes('"') && countNewlines(input, consumed) > rows.length - (isFinal ? 1 : 0);
    // A '\n' file can still end some lines in CR (mixed endings); most chunks hold no CR at all.
    const hasStrayCr = newline === '\n' && input.includes('\r');
    let line = this.#line;
    for (let r = 0; r < rows.length; r++) {
      if (firstError && firstError.row === r) break;
      const fields = rows[r] as string[];
      const last = fields.length - 1;
      if (hasStrayCr && (fields[last] as string).endsWith('\r')) {
        fields[last] = (fields[last] as string).slice(0, -1);
      }
      if (last > 0 || fields[0] !== '') out.push({ fields, line });
      line += 1 + (hasEmbeddedNewlines ? embeddedNewlines(fields) : 0);
    }
    if (firstError) {
      throw new CsvSyntaxError(ERROR_TEXT[firstError.code] ?? firstError.message, line);
    }
    this.#pending = isFinal ? '' : input.slice(result.meta.cursor);
    this.#line = line;
    return out;
  }
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function embeddedNewlines(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) count++;
  }
  return count;
}

/** Parses a whole CSV text into records (blank lines skipped). */
export function parseCsv(text: string): CsvRecord[] {
  const parser = new CsvParser();
  const records = parser.push(text);
  records.push(...parser.end());
  return records;
}

/**
 * Parses CSV text with a header row into objects keyed by column name.
 * Throws a CsvSyntaxError naming the line when a row's field count differs from the header's.
 */
export function parseCsvObjects(text: string): { header: string[]; rows: CsvObjectRow[] } {
  const records = parseCsv(text);
  const head = records.shift();
  if (!head) return { header: [], rows: [] };
  const header = head.fields.map((h) => h.trim());
  const rows = records.map((record) => toObjectRow(header, record));
  return { header, rows };
}

export interface CsvObjectRow {
  values: Record<string, string>;
  line: number;
}

/** Maps one record onto the header, with a line-numbered error on a field-count mismatch. */
export function toObjectRow(header: string[], record: CsvRecord): CsvObjectRow {
  if (record.fields.length !== header.length) {
    throw new CsvSyntaxError(
      `expected ${header.length} fields (${header.join(', ')}), found ${record.fields.length}`,
      record.line,
    );
  }
  const values: Record<string, string> = {};
  header.forEach((name, i) => {
    values[name] = record.fields[i] ?? '';
  });
  return { values, line: record.line };
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes one cell for CSV output and neutralises spreadsheet formulas. */
export function escapeCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Serialises rows (with a header) as CSV text with `\n` line endings. */
export function writeCsv(header: string[], rows: Record<string, unknown>[]): string {
  const lines = [header.map((h) => escapeCsvCell(h)).join(',')];
  for (const row of rows) {
    lines.push(header.map((h) => escapeCsvCell(row[h] as string | number | undefined)).join(','));
  }
  return `${lines.join('\n')}\n`;
}
