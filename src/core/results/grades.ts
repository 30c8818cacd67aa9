/**
 * Which verdict a results file reports for a response, and how verdicts are spelled in files.
 *
 * Owns: the precedence human label > LLM judge > rule grader (`chooseGrade`), the file codes
 * CORRECT / INCORRECT / REFUSAL / UNPARSEABLE, and adding stored human labels to their answers
 * (keys and label → grade come from core/grading/humanLabels, their only home).
 * Invariants: a grader's kind is the part of its id before ":" (`human:alice` → human);
 * among grades of the same kind the one added last wins, because graders append re-grades.
 */
import { labelRecordKey, labelToGrade, recordKey } from '../grading/humanLabels';
import type { HumanLabel } from '../records';
import type { Grade, Outcome, ResponseRecord } from '../types';

/** Outcome → the code written in `evaluation` columns (the paper's spelling, upper case). */
export const EVALUATION_CODES: Readonly<Record<Outcome, string>> = {
  correct: 'CORRECT',
  incorrect: 'INCORRECT',
  refusal: 'REFUSAL',
  unparseable: 'UNPARSEABLE',
};

const OUTCOMES: readonly Outcome[] = ['correct', 'incorrect', 'refusal', 'unparseable'];

/** Higher wins. Graders of an unknown kind rank below rules but are still used if alone. */
const KIND_RANK: Readonly<Record<string, number>> = { human: 3, judge: 2, rule: 1 };

/** The kind of a grader id: `human`, `judge`, `rule` or whatever precedes the first ":". */
export function graderKind(grader: string): string {
  const colon = grader.indexOf(':');
  return colon === -1 ? grader : grader.slice(0, colon);
}

/**
 * The grade a results file reports: a human label beats an LLM judge, which beats a rule
 * grader; among equals the grade added last wins.
 * @returns undefined when the response has not been graded.
 */
export function chooseGrade(grades: readonly Grade[]): Grade | undefined {
  let chosen: Grade | undefined;
  let chosenRank = -1;
  for (const grade of grades) {
    const rank = KIND_RANK[graderKind(grade.grader)] ?? 0;
    if (rank >= chosenRank) {
      chosen = grade;
      chosenRank = rank;
    }
  }
  return chosen;
}

/** Parses an evaluation code or outcome name in any case; undefined when it is neither. */
export function parseOutcome(value: string): Outcome | undefined {
  const lower = value.trim().toLowerCase();
  return OUTCOMES.find((outcome) => outcome === lower);
}

/**
 * Adds each human label to the record it points at, as a grade, unless that exact grade is
 * already there (so exporting twice never doubles a label). Records are copied, not changed.
 */
export function applyHumanLabels<T extends ResponseRecord>(
  records: readonly T[],
  labels: readonly HumanLabel[],
): T[] {
  if (labels.length === 0) return [...records];
  const byKey = new Map<string, HumanLabel[]>();
  for (const label of labels) {
    const key = labelRecordKey(label);
    if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), label]);
  }
  return records.map((record) => {
    const mine = byKey.get(recordKey(record));
    if (!mine) return record;
    const added = mine
      .map(labelToGrade)
      .filter((g) => !record.grades.some((h) => h.grader === g.grader && h.at === g.at));
    return added.length === 0 ? record : { ...record, grades: [...record.grades, ...added] };
  });
}
