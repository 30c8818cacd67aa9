/**
 * Parsing the `options` cell of an outputs table.
 *
 * Owns: reading the option list of a medical row, written either as a Python dict literal
 * (`{'A': 'Trial of …', 'B': "Patient's …"}`, as in the paper's published files), a JSON object
 * keyed by letter, or a JSON array. Invariants: options come back in letter order A, B, C…;
 * values are trimmed and stray trailing quotes/newlines (a conversion artefact in the paper's
 * files: `'Vancomycin\n"'`) are removed; malformed text throws an Error saying what was expected.
 */

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/** Removes whitespace and stray quotes around an answer text. */
export function cleanAnswerText(text: string): string {
  return text.replace(/^[\s"']+|[\s"']+$/g, '').replace(/\s+/g, ' ');
}

class LiteralReader {
  #at = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (/\s/.test(this.text[this.#at] ?? '')) this.#at++;
  }

  expect(ch: string): void {
    this.skipSpace();
    if (this.text[this.#at] !== ch) {
      throw new Error(`expected '${ch}' at character ${this.#at + 1} of the options cell`);
    }
    this.#at++;
  }

  peek(): string {
    this.skipSpace();
    return this.text[this.#at] ?? '';
  }

  readString(): string {
    const quote = this.peek();
    if (quote !== "'" && quote !== '"') {
      throw new Error(`expected a quoted string at character ${this.#at + 1} of the options cell`);
    }
    this.#at++;
    let out = '';
    for (;;) {
      const ch = this.text[this.#at++];
      if (ch === undefined) throw new Error('unterminated string in the options cell');
      if (ch === quote) return out;
      if (ch === '\\') out += this.#readEscape();
      else out += ch;
    }
  }

  #readEscape(): string {
    const ch = this.text[this.#at++] ?? '';
    if (ch === 'x' || ch === 'u') {
      const size = ch === 'x' ? 2 : 4;
      const hex = this.text.slice(this.#at, this.#at + size);
      this.#at += size;
      return String.fromCharCode(parseInt(hex, 16));
    }
    return ESCAPES[ch] ?? ch;
  }

  isAtEnd(): boolean {
    this.skipSpace();
    return this.#at >= this.text.length;
  }
}

function readDict(reader: LiteralReader): Record<string, string> {
  const out: Record<string, string> = {};
  reader.expect('{');
  while (reader.peek() !== '}') {
    const key = reader.readString();
    reader.expect(':');
    out[key.trim().toUpperCase()] = reader.readString();
    if (reader.peek() === ',') reader.expect(',');
  }
  reader.expect('}');
  return out;
}

function readList(reader: LiteralReader): string[] {
  const out: string[] = [];
  reader.expect('[');
  while (reader.peek() !== ']') {
    out.push(reader.readString());
    if (reader.peek() === ',') reader.expect(',');
  }
  reader.expect(']');
  return out;
}

/** Orders a letter-keyed record A, B, C… and checks the letters are contiguous. */
export function optionsFromRecord(record: Record<string, unknown>): string[] {
  const letters = Object.keys(record)
    .map((k) => k.trim().toUpperCase())
    .sort();
  return letters.map((letter, i) => {
    if (letter !== String.fromCharCode(65 + i)) {
      throw new Error(`options must be keyed A, B, C… without gaps (found ${letters.join(', ')})`);
    }
    const value = record[letter] ?? record[letter.toLowerCase()];
    if (typeof value !== 'string') throw new Error(`option ${letter} is not text`);
    return cleanAnswerText(value);
  });
}

/** Parses an options cell (Python dict, JSON object or JSON/Python list) into ordered texts. */
export function parseOptionsCell(cell: string): string[] {
  const reader = new LiteralReader(cell.trim());
  const first = reader.peek();
  if (first !== '{' && first !== '[') {
    throw new Error('expected options as {"A": "…", …} or ["…", …]');
  }
  const parsed =
    first === '{' ? optionsFromRecord(readDict(reader)) : readList(reader).map(cleanAnswerText);
  if (!reader.isAtEnd()) throw new Error('unexpected text after the options');
  return parsed;
}

/** Reads `answer_idx`: a letter A–J, or a 0-based integer. */
export function parseAnswerIndex(cell: string, optionCount: number): number {
  const text = cell.trim();
  const index = /^[A-Ja-j]$/.test(text) ? text.toUpperCase().charCodeAt(0) - 65 : Number(text);
  if (!Number.isInteger(index) || text === '' || index < 0 || index >= optionCount) {
    throw new Error(
      `answer_idx "${cell}" is not a letter or 0-based index of the ${optionCount} options`,
    );
  }
  return index;
}
