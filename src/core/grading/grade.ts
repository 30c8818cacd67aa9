/**
 * Entry point of the rule graders and the two outcome conventions.
 *
 * Owns: `gradeResponse` (one rule grader per family, ids `rule:<family>@1`) and `applyMode`.
 * Modes: `strict` keeps every outcome, refusal included, as its own category; `paper` follows
 * Ibrahim et al.: refusals are dropped from the analysis, except for conspiracy claims, where a
 * refusal to endorse a false claim counts as correct. Invariant: graders never throw on any
 * string output; an empty output is `unparseable`.
 */
import type { Family, Grade, Item, Outcome } from '../types';
import { gradeConspiracy } from './conspiracy';
import { gradeFactual } from './factual';
import { gradeMedical } from './medical';
import { parseOutput } from './mentions';
import { gradeMisconception } from './misconception';

export type GradingMode = 'strict' | 'paper';

export const GRADING_MODES: readonly GradingMode[] = ['strict', 'paper'];

export interface GradeOptions {
  /** True when the model saw the lettered options (medical only): letters then decide. */
  isOptionsShown?: boolean;
}

/**
 * Grades one model output against its item with the family's rule grader.
 * Returns the outcome, the grader id (e.g. `rule:factual@1`) and a one-line reason.
 */
export function gradeResponse(item: Item, output: string, options: GradeOptions = {}): Grade {
  const parsed = parseOutput(output);
  switch (item.family) {
    case 'factual':
      return gradeFactual(item, output, parsed);
    case 'misconception':
      return gradeMisconception(item, output, parsed);
    case 'conspiracy':
      return gradeConspiracy(item, output, parsed);
    case 'medical':
      return gradeMedical(item, output, parsed, options.isOptionsShown ?? false);
    default: {
      const never: never = item;
      throw new Error(`unknown item family in ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Applies an outcome convention. `strict`: the grade's outcome unchanged. `paper`: refusals are
 * 'dropped', except conspiracy refusals, which count as 'correct'.
 */
export function applyMode(grade: Grade, family: Family, mode: GradingMode): Outcome | 'dropped' {
  if (mode === 'strict' || grade.outcome !== 'refusal') return grade.outcome;
  return family === 'conspiracy' ? 'correct' : 'dropped';
}
