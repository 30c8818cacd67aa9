/**
 * The fast lane of Warmth Lab's one CSV reader (csv.ts), for big files that are plainly regular.
 *
 * Owns: `scanRegularCsv`, a field scanner that hands each record to a callback in a reused
 * array, so a 440,000-row results file is read without papaparse's per-row arrays or a record
 * object per row (issue 12: the reader was half of `analyze`'s time).
 * Invariants: it yields exactly the records `parseCsv` would, or it declines (returns null)
 * where papaparse or CsvParser might read the text differently — a quote inside an unquoted
 * field, text after a closing quote, an unterminated quote, a CRLF file with a bare LF row end,
 * a quoted last field ending in CR. A caller that sees null discards what it got and re-reads
 * with `CsvParser`, which owns every error message. A test compares both readers on the real
 * fixtures and on thousands of generated edge cases.
 */

/**
 * Called once per record with the 1-based line it starts on and the index in the text where it
 * starts (for progress); `fields` is reused for the next record, so copy what you keep.
 */
export type RecordSink = (fields: string[], line: number, at: number) => void;

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const NEWLINE = 10;
/** What a field reader returns: another field follows, the row ended, or decline. */
const NEXT_FIELD = 1;
const ROW_END = 0;
const DECLINE = -1;

interface ScanState {
  readonly text: string;
  readonly isCrlf: boolean;
  readonly fields: string[];
  pos: number;
  /** Newlines inside quoted fields of the current record (they add physical lines). */
  embedded: number;
}

/**
 * An unquoted field from `pos`: up to a comma, or to the row's line break (a CR before it is
 * not content: CRLF files split on CRLF, and CsvParser drops a last field's CR in LF files).
 */
function readPlain(state: ScanState, index: number): number {
  const { text } = state;
  const start = state.pos;
  const end = text.length;
  let at = start;
  let code = 0;
  while (at < end) {
    code = text.charCodeAt(at);
    if (code === COMMA || code === NEWLINE || code === QUOTE) break;
    at++;
  }
  if (code === QUOTE && at < end) return DECLINE;
  state.pos = at + 1;
  if (code === COMMA && at < end) {
    state.fields[index] = text.slice(start, at);
    return NEXT_FIELD;
  }
  const isCrBefore = at > start && text.charCodeAt(at - 1) === CR;
  // A bare LF ends no row of a CRLF file for papaparse; a CR at the very end stays there.
  if (state.isCrlf && at < end && !isCrBefore) return DECLINE;
  const stripsCr = isCrBefore && (at < end || !state.isCrlf);
  state.fields[index] = text.slice(start, stripsCr ? at - 1 : at);
  return ROW_END;
}

/** A quoted field from `pos` (its opening quote); returns as readPlain does. */
function readQuoted(state: ScanState, index: number): number {
  const { text } = state;
  const start = state.pos + 1;
  let close = text.indexOf('"', start);
  let hasEscapes = false;
  while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) {
    hasEscapes = true;
    close = text.indexOf('"', close + 2);
  }
  if (close < 0) return DECLINE;
  for (let at = text.indexOf('\n', start); at >= 0 && at < close; at = text.indexOf('\n', at + 1)) {
    state.embedded++;
  }
  const value = text.slice(start, close);
  state.fields[index] = hasEscapes ? value.replaceAll('""', '"') : value;
  const next = close + 1;
  const after = text.charCodeAt(next);
  if (next === text.length) {
    state.pos = next;
    // CsvParser drops a CR ending an LF file's last field even inside quotes: leave it that.
    return !state.isCrlf && text.charCodeAt(close - 1) === CR ? DECLINE : ROW_END;
  }
  if (after === COMMA) {
    state.pos = next + 1;
    return NEXT_FIELD;
  }
  const breakLength = state.isCrlf ? 2 : 1;
  if (state.isCrlf ? after !== CR || text.charCodeAt(next + 1) !== NEWLINE : after !== NEWLINE) {
    return DECLINE;
  }
  if (!state.isCrlf && text.charCodeAt(close - 1) === CR) return DECLINE;
  state.pos = next + breakLength;
  return ROW_END;
}

/** Reads one record into `state.fields`; its field count, or −1 to decline. */
function readRecord(state: ScanState): number {
  state.embedded = 0;
  let count = 0;
  for (;;) {
    const isQuoted = state.text.charCodeAt(state.pos) === QUOTE;
    const outcome = isQuoted ? readQuoted(state, count) : readPlain(state, count);
    if (outcome === DECLINE) return -1;
    count++;
    if (outcome === ROW_END) return count;
  }
}

/**
 * Scans a CSV text record by record (blank lines skipped, 1-based start line of each record),
 * as `parseCsv` reads it. Returns the line after the last record read (for a text that ends in
 * a newline, one more than its newlines), or null — possibly after some records — when the text has anything irregular; the
 * caller then discards what it got and reads with `CsvParser`.
 */
export function scanRegularCsv(text: string, sink: RecordSink): number | null {
  const firstNewline = text.indexOf('\n');
  const state: ScanState = {
    text,
    isCrlf: firstNewline > 0 && text.charCodeAt(firstNewline - 1) === CR,
    fields: [],
    pos: text.charCodeAt(0) === 0xfeff ? 1 : 0,
    embedded: 0,
  };
  let line = 1;
  while (state.pos < text.length) {
    const at = state.pos;
    const count = readRecord(state);
    if (count < 0) return null;
    const { fields } = state;
    if (fields.length !== count) fields.length = count;
    if (count > 1 || fields[0] !== '') sink(fields, line, at);
    line += 1 + state.embedded;
  }
  return line;
}
