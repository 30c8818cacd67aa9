/**
 * Pure helpers of the Review view: label keys, grader choices, agreement pairs, judge ETA and the
 * queue's keyboard map.
 *
 * Owns: how a stored human label is keyed and read back, which graders can be compared, and how
 * a record's current verdict of a grader is chosen (the latest matching grade, because relabelling
 * and re-judging append rather than edit). Invariants: no state, no storage, no DOM; numbers that
 * cannot be known are null (never NaN); a stored label key always parses back to its record.
 */
import type { AgreementPair, AgreementSummary, HumanLabel } from '../grading';
import { recordKey } from '../grading';
import type { Grade, GradingConvention, Outcome, ResponseRecord } from '../types';

/** The three kinds of grader the agreement panel always offers. */
export const GRADER_KINDS = ['rule', 'judge', 'human'] as const;

/** What a key press in the labelling queue means. */
export type QueueAction = Exclude<Outcome, 'unparseable'> | 'skip';

const KEY_ACTIONS: Readonly<Record<string, QueueAction>> = {
  c: 'correct',
  i: 'incorrect',
  r: 'refusal',
  s: 'skip',
};

/** The queue action of a key (c, i, r, s; either case), or null for any other key. */
export function actionForKey(key: string): QueueAction | null {
  return KEY_ACTIONS[key.toLowerCase()] ?? null;
}

/** The shortcut letter shown on each queue button. */
export function shortcutOf(action: QueueAction): string {
  return Object.entries(KEY_ACTIONS).find(([, value]) => value === action)?.[0] ?? '';
}

// Label keys and label → grade have one home, core/grading/humanLabels (issue 14).
export { labelsOfRun, storedLabelKey, labelToGrade as humanGrade } from '../../core/grading';

/** How many of the records this labeller has labelled. */
export function countLabelled(
  records: readonly ResponseRecord[],
  labels: readonly HumanLabel[],
  labeller: string,
): number {
  const mine = new Set(labels.filter((l) => l.labeller === labeller).map((l) => l.key));
  return records.filter((record) => mine.has(recordKey(record))).length;
}

/** The grader id of a judge model's verdicts. */
export function judgeGraderId(modelId: string): string {
  return `judge:${modelId}`;
}

/** Whether a grader id belongs to a choice: a kind ("rule") or an exact id ("judge:qwen"). */
export function matchesGrader(choice: string, graderId: string): boolean {
  return choice.includes(':') ? graderId === choice : graderId.startsWith(`${choice}:`);
}

/** The record's latest grade from the chosen grader, if any. */
export function latestGrade(record: ResponseRecord, choice: string): Grade | undefined {
  // ES2022 has no findLast; a backwards walk finds the newest grade.
  for (let i = record.grades.length - 1; i >= 0; i--) {
    const grade = record.grades[i];
    if (grade && matchesGrader(choice, grade.grader)) return grade;
  }
  return undefined;
}

/** Keys of the records that already carry a grade from this grader id. */
export function gradedKeys(records: readonly ResponseRecord[], graderId: string): Set<string> {
  return new Set(
    records.filter((r) => r.grades.some((g) => g.grader === graderId)).map((r) => recordKey(r)),
  );
}

/**
 * Grader choices for the agreement panel: the three kinds always, then each exact judge or
 * human id when there is more than one of that kind (to compare two judges or two people).
 */
export function graderChoices(records: readonly ResponseRecord[]): string[] {
  const ids = [...new Set(records.flatMap((r) => r.grades.map((g) => g.grader)))].sort();
  const exact = ['judge', 'human'].flatMap((kind) => {
    const ofKind = ids.filter((id) => id.startsWith(`${kind}:`));
    return ofKind.length > 1 ? ofKind : [];
  });
  return [...GRADER_KINDS, ...exact];
}

/**
 * Per grader id (and, for machine graders, per convention): how many answers it graded and how
 * many grades it gave (relabels add grades).
 */
export interface GradeCount {
  grader: string;
  /** Rule and judge grades only; a grade made before conventions existed counts as `correct`. */
  convention?: GradingConvention;
  answers: number;
  grades: number;
}

/** Grade counts of these records, by grader id and convention. */
export function countGrades(records: readonly ResponseRecord[]): GradeCount[] {
  const counts = new Map<string, GradeCount>();
  for (const record of records) {
    const seen = new Set<string>();
    for (const { grader, convention } of record.grades) {
      const isHuman = grader.startsWith('human:');
      const key = isHuman ? grader : `${grader} ${convention ?? 'correct'}`;
      const fresh: GradeCount = isHuman
        ? { grader, answers: 0, grades: 0 }
        : { grader, convention: convention ?? 'correct', answers: 0, grades: 0 };
      const count = counts.get(key) ?? fresh;
      count.grades++;
      if (!seen.has(key)) count.answers++;
      seen.add(key);
      counts.set(key, count);
    }
  }
  return [...counts.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([, count]) => count);
}

/** A compared response: the pair and which record it came from. */
export interface ComparedRecord {
  key: string;
  record: ResponseRecord;
  pair: AgreementPair;
}

/** Records graded by both choices, with their latest verdicts (a = first choice). */
export function comparedRecords(
  records: readonly ResponseRecord[],
  choiceA: string,
  choiceB: string,
): ComparedRecord[] {
  return records.flatMap((record) => {
    const a = latestGrade(record, choiceA);
    const b = latestGrade(record, choiceB);
    if (!a || !b) return [];
    const pair = { a: a.outcome, b: b.outcome, family: record.family, arm: record.armId };
    return [{ key: recordKey(record), record, pair }];
  });
}

/** Kappa for display: three decimals, or "not defined: <reason>" instead of a NaN. */
export function describeKappa(summary: Pick<AgreementSummary, 'kappa' | 'kappaNote'>): string {
  if (summary.kappa !== null && Number.isFinite(summary.kappa)) return summary.kappa.toFixed(3);
  const reason = (summary.kappaNote ?? 'no pairs').replace(/^kappa undefined:\s*/, '');
  return `not defined: ${reason}`;
}

/** Accuracy for display: a percentage, or "not defined: no pairs". */
export function describeAccuracy(accuracy: number | null): string {
  if (accuracy === null || !Number.isFinite(accuracy)) return 'not defined: no pairs';
  return `${(accuracy * 100).toFixed(1)}%`;
}

/**
 * Milliseconds left in a judge pass at this session's pace, or null before the first verdict.
 * Skipped (already judged) records are quick, so only verdicts made now set the pace.
 */
export function estimateJudgeEtaMs(pace: {
  elapsedMs: number;
  judgedNow: number;
  remaining: number;
}): number | null {
  const { elapsedMs, judgedNow, remaining } = pace;
  if (judgedNow <= 0 || !(elapsedMs >= 0) || remaining < 0) return null;
  return Math.round((elapsedMs / judgedNow) * remaining);
}

/** The parts of a focused element that tell whether it takes typed text. */
export interface FocusTarget {
  tagName: string;
  /** An input's `type` (lower case); empty for other elements. */
  type: string;
  isContentEditable: boolean;
}

const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/**
 * Whether a key pressed in this element is typing (a text box, text area, select or editable
 * text), so the queue's single-letter shortcuts must leave it alone. Anywhere else — a button, a
 * checkbox, the answer card, the page itself — c / i / r / s label the answer.
 */
export function acceptsTyping(target: FocusTarget): boolean {
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has(target.type.toLowerCase());
}
