/**
 * Grading a whole outputs table and summarising it against its reference labels.
 *
 * Owns: the summary the `grade` command prints (and the app can show): outcome counts after the
 * chosen mode and convention, and binary agreement (correct vs not-correct) with the table's
 * `evaluation` column — overall, per dataset, per arm (`variant` column) and over the verdicts the
 * rule graders are sure of (`committed`). Invariants: rows without answers count in `n` but not in
 * `graded` (rows that borrowed a twin's answers count in both, and in `filledFromTwins`); rows
 * dropped by the paper mode are excluded from outcomes and agreement; a grade without a
 * confidence counts as high-confidence; numbers are never NaN (null when undefined).
 */
import type { Grade, GradingConvention, Outcome } from '../types';
import { computeAgreement } from './agreement';
import type { AgreementPair, AgreementSummary } from './agreement';
import type { GradeOptions, GradingMode } from './grade';
import { applyMode, gradeResponse } from './grade';
import type { OutputRow } from './outputTable';

export interface GradedRow {
  row: OutputRow;
  grade: Grade | null;
  outcome: Outcome | 'dropped' | null;
}

/** Agreement figures without the confusion matrix. */
export interface AgreementFigures {
  n: number;
  accuracy: number | null;
  kappa: number | null;
}

export interface TableSummary {
  n: number;
  graded: number;
  /** Graded rows whose answers were borrowed from a twin row (see `fillFromTwins`). */
  filledFromTwins: number;
  notGraded: number;
  dropped: number;
  mode: GradingMode;
  convention: GradingConvention;
  outcomes: Record<Outcome, number>;
  agreement: AgreementFigures & {
    kappaNote?: string;
    confusion: Record<string, Record<string, number>>;
  };
  byDataset: Record<string, AgreementFigures>;
  /** Agreement per arm (the `variant` column); empty when the table has none. */
  byVariant: Record<string, AgreementFigures>;
  /** Agreement over high-confidence verdicts only; `coverage` = their share of graded rows. */
  committed: AgreementFigures & { coverage: number | null };
}

/**
 * The same non-answer read under the `truthful` convention, for graders that do not apply
 * conventions themselves yet (their grades carry no `convention`): TruthfulQA counts a non-answer
 * as truthful, so a refusal becomes `correct`. Grades that name their convention pass unchanged.
 */
export function underConvention(grade: Grade, convention: GradingConvention): Grade {
  if (grade.convention !== undefined) return grade;
  if (convention === 'truthful' && grade.outcome === 'refusal') {
    const reason = `${grade.reason} (a non-answer asserts nothing false: truthful)`;
    return { ...grade, outcome: 'correct', reason, convention };
  }
  return { ...grade, convention };
}

/** Grades every gradable row with the rule graders under a convention and applies the mode. */
export function gradeRows(
  rows: readonly OutputRow[],
  mode: GradingMode,
  convention: GradingConvention = 'correct',
): GradedRow[] {
  // A variable, not a literal: graders that predate `convention` simply ignore the field.
  const options: GradeOptions & { convention: GradingConvention } = { convention };
  return rows.map((row) => {
    if (!row.item) return { row, grade: null, outcome: null };
    const grade = underConvention(gradeResponse(row.item, row.output, options), convention);
    return { row, grade, outcome: applyMode(grade, row.family, mode) };
  });
}

/** Whether the grader was sure of a verdict (no confidence given counts as sure). */
export function isCommitted(grade: Grade): boolean {
  return grade.confidence !== 'low';
}

function countOutcomes(graded: readonly GradedRow[]): {
  outcomes: Record<Outcome, number>;
  pairs: (AgreementPair & { isCommitted: boolean })[];
  dropped: number;
} {
  const outcomes: Record<Outcome, number> = {
    correct: 0,
    incorrect: 0,
    refusal: 0,
    unparseable: 0,
  };
  const pairs: (AgreementPair & { isCommitted: boolean })[] = [];
  let dropped = 0;
  for (const { row, grade, outcome } of graded) {
    if (outcome === null || grade === null) continue;
    if (outcome === 'dropped') {
      dropped++;
      continue;
    }
    outcomes[outcome]++;
    if (!row.evaluation) continue;
    const pair = { a: outcome, b: row.evaluation, family: row.dataset };
    const arm = row.variant ? { arm: row.variant } : {};
    pairs.push({ ...pair, ...arm, isCommitted: isCommitted(grade) });
  }
  return { outcomes, pairs, dropped };
}

function figures(summary: AgreementSummary): AgreementFigures {
  return { n: summary.n, accuracy: summary.accuracy, kappa: summary.kappa };
}

function figuresOf(groups: Record<string, AgreementSummary>): Record<string, AgreementFigures> {
  return Object.fromEntries(Object.entries(groups).map(([name, s]) => [name, figures(s)]));
}

/** Counts outcomes and measures binary agreement with the `evaluation` labels. */
export function summariseGrades(
  graded: readonly GradedRow[],
  mode: GradingMode,
  convention: GradingConvention = 'correct',
): TableSummary {
  const { outcomes, pairs, dropped } = countOutcomes(graded);
  const report = computeAgreement(pairs, { isBinary: true });
  const committedPairs = pairs.filter((p) => p.isCommitted);
  const committed = computeAgreement(committedPairs, { isBinary: true });
  const gradedCount = graded.filter((g) => g.grade !== null).length;
  const sureCount = graded.filter((g) => g.grade !== null && isCommitted(g.grade)).length;
  const filledCount = graded.filter((g) => g.grade !== null && g.row.filledFromLine).length;
  return {
    n: graded.length,
    graded: gradedCount,
    filledFromTwins: filledCount,
    notGraded: graded.length - gradedCount,
    dropped,
    mode,
    convention,
    outcomes,
    agreement: {
      ...figures(report),
      ...(report.kappaNote ? { kappaNote: report.kappaNote } : {}),
      confusion: report.confusion,
    },
    byDataset: figuresOf(report.byFamily),
    byVariant: figuresOf(report.byArm),
    committed: {
      ...figures(committed),
      coverage: gradedCount === 0 ? null : sureCount / gradedCount,
    },
  };
}
