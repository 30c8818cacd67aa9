/**
 * The analysis JSON every tool writes: `analyze --json` prints it and the Results view exports
 * it ("as analyze --json"), from the same report and read summary, so the two files are equal.
 *
 * Owns: the top-level additions to the reference (`expected.json`) shape — `ruleGraded`, the
 * rows whose blank evaluation the rule graders filled in, and `leftOut`, the rows not analysed
 * with their reasons, and `convention`, the grading convention the verdicts count under.
 * Invariant: ±Infinity is written as "inf"/"-inf", never NaN.
 */
import type { AnalysisReport } from './analysis';
import { stringifyReport, toReferenceShape } from './analysis';
import type { GradingConvention } from '../types';
import type { ExclusionNote } from './analysisData';

/** What reading the file (or tabulating records) did besides producing the table. */
export interface ReadSummary {
  ruleGraded: number;
  notes: readonly ExclusionNote[];
  /** Absent on outcomes made before conventions existed: they counted under `correct`. */
  convention?: GradingConvention;
}

/** The report in the reference shape plus `ruleGraded`, `leftOut` and `convention`. */
export function toAnalysisJson(report: AnalysisReport, read: ReadSummary): Record<string, unknown> {
  return {
    ...toReferenceShape(report),
    ruleGraded: read.ruleGraded,
    leftOut: read.notes,
    convention: read.convention ?? 'correct',
  };
}

/** The analysis JSON as text (what `analyze --json` prints). */
export function stringifyAnalysisJson(report: AnalysisReport, read: ReadSummary): string {
  return stringifyReport(toAnalysisJson(report, read));
}
