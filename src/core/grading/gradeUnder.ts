/**
 * One verdict everywhere: which grades of a stored answer count under a grading convention.
 *
 * Owns: `isGradeUnder`, `gradeUnder` and `recordsUnder`, the one place the dashboard, Results,
 * exports and the CLI decide that. A machine grade counts only under the convention it was made
 * under (a grade without one predates conventions and was made under `correct`); human labels
 * count under both, since people label the answer, not a rubric. An answer with no rule grade
 * under the convention is graded on the fly with `gradeResponse`, so the same answer gets the
 * same verdict (and the same refusal handling) in every view. Invariants: pure; records whose
 * grades already fit are returned unchanged (same object), so callers can diff cheaply.
 */
import type { Grade, GradingConvention, Item, ResponseRecord } from '../types';
import { chooseGrade } from '../results/grades';
import { gradeResponse } from './grade';

/** True when `grade` counts under `convention` (human labels always do). */
export function isGradeUnder(grade: Grade, convention: GradingConvention): boolean {
  return grade.grader.startsWith('human:') || (grade.convention ?? 'correct') === convention;
}

/**
 * The record with only the grades that count under `convention`, plus a fresh rule grade when
 * none of its rule grades was made under it and its item is known.
 */
export function withGradesUnder<T extends ResponseRecord>(
  record: T,
  item: Item | undefined,
  convention: GradingConvention,
): T {
  // Records are immutable: a live dashboard asks for the same record several times a second,
  // and regrading on the fly must happen once per record, convention and item, not per frame.
  const cached = UNDER_CACHE.get(record)?.get(convention);
  if (cached !== undefined && cached.item === item) return cached.result as T;
  const result = computeGradesUnder(record, item, convention);
  let byConvention = UNDER_CACHE.get(record);
  if (byConvention === undefined) UNDER_CACHE.set(record, (byConvention = new Map()));
  byConvention.set(convention, { item, result });
  return result;
}

type UnderEntry = { item: Item | undefined; result: ResponseRecord };
const UNDER_CACHE = new WeakMap<ResponseRecord, Map<GradingConvention, UnderEntry>>();

function computeGradesUnder<T extends ResponseRecord>(
  record: T,
  item: Item | undefined,
  convention: GradingConvention,
): T {
  const kept = record.grades.filter((g) => isGradeUnder(g, convention));
  const hasRule = kept.some((g) => g.grader.startsWith('rule:'));
  if (!hasRule && item !== undefined) {
    // Why: a run graded under one convention must still be readable under the other.
    kept.push(gradeResponse(item, record.output, { convention }));
  }
  if (kept.length === record.grades.length && kept.every((g, i) => g === record.grades[i])) {
    return record;
  }
  return { ...record, grades: kept };
}

/**
 * The grade of `record` that counts under `convention` (human label over judge over rule, the
 * latest among equals), grading with the rules when it has none under it.
 * @returns undefined when it has none and its item is unknown.
 */
export function gradeUnder(
  record: ResponseRecord,
  item: Item | undefined,
  convention: GradingConvention,
): Grade | undefined {
  return chooseGrade(withGradesUnder(record, item, convention).grades);
}

/** Every record with its grades under `convention` (see `withGradesUnder`). */
export function recordsUnder<T extends ResponseRecord>(
  records: readonly T[],
  items: readonly Item[] | ReadonlyMap<string, Item>,
  convention: GradingConvention,
): T[] {
  const byId =
    items instanceof Map ? items : new Map((items as readonly Item[]).map((i) => [i.id, i]));
  return records.map((record) => withGradesUnder(record, byId.get(record.itemId), convention));
}
