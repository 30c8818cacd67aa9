/**
 * The authors' MedQA `options` cell: a Python dict literal such as
 * `{'A': 'Aspirin', 'B': "Crohn's disease"}` (pandas wrote Python's repr into the CSV).
 *
 * Owns: writing and reading that literal. Invariants: `parseOptionsDict(formatOptionsDict(o))`
 * returns `o` for any list of strings; quotes follow Python's repr rule (single quotes unless
 * the text contains a single quote and no double quote), so the authors' tools read it too.
 */

/** Option letters A, B, C… for list positions. */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replaceAll(quote, `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** Options as the authors' Python dict literal, lettered from A. */
export function formatOptionsDict(options: readonly string[]): string {
  return `{${options.map((option, i) => `'${optionLetter(i)}': ${pythonRepr(option)}`).join(', ')}}`;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t' };

/** Reads one quoted Python string starting at `start`; returns its value and the next index. */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  const quote = text[start];
  if (quote !== "'" && quote !== '"') return undefined;
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[++i] as string;
      value += ESCAPES[next] ?? next;
    } else value += ch;
  }
  return undefined;
}

/**
 * Parses `{'A': '…', 'B': '…'}` (or a JSON list of strings) into the option texts in letter
 * order. Returns undefined when the text is neither.
 */
export function parseOptionsDict(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(trimmed);
      return Array.isArray(list) && list.every((x) => typeof x === 'string') ? list : undefined;
    } catch {
      return undefined;
    }
  }
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return undefined;
  const entries: [string, string][] = [];
  let i = 1;
  while (i < trimmed.length - 1) {
    while (/[\s,]/.test(trimmed[i] ?? '')) i++;
    if (i >= trimmed.length - 1) break;
    const key = readQuoted(trimmed, i);
    if (!key) return undefined;
    i = key.end;
    while (/[\s:]/.test(trimmed[i] ?? '')) i++;
    const value = readQuoted(trimmed, i);
    if (!value) return undefined;
    i = value.end;
    entries.push([key.value, value.value]);
  }
  return entries.sort(([a], [b]) => a.localeCompare(b)).map(([, value]) => value);
}
