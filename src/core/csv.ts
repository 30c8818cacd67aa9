/**
 * RFC 4180 CSV reading and writing, shared by importers, graders, statistics and exports.
 *
 * Owns: a streaming parser that accepts text in chunks (so a 100 MB file never has to be one
 * string), BOM and CRLF handling, quoted fields with embedded newlines, and record line numbers
 * for error messages. Writing escapes spreadsheet formulas (cells starting with = + - @ get a
 * leading apostrophe) because exported model output is untrusted.
 */

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

/**
 * Incremental CSV parser: feed chunks with `push`, then call `end`. Records are returned as
 * soon as they are complete, so callers can report progress and keep memory flat.
 */
export class CsvParser {
  #field = '';
  #fields: string[] = [];
  #isQuoted = false;
  #wasQuoteSeen = false;
  #line = 1;
  #recordLine = 1;
  #isFirstChunk = true;
  #isFieldStarted = false;

  /** Parses one chunk and returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    let text = chunk;
    if (this.#isFirstChunk) {
      this.#isFirstChunk = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: CsvRecord[] = [];
    for (let i = 0; i < text.length; i++) this.#step(text[i] as string, out);
    return out;
  }

  /** Finishes parsing; throws on an unterminated quoted field. */
  end(): CsvRecord[] {
    if (this.#isQuoted) {
      throw new CsvSyntaxError('unterminated quoted field (file truncated?)', this.#recordLine);
    }
    const out: CsvRecord[] = [];
    if (this.#isFieldStarted || this.#fields.length > 0) this.#endRecord(out);
    return out;
  }

  #step(ch: string, out: CsvRecord[]): void {
    if (this.#isQuoted) {
      if (this.#wasQuoteSeen) {
        this.#wasQuoteSeen = false;
        if (ch === '"') {
          this.#field += '"';
          return;
        }
        this.#isQuoted = false;
      } else if (ch === '"') {
        this.#wasQuoteSeen = true;
        return;
      } else {
        if (ch === '\n') this.#line++;
        this.#field += ch;
        return;
      }
    }
    this.#stepUnquoted(ch, out);
  }

  #stepUnquoted(ch: string, out: CsvRecord[]): void {
    if (ch === '"' && !this.#isFieldStarted) {
      this.#isQuoted = true;
      this.#isFieldStarted = true;
    } else if (ch === ',') {
      this.#fields.push(this.#field);
      this.#field = '';
      this.#isFieldStarted = false;
    } else if (ch === '\n') {
      this.#endRecord(out);
      this.#line++;
      this.#recordLine = this.#line;
    } else if (ch !== '\r') {
      this.#field += ch;
      this.#isFieldStarted = true;
    }
  }

  #endRecord(out: CsvRecord[]): void {
    this.#fields.push(this.#field);
    const isBlank = this.#fields.length === 1 && this.#fields[0] === '';
    if (!isBlank) out.push({ fields: this.#fields, line: this.#recordLine });
    this.#fields = [];
    this.#field = '';
    this.#isFieldStarted = false;
  }
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
