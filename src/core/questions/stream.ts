/**
 * Streaming readers that turn text chunks into CSV records, JSON lines or one JSON document.
 *
 * Owns: chunk iteration, progress reporting, line numbering and the translation of syntax
 * problems into `ImportError`s that name the file and line. Invariants: CSV and JSON Lines are
 * processed record by record, so memory stays proportional to one record; a whole-document JSON
 * is buffered only up to `MAX_WHOLE_JSON_CHARS` and refused with a clear error beyond that.
 */
import { CsvParser, CsvSyntaxError, toObjectRow } from '../csv';
import type { CsvRecord } from '../csv';
import { ImportError } from './importResult';

/** Whole-document JSON formats are parsed in one go; beyond this size we refuse politely. */
export const MAX_WHOLE_JSON_CHARS = 64 * 1024 * 1024;

export interface StreamOptions {
  fileName: string;
  /** Called after each chunk with the number of characters consumed so far. */
  onProgress?: (charsRead: number) => void;
}

/** Feeds every complete CSV record to `onRecord`; header handling is the caller's. */
export async function forEachCsvRecord(
  chunks: AsyncIterable<string>,
  options: StreamOptions,
  onRecord: (record: CsvRecord) => void,
): Promise<void> {
  const parser = new CsvParser();
  let charsRead = 0;
  try {
    for await (const chunk of chunks) {
      for (const record of parser.push(chunk)) onRecord(record);
      charsRead += chunk.length;
      options.onProgress?.(charsRead);
    }
    for (const record of parser.end()) onRecord(record);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new ImportError(
        options.fileName,
        `CSV: ${error.message.replace(/^line \d+: /, '')}`,
        error.line,
      );
    }
    throw error;
  }
}

/**
 * Reads a CSV with a header row and feeds each data row as a column→value object.
 * @throws ImportError naming missing `required` columns, or an empty file.
 */
export async function forEachCsvObject(
  chunks: AsyncIterable<string>,
  options: StreamOptions,
  required: readonly string[],
  onRow: (values: Record<string, string>, line: number) => void,
): Promise<void> {
  let header: string[] | undefined;
  await forEachCsvRecord(chunks, options, (record) => {
    if (header) {
      const row = toObjectRow(header, record);
      onRow(row.values, row.line);
      return;
    }
    header = record.fields.map((h) => h.trim());
    const missing = required.filter((c) => !header?.includes(c));
    if (missing.length > 0) {
      const names = missing.map((c) => `"${c}"`).join(', ');
      throw new ImportError(
        options.fileName,
        `missing column(s) ${names}; found ${header.join(', ')}`,
        record.line,
      );
    }
  });
  if (!header) throw new ImportError(options.fileName, 'file is empty (expected a CSV header row)');
}

function parseJsonLine(text: string, line: number, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      fileName,
      `invalid JSON (${why}); expected one complete JSON object per line (truncated file?)`,
      line,
    );
  }
}

/** Feeds every non-blank line, parsed as JSON, to `onValue` with its 1-based line number. */
export async function forEachJsonLine(
  chunks: AsyncIterable<string>,
  options: StreamOptions,
  onValue: (value: unknown, line: number) => void,
): Promise<void> {
  let pending = '';
  let line = 0;
  let charsRead = 0;
  let isFirst = true;
  const emit = (text: string): void => {
    line++;
    const trimmed = text.trim();
    if (trimmed !== '') onValue(parseJsonLine(trimmed, line, options.fileName), line);
  };
  for await (const chunk of chunks) {
    let text = pending + (isFirst ? chunk.replace(/^\ufeff/, '') : chunk);
    isFirst = false;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      emit(text.slice(0, newline));
      text = text.slice(newline + 1);
      newline = text.indexOf('\n');
    }
    pending = text;
    charsRead += chunk.length;
    options.onProgress?.(charsRead);
  }
  if (pending !== '') emit(pending);
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Turns a JSON.parse failure into an error with line and column (end of file when truncated). */
function describeJsonError(text: string, error: unknown, fileName: string): ImportError {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  const isAtEnd =
    !match ||
    /end of (JSON )?input|Unterminated/i.test(message) ||
    Number(match[1]) >= text.trimEnd().length;
  const offset = match && !isAtEnd ? Number(match[1]) : text.trimEnd().length;
  const { line, column } = lineAndColumn(text, offset);
  const what = isAtEnd
    ? 'JSON ends early (file truncated?)'
    : `invalid JSON at column ${column} (${message.replace(/ in JSON at position.*$/s, '')})`;
  return new ImportError(fileName, what, line);
}

/** Buffers a whole JSON document (bounded) and parses it. */
export async function readWholeJson(
  chunks: AsyncIterable<string>,
  options: StreamOptions,
): Promise<unknown> {
  const parts: string[] = [];
  let charsRead = 0;
  for await (const chunk of chunks) {
    charsRead += chunk.length;
    if (charsRead > MAX_WHOLE_JSON_CHARS) {
      const limitMb = MAX_WHOLE_JSON_CHARS / 1024 / 1024;
      throw new ImportError(
        options.fileName,
        `JSON document larger than ${limitMb} MB; convert it to JSON Lines (one item per line) to import it`,
      );
    }
    parts.push(chunk);
    options.onProgress?.(charsRead);
  }
  const text = parts.join('').replace(/^\ufeff/, '');
  if (text.trim() === '') throw new ImportError(options.fileName, 'file is empty (expected JSON)');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw describeJsonError(text, error, options.fileName);
  }
}

/** Yields a string as chunks, for `importText` and tests. */
export async function* chunksOf(text: string, size = 64 * 1024): AsyncIterable<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
