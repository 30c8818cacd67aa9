/**
 * Grading a whole outputs table and summarising it against its reference labels.
 *
 * Owns: the summary the `grade` command prints (and the app can show): outcome counts after the
 * chosen mode, and binary agreement (correct vs not-correct) with the table's `evaluation` column,
 * overall and per dataset. Invariants: rows without answers count in `n` but not in `graded`
 * (rows that borrowed a twin's answers count in both, and in `filledFromTwins`);
 * rows dropped by the paper mode are excluded from outcomes and agreement; numbers are never NaN
 * (null when undefined).
 */
import type { Grade, Outcome } from '../types';
import { computeAgreement } from './agreement';
import type { AgreementPair } from './agreement';
import type { GradingMode } from './grade';
import { applyMode, gradeResponse } from './grade';
import type { OutputRow } from './outputTable';

export interface GradedRow {
  row: OutputRow;
  grade: Grade | null;
  outcome: Outcome | 'dropped' | null;
}

export interface TableSummary {
  n: number;
  graded: number;
  /** Graded rows whose answers were borrowed from a twin row (see `fillFromTwins`). */
  filledFromTwins: number;
  notGraded: number;
  dropped: number;
  mode: GradingMode;
  outcomes: Record<Outcome, number>;
  agreement: {
    n: number;
    accuracy: number | null;
    kappa: number | null;
    kappaNote?: string;
    confusion: Record<string, Record<string, number>>;
  };
  byDataset: Record<string, { n: number; accuracy: number | null; kappa: number | null }>;
}

/** Grades every gradable row with the rule graders and applies the mode. */
export function gradeRows(rows: OutputRow[], mode: GradingMode): GradedRow[] {
  return rows.map((row) => {
    if (!row.item) return { row, grade: null, outcome: null };
    const grade = gradeResponse(row.item, row.output);
    return { row, grade, outcome: applyMode(grade, row.family, mode) };
  });
}

function countOutcomes(graded: GradedRow[]): {
  outcomes: Record<Outcome, number>;
  pairs: AgreementPair[];
  dropped: number;
} {
  const outcomes: Record<Outcome, number> = {
    correct: 0,
    incorrect: 0,
    refusal: 0,
    unparseable: 0,
  };
  const pairs: AgreementPair[] = [];
  let dropped = 0;
  for (const { row, outcome } of graded) {
    if (outcome === null) continue;
    if (outcome === 'dropped') {
      dropped++;
      continue;
    }
    outcomes[outcome]++;
    if (row.evaluation) pairs.push({ a: outcome, b: row.evaluation, family: row.dataset });
  }
  return { outcomes, pairs, dropped };
}

/** Counts outcomes and measures binary agreement with the `evaluation` labels. */
export function summariseGrades(graded: GradedRow[], mode: GradingMode): TableSummary {
  const { outcomes, pairs, dropped } = countOutcomes(graded);
  const report = computeAgreement(pairs, { isBinary: true });
  const byDataset = Object.fromEntries(
    Object.entries(report.byFamily).map(([name, s]) => [
      name,
      { n: s.n, accuracy: s.accuracy, kappa: s.kappa },
    ]),
  );
  const gradedCount = graded.filter((g) => g.grade !== null).length;
  const filledCount = graded.filter((g) => g.grade !== null && g.row.filledFromLine).length;
  return {
    n: graded.length,
    graded: gradedCount,
    filledFromTwins: filledCount,
    notGraded: graded.length - gradedCount,
    dropped,
    mode,
    outcomes,
    agreement: {
      n: report.n,
      accuracy: report.accuracy,
      kappa: report.kappa,
      ...(report.kappaNote ? { kappaNote: report.kappaNote } : {}),
      confusion: report.confusion,
    },
    byDataset,
  };
}
