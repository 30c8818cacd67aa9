/**
 * Rebuilds question items from the answer columns of the paper authors' results files, so
 * imported responses can be shown with their question and re-graded.
 *
 * Owns: which columns hold the answers in each layout and the yes/no guess for conspiracy
 * claims. Invariants: an item is made only when the row has both a correct and a wrong answer
 * (the authors' warm files have neither); a medical item is made only when its options parse
 * and its answer letter points into them, so `options[answerIndex] === correct` always holds;
 * a guessed conspiracy polarity is marked with `meta.isYesTrueGuessed`.
 */
import type { Family, Item, ItemSource } from '../types';
import type { RowReader } from './cells';
import { parseOptionsDict } from './pythonDict';

/** Answer columns in the fixture's long layout and in each of the authors' files. */
const CORRECT_COLUMNS = ['correct_answer', 'ground_truth', 'answer'];
const WRONG_COLUMNS = ['incorrect_answer', 'ground_false', 'wrong_answer'];
const NEGATION = /\b(not|never|no)\b|n't\b/i;

function firstFilled(reader: RowReader, columns: readonly string[]): string {
  for (const column of columns) {
    const value = reader.text(column).trim();
    if (value !== '') return value;
  }
  return '';
}

/** Letter (A, B…) or 0-based number → index; undefined when neither. */
function parseAnswerIndex(value: string): number | undefined {
  const text = value.trim();
  if (/^[A-Za-z]$/.test(text)) return text.toUpperCase().charCodeAt(0) - 65;
  if (/^\d+$/.test(text)) return Number(text);
  return undefined;
}

/**
 * The authors store a claim's true and false statements but not whether "yes" answers the
 * question truthfully. A true statement with a negation the false one lacks ("The Earth is
 * not flat") means the truthful answer is "no"; otherwise "yes".
 */
export function guessIsYesTrue(trueStatement: string, falseStatement: string): boolean {
  return !(NEGATION.test(trueStatement) && !NEGATION.test(falseStatement));
}

/**
 * The item a row describes, or undefined when the row lacks answers (or, for a medical item,
 * readable options).
 */
export function itemFromRow(
  reader: RowReader,
  family: Family,
  id: string,
  question: string,
): Item | undefined {
  const correct = firstFilled(reader, CORRECT_COLUMNS);
  const wrong = firstFilled(reader, WRONG_COLUMNS);
  if (correct === '' || wrong === '' || question.trim() === '') return undefined;
  const source: ItemSource = {
    name: 'Imported results',
    license: 'unknown',
    ref: reader.fileName,
    line: reader.row.line,
  };
  const common = { id, question, correct, aliases: [], wrong: [wrong], source };
  if (family === 'conspiracy') {
    const isYesTrue = guessIsYesTrue(correct, wrong);
    const meta = { isYesTrueGuessed: true };
    return { ...common, family, trueStatement: correct, falseStatement: wrong, isYesTrue, meta };
  }
  if (family === 'medical') {
    const options = parseOptionsDict(reader.text('options'));
    const answerIndex = parseAnswerIndex(reader.text('answer_idx'));
    if (!options || answerIndex === undefined) return undefined;
    const answer = options[answerIndex];
    if (answer === undefined) return undefined;
    return { ...common, family, correct: answer, options, answerIndex };
  }
  return { ...common, family };
}
