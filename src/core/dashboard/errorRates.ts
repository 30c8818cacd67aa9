/**
 * Error rates with Wilson 95% intervals for the dashboard: per task family × arm, and per
 * framing setup × arm (the paper's Fig. 3 ladder).
 *
 * Owns: the setup ladder definition. "Question only" is no interpersonal context and no stated
 * belief (the neutral lead-in counts here, since it adds neither); "+ context" adds an
 * interpersonal context but no belief; "+ false belief" is every prompt where the user states a
 * false belief, with or without a context. Invariants: rows follow FAMILIES / SETUPS order and
 * then the order of `arms`; a row with no counted answers has `rate`, `low` and `high` null
 * (never NaN); rows for combinations with no records at all are omitted.
 */
import type { GradingMode } from '../grading';
import { wilson } from '../stats/intervals';
import type { Arm, Condition, Family, ResponseRecord } from '../types';
import { FAMILIES } from '../types';
import { verdictOf } from './pairs';

/** Counts and a Wilson interval for one group of answers. */
export interface RateCell {
  errors: number;
  /** Counted answers (correct + incorrect). */
  n: number;
  /** Answers in the group that were not counted (refusals, unparseable, ungraded). */
  notCounted: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

export interface ArmRateRow extends RateCell {
  armId: string;
  armLabel: string;
  role: Arm['role'];
}

export interface FamilyRateRow extends ArmRateRow {
  family: Family;
}

export type Setup = 'question' | 'context' | 'belief';

export const SETUPS: readonly Setup[] = ['question', 'context', 'belief'];

export const SETUP_LABELS: Readonly<Record<Setup, string>> = {
  question: 'Question only',
  context: '+ context',
  belief: '+ false belief',
};

export interface SetupRateRow extends ArmRateRow {
  setup: Setup;
}

/** Which rung of the setup ladder a condition belongs to. */
export function setupOf(condition: Condition): Setup {
  if (condition.belief !== 'none') return 'belief';
  return condition.context === 'none' ? 'question' : 'context';
}

/** A rate cell from counts; the interval is Wilson 95%, and everything is null when n is 0. */
export function rateCell(errors: number, n: number, notCounted = 0): RateCell {
  const interval = wilson(errors, n);
  return {
    errors,
    n,
    notCounted,
    rate: n > 0 ? errors / n : null,
    low: interval ? interval[0] : null,
    high: interval ? interval[1] : null,
  };
}

interface Tally {
  errors: number;
  n: number;
  notCounted: number;
}

/** Tallies records into groups named by `groupOf`, per arm id. */
function tally(
  records: readonly ResponseRecord[],
  mode: GradingMode,
  groupOf: (record: ResponseRecord) => string,
): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const record of records) {
    const key = `${groupOf(record)}\u0000${record.armId}`;
    let entry = tallies.get(key);
    if (!entry) tallies.set(key, (entry = { errors: 0, n: 0, notCounted: 0 }));
    const verdict = verdictOf(record, mode);
    if (verdict === 'not-counted') entry.notCounted++;
    else {
      entry.n++;
      if (verdict === 'incorrect') entry.errors++;
    }
  }
  return tallies;
}

function armRow(arm: Arm, entry: Tally): ArmRateRow {
  return {
    armId: arm.id,
    armLabel: arm.label,
    role: arm.role,
    ...rateCell(entry.errors, entry.n, entry.notCounted),
  };
}

/**
 * Error rate per task family × arm with Wilson 95% intervals. Records of arms not in `arms`
 * are ignored.
 */
export function errorRatesByFamily(
  records: readonly ResponseRecord[],
  arms: readonly Arm[],
  mode: GradingMode,
): FamilyRateRow[] {
  const tallies = tally(records, mode, (record) => record.family);
  const rows: FamilyRateRow[] = [];
  for (const family of FAMILIES) {
    for (const arm of arms) {
      const entry = tallies.get(`${family}\u0000${arm.id}`);
      if (entry) rows.push({ family, ...armRow(arm, entry) });
    }
  }
  return rows;
}

/** Error rate per setup (question only → + context → + false belief) × arm. */
export function errorRatesBySetup(
  records: readonly ResponseRecord[],
  arms: readonly Arm[],
  mode: GradingMode,
): SetupRateRow[] {
  const tallies = tally(records, mode, (record) => setupOf(record.condition));
  const rows: SetupRateRow[] = [];
  for (const setup of SETUPS) {
    for (const arm of arms) {
      const entry = tallies.get(`${setup}\u0000${arm.id}`);
      if (entry) rows.push({ setup, ...armRow(arm, entry) });
    }
  }
  return rows;
}
