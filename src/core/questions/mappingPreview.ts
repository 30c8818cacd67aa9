/**
 * The generic mapper's helpers: sample rows of an unrecognised CSV / JSON file, a first guess
 * at which column is which, and a preview of the items a mapping makes.
 *
 * Owns: `MAPPING_FIELDS` (what the user can map, with labels), `guessMapping`,
 * `readMappingSample` and `previewMapping`. Invariants: a guess never uses one column for two
 * fields; the preview runs the same core mapper as the real import, so what the user sees is
 * what gets imported; a mapping problem is returned as a message, never thrown.
 */
import { DETECT_HEAD_CHARS, ImportError, importMapped, readRowsForMapping } from './index';
import type { ColumnMapping, FormatId, MappedRow, SkippedRow } from './index';
import type { Item } from '../types';
import { readHeadText } from './fileStream';

/** Columns of a mapping that name a file column (family and separators are set elsewhere). */
export type MappedField =
  'question' | 'answer' | 'aliases' | 'wrong' | 'options' | 'answerIndex' | 'id' | 'isYesTrue';

export const MAPPING_FIELDS: readonly { field: MappedField; label: string }[] = [
  { field: 'question', label: 'Question (required)' },
  { field: 'answer', label: 'Correct answer' },
  { field: 'aliases', label: 'Other accepted answers' },
  { field: 'wrong', label: 'Wrong answer(s)' },
  { field: 'options', label: 'Options (multiple choice)' },
  { field: 'answerIndex', label: 'Index or letter of the correct option' },
  { field: 'id', label: 'Item id' },
  { field: 'isYesTrue', label: 'Is "yes" the true answer? (conspiracy)' },
];

/** Rows read for the preview: enough for wrong answers to be borrowed from other rows. */
export const PREVIEW_ROWS = 50;
export const PREVIEW_ITEMS = 3;
/** A generic JSON array is read whole to list its columns; beyond this, ask for CSV. */
export const MAX_SAMPLE_JSON_BYTES = 16 * 1024 * 1024;

// Tried in this order so "incorrect_answer" is taken as wrong before "answer" can claim it.
const GUESSES: readonly [MappedField, RegExp][] = [
  ['id', /^(id|qid|uid|question_?id|item_?id)$/i],
  ['answerIndex', /^(answer_?(idx|index)|label|gold|correct_?(idx|index|option))$/i],
  ['wrong', /wrong|incorrect|distractor|false/i],
  ['aliases', /alias|accepted|other_?answers/i],
  ['options', /^(options|choices|candidates|answers_?list)$/i],
  ['isYesTrue', /yes_?true|is_?yes/i],
  ['question', /question|prompt|query/i],
  ['answer', /answer|correct|target|solution/i],
];

/** A first guess at the mapping from column names; the user confirms or corrects it. */
export function guessMapping(columns: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = { family: 'factual', question: '' };
  const used = new Set<string>();
  for (const [field, pattern] of GUESSES) {
    const column = columns.find((c) => !used.has(c) && pattern.test(c));
    if (column === undefined) continue;
    mapping[field] = column;
    used.add(column);
  }
  return mapping;
}

/** The mapping without unset ('' or undefined) columns, as the core mapper expects. */
export function cleanMapping(mapping: ColumnMapping): ColumnMapping {
  const cleaned: ColumnMapping = { ...mapping };
  for (const { field } of MAPPING_FIELDS) {
    if (field !== 'question' && !cleaned[field]) delete cleaned[field];
  }
  return cleaned;
}

/** Complete CSV lines of the head: drops a last line the head may have cut. */
function completeLines(head: string, isWholeFile: boolean): string {
  if (isWholeFile) return head;
  const end = head.lastIndexOf('\n');
  return end > 0 ? head.slice(0, end) : head;
}

/**
 * Columns and the first rows of an unrecognised file, for the mapper.
 * @throws ImportError naming the file (unreadable sample, JSON too large to sample).
 */
export async function readMappingSample(
  file: Blob,
  fileName: string,
  format: FormatId,
): Promise<{ columns: string[]; rows: MappedRow[] }> {
  let text: string;
  if (format === 'generic-json') {
    if (file.size > MAX_SAMPLE_JSON_BYTES) {
      throw new ImportError(
        fileName,
        `a JSON array over ${MAX_SAMPLE_JSON_BYTES / 1024 / 1024} MB cannot be mapped; convert it to CSV first`,
      );
    }
    text = await file.text();
  } else {
    const head = await readHeadText(file);
    text = completeLines(head, file.size <= DETECT_HEAD_CHARS);
  }
  try {
    const { columns, rows } = readRowsForMapping(text, fileName);
    return { columns, rows: rows.slice(0, PREVIEW_ROWS) };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, error instanceof Error ? error.message : String(error));
  }
}

export type MappingPreview =
  | { isOk: true; items: Item[]; skipped: SkippedRow[]; rowsRead: number }
  | { isOk: false; problem: string };

/** What the mapping makes of the sample rows: the first items, or why it cannot work. */
export function previewMapping(
  rows: readonly MappedRow[],
  mapping: ColumnMapping,
  fileName: string,
): MappingPreview {
  if (!mapping.question) return { isOk: false, problem: 'Choose the column with the question.' };
  if (!mapping.answer && !(mapping.options && mapping.answerIndex)) {
    return {
      isOk: false,
      problem:
        'Choose the correct-answer column, or both the options and the answer-index columns.',
    };
  }
  try {
    const { items, report } = importMapped(rows, cleanMapping(mapping), { fileName });
    return {
      isOk: true,
      items: items.slice(0, PREVIEW_ITEMS),
      skipped: report.skipped,
      rowsRead: report.rowsRead,
    };
  } catch (error) {
    return { isOk: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
