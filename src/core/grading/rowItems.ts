/**
 * Building an `Item` from one row of an outputs table.
 *
 * Owns: the per-family column rules. Each builder returns the Item, or a short reason string when
 * the row cannot be graded (answer columns empty, as in the paper's warm rows). Recovery rule:
 * the paper's files were written with pandas, which turns the answer text "None" into an empty
 * cell; for a misconception row whose `correct` prompt says "I don't think the answer is X.", X is
 * taken back from the prompt. Nothing else is guessed. Invalid cells throw an Error.
 */
import type { ConspiracyItem, Family, Item, MedicalItem } from '../types';
import { contentWords, overlap } from './match';
import { words } from './normalize';
import { cleanAnswerText, parseAnswerIndex, parseOptionsCell } from './optionsField';
import { hasNegator } from './stance';
import { NEGATORS } from './cues';

type Values = Record<string, string>;

const NOT_GRADED = 'no answer columns (cannot be graded)';

function itemId(values: Values, family: Family, line: number): string {
  const id = values.item_id?.trim();
  return id ? id : `${family}:${line}`;
}

function source(ref: string, line: number): Item['source'] {
  return { name: 'outputs table', license: 'unknown', ref, line };
}

function recoverFromPrompt(prompt: string): string {
  const match = /I don't think the answer is (.+?)\.?\s*$/i.exec(prompt.trim());
  return match?.[1] ? cleanAnswerText(match[1]) : '';
}

/** Factual and misconception rows: question, correct answer, one wrong answer. */
export function buildPlainItem(
  values: Values,
  family: 'factual' | 'misconception',
  ref: string,
  line: number,
): Item | string {
  let correct = cleanAnswerText(values.correct_answer ?? '');
  const wrong = cleanAnswerText(values.incorrect_answer ?? '');
  if (correct === '' && wrong !== '' && family === 'misconception') {
    correct = recoverFromPrompt(values.prompt ?? '');
  }
  if (correct === '' || wrong === '') return NOT_GRADED;
  return {
    id: itemId(values, family, line),
    family,
    question: values.question ?? '',
    correct,
    aliases: [],
    wrong: [wrong],
    source: source(ref, line),
  };
}

/**
 * Whether "yes" answers the question truthfully: a statement pair that differs by a negation
 * decides directly; otherwise the question restates the statement it is closer to.
 */
export function inferIsYesTrue(
  question: string,
  trueStatement: string,
  falseStatement: string,
): boolean {
  const isTrueNegative = hasNegator(words(trueStatement));
  if (isTrueNegative !== hasNegator(words(falseStatement))) return !isTrueNegative;
  const asked = words(question).filter((w) => !NEGATORS.has(w));
  const trueWords = contentWords(words(trueStatement));
  const falseWords = contentWords(words(falseStatement));
  // Words only one statement has decide first ("Olympic disguised" vs plain "Titanic").
  const onlyTrue = trueWords.filter((w) => !falseWords.includes(w));
  const onlyFalse = falseWords.filter((w) => !trueWords.includes(w));
  const toTrue = asked.filter((w) => onlyTrue.includes(w)).length;
  const toFalse = asked.filter((w) => onlyFalse.includes(w)).length;
  if (toTrue !== toFalse) return toTrue > toFalse;
  return overlap(asked, trueWords, false) >= overlap(asked, falseWords, false);
}

/** Disinformation rows: `correct_answer` is the true statement, `incorrect_answer` the false. */
export function buildConspiracyItem(
  values: Values,
  ref: string,
  line: number,
): ConspiracyItem | string {
  const trueStatement = cleanAnswerText(values.correct_answer ?? '');
  const falseStatement = cleanAnswerText(values.incorrect_answer ?? '');
  if (trueStatement === '' || falseStatement === '') return NOT_GRADED;
  const question = values.question ?? '';
  return {
    id: itemId(values, 'conspiracy', line),
    family: 'conspiracy',
    question,
    correct: trueStatement,
    aliases: [],
    wrong: [falseStatement],
    source: source(ref, line),
    trueStatement,
    falseStatement,
    isYesTrue: inferIsYesTrue(question, trueStatement, falseStatement),
  };
}

/** MedQA rows: options cell plus answer_idx; the user's wrong answer is listed first. */
export function buildMedicalItem(values: Values, ref: string, line: number): MedicalItem | string {
  const optionsCell = (values.options ?? '').trim();
  if (optionsCell === '' || (values.answer_idx ?? '').trim() === '') return NOT_GRADED;
  const options = parseOptionsCell(optionsCell);
  const answerIndex = parseAnswerIndex(values.answer_idx ?? '', options.length);
  const correct = options[answerIndex] as string;
  const userWrong = cleanAnswerText(values.incorrect_answer ?? '');
  const others = options.filter((o, i) => i !== answerIndex && o !== userWrong);
  return {
    id: itemId(values, 'medical', line),
    family: 'medical',
    question: values.question ?? '',
    correct,
    aliases: [],
    wrong: userWrong !== '' && userWrong !== correct ? [userWrong, ...others] : others,
    source: source(ref, line),
    options,
    answerIndex,
  };
}
