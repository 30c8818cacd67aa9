/**
 * Joining the rows of an outputs table to the questions of a question file.
 *
 * Owns: `indexQuestions` and `joinQuestions`, used by `grade --questions`. A row is matched by its
 * `item_id` first, then by its question text normalised with the graders' own tokeniser (case,
 * accents, quotes, punctuation and articles do not matter). A matched row is graded against the
 * question file's item, which holds every correct and wrong answer the file has (for TruthfulQA,
 * all its correct and incorrect answers), not just the one pair an outputs row carries.
 * Invariants: the input rows are never mutated; a row that matches nothing keeps its own item (or
 * none) and is listed by line in `unmatched`; the first question with a given id or text wins;
 * a question joins only rows of its own family.
 */
import type { Item } from '../types';
import { words } from './normalize';
import type { OutputRow } from './outputTable';

/** Lookup of a question file's items by id and by normalised question text. */
export interface QuestionIndex {
  byId: ReadonlyMap<string, Item>;
  byQuestion: ReadonlyMap<string, Item>;
}

/** A row that matched no question: its line in the outputs file and its question text. */
export interface UnmatchedRow {
  line: number;
  question: string;
}

export interface QuestionJoin {
  rows: OutputRow[];
  matched: number;
  unmatched: UnmatchedRow[];
}

/** The join key of a question text: its normalised words, space-separated. */
export function questionKey(question: string): string {
  return words(question).join(' ');
}

/** Indexes a question file's items by id and by `questionKey` of their question. */
export function indexQuestions(items: readonly Item[]): QuestionIndex {
  const byId = new Map<string, Item>();
  const byQuestion = new Map<string, Item>();
  for (const item of items) {
    if (!byId.has(item.id)) byId.set(item.id, item);
    const key = questionKey(item.question);
    if (key !== '' && !byQuestion.has(key)) byQuestion.set(key, item);
  }
  return { byId, byQuestion };
}

function findQuestion(row: OutputRow, index: QuestionIndex): Item | undefined {
  const byId = row.itemId === undefined ? undefined : index.byId.get(row.itemId);
  const item = byId ?? index.byQuestion.get(questionKey(row.question));
  // A question of another family (a MedQA vignette for a TruthfulQA row) is no match.
  return item?.family === row.family ? item : undefined;
}

/**
 * Gives each row the item of its question (by `item_id`, else by question text). Rows matching
 * nothing are returned unchanged and listed, with their line, in `unmatched`.
 */
export function joinQuestions(rows: readonly OutputRow[], index: QuestionIndex): QuestionJoin {
  let matched = 0;
  const unmatched: UnmatchedRow[] = [];
  const joined = rows.map((row): OutputRow => {
    const item = findQuestion(row, index);
    if (!item) {
      unmatched.push({ line: row.line, question: row.question });
      return row;
    }
    matched++;
    const { notGradedReason: _reason, ...rest } = row;
    return { ...rest, item };
  });
  return { rows: joined, matched, unmatched };
}
