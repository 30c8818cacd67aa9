/**
 * Structural and consistency checks for question items (built-in bank or any item list).
 *
 * Owns: `validateItems`, which reports every problem rather than stopping at the first, each
 * message naming the item (id, or its position when the id is missing) and what was expected.
 * Invariant: pure; never mutates the items. Answer comparison uses `normalizeAnswerForCheck`, so
 * "The Hollies" and "hollies" count as the same answer.
 */
import { FAMILIES } from '../../types';
import type { Family } from '../../types';

const MIN_MEDICAL_OPTIONS = 4;
const MAX_MEDICAL_OPTIONS = 5;

type Row = Record<string, unknown>;

/**
 * Normalises an answer for equality checks: Unicode-folded, accents and punctuation removed,
 * lower case, single spaces, and a leading article dropped.
 */
export function normalizeAnswerForCheck(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:the|a|an) /, '');
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function checkTextList(row: Row, field: 'aliases' | 'wrong', isEmptyAllowed: boolean): string[] {
  const list = row[field];
  if (!Array.isArray(list)) return [`${field}: expected a list of strings`];
  if (!isEmptyAllowed && list.length === 0) return [`${field}: expected at least one answer`];
  return list.flatMap((entry, index) =>
    isText(entry)
      ? []
      : [`${field}[${index}]: expected non-empty text, got ${JSON.stringify(entry)}`],
  );
}

function checkCommon(row: Row): string[] {
  const problems: string[] = [];
  if (!FAMILIES.includes(row.family as Family)) {
    problems.push(
      `family: expected one of ${FAMILIES.join(', ')}, got ${JSON.stringify(row.family)}`,
    );
  }
  if (!isText(row.question)) problems.push('question: text is missing');
  if (!isText(row.correct)) problems.push('correct: answer is missing');
  problems.push(...checkTextList(row, 'aliases', true), ...checkTextList(row, 'wrong', false));
  const source = row.source as Row | undefined;
  if (
    typeof source !== 'object' ||
    source === null ||
    !isText(source.name) ||
    !isText(source.license)
  ) {
    problems.push('source: expected {name, license}');
  }
  return problems;
}

function checkWrongAnswers(row: Row): string[] {
  if (!isText(row.correct) || !Array.isArray(row.wrong) || !Array.isArray(row.aliases)) return [];
  const right = new Set(
    [row.correct, ...row.aliases].filter(isText).map((answer) => normalizeAnswerForCheck(answer)),
  );
  return row.wrong
    .filter(isText)
    .filter((wrong) => right.has(normalizeAnswerForCheck(wrong)))
    .map((wrong) => `wrong: "${wrong}" is the correct answer or one of its aliases`);
}

function checkMedical(row: Row): string[] {
  const { options, answerIndex } = row;
  if (
    !Array.isArray(options) ||
    options.length < MIN_MEDICAL_OPTIONS ||
    options.length > MAX_MEDICAL_OPTIONS
  ) {
    return [`options: expected ${MIN_MEDICAL_OPTIONS}–${MAX_MEDICAL_OPTIONS} option texts`];
  }
  const problems = options.flatMap((option, index) =>
    isText(option) ? [] : [`options[${index}]: expected non-empty text`],
  );
  if (
    typeof answerIndex !== 'number' ||
    !Number.isInteger(answerIndex) ||
    answerIndex < 0 ||
    answerIndex >= options.length
  ) {
    problems.push(
      `answerIndex: expected an integer from 0 to ${options.length - 1}, got ${JSON.stringify(answerIndex)}`,
    );
  } else if (options[answerIndex] !== row.correct) {
    problems.push(
      `options[${answerIndex}] ("${String(options[answerIndex])}") must equal correct ("${String(row.correct)}")`,
    );
  }
  const optionSet = new Set(
    options.filter(isText).map((option) => normalizeAnswerForCheck(option)),
  );
  if (optionSet.size !== options.length) problems.push('options: two options are the same');
  const strays = Array.isArray(row.wrong)
    ? row.wrong.filter((wrong) => isText(wrong) && !optionSet.has(normalizeAnswerForCheck(wrong)))
    : [];
  for (const wrong of strays) problems.push(`wrong: "${String(wrong)}" is not one of the options`);
  return problems;
}

function checkConspiracy(row: Row): string[] {
  const { trueStatement, falseStatement, isYesTrue } = row;
  const problems: string[] = [];
  if (!isText(trueStatement)) problems.push('trueStatement: text is missing');
  if (!isText(falseStatement)) problems.push('falseStatement: text is missing');
  if (typeof isYesTrue !== 'boolean') problems.push('isYesTrue: expected true or false');
  if (!isText(trueStatement) || !isText(falseStatement)) return problems;
  if (normalizeAnswerForCheck(trueStatement) === normalizeAnswerForCheck(falseStatement)) {
    problems.push('trueStatement and falseStatement must differ');
  }
  if (trueStatement !== row.correct) problems.push('trueStatement must equal correct');
  const wrong = Array.isArray(row.wrong) ? row.wrong[0] : undefined;
  if (falseStatement !== wrong) problems.push('falseStatement must equal wrong[0]');
  return problems;
}

function checkItem(row: Row): string[] {
  const problems = [...checkCommon(row), ...checkWrongAnswers(row)];
  if (row.family === 'medical') problems.push(...checkMedical(row));
  if (row.family === 'conspiracy') problems.push(...checkConspiracy(row));
  return problems;
}

function describeItem(row: unknown, index: number): string {
  const id = typeof row === 'object' && row !== null ? (row as Row).id : undefined;
  return isText(id) ? `item "${id}"` : `item #${index + 1}`;
}

/**
 * Validates a list of items and returns every problem found, one message per problem, each
 * prefixed with the item's id (or position) — e.g. `item "wl-med-004": options[2] ("Aspirin")
 * must equal correct ("Heparin")`. An empty list means the items are usable.
 */
export function validateItems(items: readonly unknown[]): string[] {
  const problems: string[] = [];
  const seenIds = new Set<string>();
  items.forEach((item, index) => {
    const label = describeItem(item, index);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${label}: expected an object`);
      return;
    }
    const row = item as Row;
    if (!isText(row.id)) problems.push(`${label}: id is missing`);
    else if (seenIds.has(row.id)) problems.push(`${label}: duplicate id`);
    else seenIds.add(row.id);
    for (const problem of checkItem(row)) problems.push(`${label}: ${problem}`);
  });
  return problems;
}
