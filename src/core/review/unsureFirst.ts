/**
 * The order answers are reviewed in, and rule-grader agreement per arm.
 *
 * Owns: "unsure first" — answers whose latest rule verdict is low-confidence come first, for the
 * judge pass and for the human labelling queue, each group in plan order — and the per-arm
 * comparison of the rule graders with the judge and with people (correct vs not-correct, the
 * paper's measure). Invariants: deterministic order (unsure, then runId and plan index); a rule
 * grade without a confidence counts as sure (graders that predate confidence); in blind mode the
 * offered record carries no grades; kappa is never NaN.
 */
import { computeAgreement, recordKey } from '../grading';
import type { AgreementSummary, HumanLabel } from '../grading';
import type { GradingConvention, ResponseRecord } from '../types';
import { comparedRecords, latestGrade } from './reviewLogic';

/** Whether the latest rule verdict on this answer is low-confidence. */
export function isUnsure(record: ResponseRecord): boolean {
  return latestGrade(record, 'rule')?.confidence === 'low';
}

/** The answers in review order: unsure first, then the rest, each in plan order. */
export function orderUnsureFirst<T extends ResponseRecord>(records: readonly T[]): T[] {
  return records
    .map((record) => ({ record, isUnsure: isUnsure(record) }))
    .sort(
      (x, y) =>
        Number(y.isUnsure) - Number(x.isUnsure) ||
        x.record.runId.localeCompare(y.record.runId) ||
        x.record.planIndex - y.record.planIndex,
    )
    .map(({ record }) => record);
}

/** The answer offered next to a labeller, with whether it was queued first as unsure. */
export interface ReviewEntry {
  key: string;
  record: ResponseRecord;
  /** Answers this labeller has still to label, this one included. */
  remaining: number;
  isUnsure: boolean;
}

/**
 * The next answer to label, unsure first, or null when this labeller (anyone's labels when no
 * labeller is given) has labelled them all. In blind mode the record carries no grades.
 */
export function nextToReview(
  records: readonly ResponseRecord[],
  labels: readonly HumanLabel[],
  options: { isBlind: boolean; labeller?: string },
): ReviewEntry | null {
  const done = new Set(
    labels.filter((l) => !options.labeller || l.labeller === options.labeller).map((l) => l.key),
  );
  const open = orderUnsureFirst(records).filter((r) => !done.has(recordKey(r)));
  const first = open[0];
  if (!first) return null;
  const record = options.isBlind ? { ...first, grades: [] } : first;
  return { key: recordKey(first), record, remaining: open.length, isUnsure: isUnsure(first) };
}

/** How many answers the rule graders were unsure of, in all and per arm. */
export function countUnsure(records: readonly ResponseRecord[]): {
  total: number;
  byArm: Record<string, number>;
} {
  const byArm: Record<string, number> = {};
  let total = 0;
  for (const record of records) {
    byArm[record.armId] ??= 0;
    if (!isUnsure(record)) continue;
    total++;
    byArm[record.armId] = (byArm[record.armId] ?? 0) + 1;
  }
  return { total, byArm };
}

/** An arm as people read it: its id, and its role only when that adds something. */
export function describeArm(armId: string, role: string | undefined): string {
  return role === undefined || role === armId ? armId : `${armId} (${role})`;
}

/** Rule-vs-judge and rule-vs-human agreement of one arm (correct vs not-correct). */
export interface ArmAgreement {
  arm: string;
  label: string;
  judge: AgreementSummary;
  human: AgreementSummary;
}

/**
 * The records with only the machine grades made under `convention` (a grade without one was
 * made before conventions existed, under `correct`); human labels are kept whatever the
 * convention, since people label the answer, not a rubric.
 */
export function gradesUnder<T extends ResponseRecord>(
  records: readonly T[],
  convention: GradingConvention,
): T[] {
  return records.map((record) => ({
    ...record,
    grades: record.grades.filter(
      (g) => g.grader.startsWith('human:') || (g.convention ?? 'correct') === convention,
    ),
  }));
}

/**
 * Per arm, how often the rule graders agree with the judge and with people, counting only the
 * machine grades made under `convention`.
 */
export function ruleAgreementByArm(
  all: readonly ResponseRecord[],
  convention: GradingConvention,
): ArmAgreement[] {
  const records = gradesUnder(all, convention);
  const roles = new Map<string, string>();
  for (const r of records) if (!roles.has(r.armId)) roles.set(r.armId, r.armRole);
  const judge = computeAgreement(
    comparedRecords(records, 'rule', 'judge').map((c) => c.pair),
    { isBinary: true },
  ).byArm;
  const human = computeAgreement(
    comparedRecords(records, 'rule', 'human').map((c) => c.pair),
    { isBinary: true },
  ).byArm;
  const none = computeAgreement([], { isBinary: true });
  return [...roles].map(([arm, role]) => ({
    arm,
    label: describeArm(arm, role),
    judge: judge[arm] ?? none,
    human: human[arm] ?? none,
  }));
}
