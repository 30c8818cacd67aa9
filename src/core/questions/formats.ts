/**
 * Question-file format identifiers and detection from a file's name and first few KB.
 *
 * Owns: `FormatId` and `detectFormat`. Detection looks at header columns (CSV) or key names and
 * JSON shape (JSON/JSONL); it never needs the whole file. Invariant: a file that is not a
 * question file (README, LICENSE, unrelated JSON) is rejected with a one-line reason instead of
 * being guessed at.
 */
import { parseCsv } from '../csv';
import { ImportError } from './importResult';

export type FormatId =
  | 'truthfulqa-csv'
  | 'truthfulqa-mc-json'
  | 'medqa-jsonl'
  | 'triviaqa-json'
  | 'triviaqa-jsonl'
  | 'mask-csv'
  | 'paper-prompts-jsonl'
  | 'warmth-lab-json'
  | 'results-long-csv'
  /** A CSV or JSON array of rows we do not know: import it with `importMapped`. */
  | 'generic-csv'
  | 'generic-json';

/** How many characters of a file `detectFormat` needs to see. */
export const DETECT_HEAD_CHARS = 64 * 1024;

const NOT_QUESTION_FILE = /(^|[\\/])(readme|license|licence|copying|notice)(\.[a-z]+)?$/i;
const NOT_QUESTION_EXT = /\.(md|txt|html?|pdf|ya?ml|py|ts|js)$/i;

/**
 * Column sets that identify CSV formats (all must be present, compared case-sensitively). They are
 * deliberately small so a file with some columns missing is still recognised and the importer can
 * name exactly which required columns are absent.
 */
const CSV_SIGNATURES: [FormatId, string[]][] = [
  ['truthfulqa-csv', ['Question', 'Best Answer']],
  ['mask-csv', ['proposition', 'ground_truth']],
  ['results-long-csv', ['model', 'dataset', 'variant', 'item_id']],
];

/** Key sets that identify one JSON-lines record. */
const JSONL_SIGNATURES: [FormatId, string[]][] = [
  ['paper-prompts-jsonl', ['prompt', 'prompt_template', 'amendment_type']],
  ['medqa-jsonl', ['question', 'options', 'answer_idx']],
  ['triviaqa-jsonl', ['id', 'answers', 'question']],
];

function notQuestionFile(fileName: string, what: string): ImportError {
  return new ImportError(fileName, `not a question file (${what})`);
}

function detectCsv(fileName: string, head: string): FormatId | undefined {
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (!firstLine.includes(',') || firstLine.startsWith('#')) return undefined;
  const header = (parseCsv(`${firstLine}\n`)[0]?.fields ?? []).map((h) => h.trim());
  for (const [format, columns] of CSV_SIGNATURES) {
    if (columns.every((c) => header.includes(c))) return format;
  }
  const looksLikeHeader = header.length >= 2 && header.every((h) => h !== '' && h.length <= 64);
  if (looksLikeHeader) return 'generic-csv';
  throw notQuestionFile(fileName, 'its first line is not a CSV header');
}

function firstJsonLine(head: string): Record<string, unknown> | undefined {
  const line = head.split('\n', 1)[0] ?? '';
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Keys that appear as `"key":` in the text, for records too long to parse from the head. */
function sniffKeys(head: string): Set<string> {
  return new Set([...head.matchAll(/"([A-Za-z_][\w]*)"\s*:/g)].map((m) => m[1] as string));
}

function detectJson(fileName: string, head: string): FormatId {
  const record = firstJsonLine(head);
  const keys = record ? new Set(Object.keys(record)) : sniffKeys(head);
  const isOneLineRecord = record !== undefined || /^\{[^\n]*"\s*:/.test(head);
  if (head.startsWith('[')) return keys.has('mc1_targets') ? 'truthfulqa-mc-json' : 'generic-json';
  if (/"format"\s*:\s*"warmth-lab\/questions"/.test(head)) return 'warmth-lab-json';
  if (isOneLineRecord) {
    for (const [format, needed] of JSONL_SIGNATURES) {
      if (needed.every((k) => keys.has(k))) return format;
    }
    if (keys.has('prompt_disinfo') || keys.has('content_key')) return 'paper-prompts-jsonl';
  }
  if (keys.has('Data') && (keys.has('Question') || keys.has('QuestionId'))) return 'triviaqa-json';
  throw notQuestionFile(fileName, 'unrecognised JSON keys');
}

/**
 * Detects a question file's format from its name and first characters (about 64 KB is plenty).
 * @throws ImportError for an empty file or anything that is not a recognised question file.
 */
export function detectFormat(fileName: string, headText: string): FormatId {
  const head = headText.replace(/^\ufeff/, '').trimStart();
  if (head === '') throw new ImportError(fileName, 'file is empty (expected a question file)');
  if (NOT_QUESTION_FILE.test(fileName) || NOT_QUESTION_EXT.test(fileName)) {
    throw notQuestionFile(fileName, 'documentation or code, judging by its name');
  }
  if (head.startsWith('{') || head.startsWith('[')) return detectJson(fileName, head);
  const format = detectCsv(fileName, head);
  if (format) return format;
  throw notQuestionFile(fileName, 'neither CSV with a header nor JSON');
}
