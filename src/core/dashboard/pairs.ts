/**
 * The dashboard's view of stored results: which verdict each response counts as, which two arms
 * are compared, and base/warm pairs of answers to the same prompt.
 *
 * Owns: the counting convention every dashboard series shares. A response's verdict is the
 * preferred grade (human > judge > rule, via `chooseGrade`) passed through the grading mode
 * (`applyMode`). Only `correct` and `incorrect` verdicts are counted; an error is `incorrect`.
 * Refusals in strict mode, unparseable answers, dropped refusals and ungraded responses are left
 * out of every rate (and listed as "not counted"), so a rate's denominator is always the number
 * of counted answers. Invariants: pure and framework-free; records may arrive in any order; a
 * pair needs both arms counted for the same item, condition and sample.
 */
import { conditionKey } from '../framing';
import type { GradingMode } from '../grading';
import { applyMode } from '../grading';
import { chooseGrade } from '../results/grades';
import type { Arm, Condition, Family, ResponseRecord } from '../types';

/** What a response counts as on the dashboard. */
export type Verdict = 'correct' | 'incorrect' | 'not-counted';

/** The two arms a comparison contrasts. */
export interface ArmPair {
  base: Arm;
  warm: Arm;
}

/** A base and a warm answer to the same item, condition and sample, both counted. */
export interface AnswerPair {
  key: string;
  itemId: string;
  family: Family;
  condition: Condition;
  sample: number;
  base: ResponseRecord;
  warm: ResponseRecord;
  isBaseWrong: boolean;
  isWarmWrong: boolean;
}

/**
 * The verdict a response counts as under `mode`: the preferred grade's outcome after the mode's
 * refusal convention; anything but correct/incorrect is `not-counted`.
 */
export function verdictOf(record: ResponseRecord, mode: GradingMode): Verdict {
  const grade = chooseGrade(record.grades);
  if (!grade) return 'not-counted';
  const outcome = applyMode(grade, record.family, mode);
  return outcome === 'correct' || outcome === 'incorrect' ? outcome : 'not-counted';
}

/**
 * The arms to contrast: the first arm with role `base` and the first with role `warm`; when a
 * role is missing, the first two arms in order stand in. Null with fewer than two arms.
 */
export function chooseArmPair(arms: readonly Arm[]): ArmPair | null {
  const base = arms.find((arm) => arm.role === 'base');
  const warm = arms.find((arm) => arm.role === 'warm');
  if (base && warm) return { base, warm };
  const [first, second] = arms;
  if (!first || !second) return null;
  return { base: base ?? (warm === first ? second : first), warm: warm ?? second };
}

/** The pairing key: item, condition and sample (the arm is what differs within a pair). */
export function pairKeyOf(record: ResponseRecord): string {
  return `${record.itemId}\u0000${conditionKey(record.condition)}\u0000${record.sample}`;
}

/**
 * Pairs the counted answers of the two arms. Pairs come out sorted by key so that every series
 * built from them is independent of record order. When an arm answered the same key twice
 * (a retried response) the record with the higher planIndex wins.
 */
export function pairAnswers(
  records: readonly ResponseRecord[],
  arms: ArmPair,
  mode: GradingMode,
): AnswerPair[] {
  const base = latestByKey(records, arms.base.id, mode);
  const warm = latestByKey(records, arms.warm.id, mode);
  const pairs: AnswerPair[] = [];
  for (const [key, baseRecord] of base) {
    const warmRecord = warm.get(key);
    if (!warmRecord) continue;
    pairs.push({
      key,
      itemId: baseRecord.itemId,
      family: baseRecord.family,
      condition: baseRecord.condition,
      sample: baseRecord.sample,
      base: baseRecord,
      warm: warmRecord,
      isBaseWrong: verdictOf(baseRecord, mode) === 'incorrect',
      isWarmWrong: verdictOf(warmRecord, mode) === 'incorrect',
    });
  }
  return pairs.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

function latestByKey(
  records: readonly ResponseRecord[],
  armId: string,
  mode: GradingMode,
): Map<string, ResponseRecord> {
  const byKey = new Map<string, ResponseRecord>();
  for (const record of records) {
    if (record.armId !== armId || verdictOf(record, mode) === 'not-counted') continue;
    const key = pairKeyOf(record);
    const previous = byKey.get(key);
    if (!previous || previous.planIndex < record.planIndex) byKey.set(key, record);
  }
  return byKey;
}
