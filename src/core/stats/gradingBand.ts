/**
 * The grading-uncertainty band beside the headline's statistical interval.
 *
 * Owns: two answers to "how much could grading error move the warm − base effect?".
 * 1. Bounds: each arm's low-confidence verdicts (rule grades with `confidence: 'low'`; a grade
 *    without a confidence counts as high) are resolved in the least and in the most favourable
 *    way for the claim "warm is worse": low bound = warm's unsure answers all correct and base's
 *    all wrong; high bound = the reverse. The true effect (given the sure verdicts) lies between.
 * 2. A misclassification-corrected estimate (Rogan & Gladen 1978). For rule-graded verdicts,
 *    with sensitivity Se = P(rule says wrong | reference says wrong) and specificity
 *    Sp = P(rule says right | reference says right), measured per arm on answers that carry
 *    both a rule grade and a judge or human grade, the true error share is
 *    (p_observed + Sp − 1)/(Se + Sp − 1), clipped to [0, 1]. Verdicts from a judge, a human or a
 *    results file's own column are taken as the reference and left as they are.
 * Invariants: no agreement measured (or Se + Sp ≤ 1, where the formula has no meaning) gives
 * `corrected: null` with the reason, never a silent uncorrected number.
 */
import type { AnswerColumns, ObservationColumns } from './observationColumns';
import { columnsOfObservations } from './observationColumns';
import type { PairObservation } from './observations';

export interface ArmConfidence {
  verdicts: number;
  low: number;
  ruleGraded: number;
}

/** Agreement of the rule grader with a reference (judge or human) on one arm's answers. */
export interface ArmAgreement {
  n: number;
  sensitivity: number;
  specificity: number;
}

export interface AgreementSample {
  isWarm: boolean;
  isRuleWrong: boolean;
  isReferenceWrong: boolean;
}

export interface GradingBand {
  base: ArmConfidence;
  warm: ArmConfidence;
  /** warm − base in pp with every unsure verdict resolved against / for "warm is worse". */
  lowPp: number;
  highPp: number;
  /** Rogan–Gladen corrected warm − base in pp; null with `note` saying why. */
  correctedPp: number | null;
  note: string;
}

/** Sensitivity and specificity of the rule grader per arm; null where there is no sample. */
export function measureAgreement(samples: readonly AgreementSample[]): {
  base: ArmAgreement | null;
  warm: ArmAgreement | null;
} {
  const of = (isWarm: boolean): ArmAgreement | null => {
    const arm = samples.filter((s) => s.isWarm === isWarm);
    const wrong = arm.filter((s) => s.isReferenceWrong);
    const right = arm.filter((s) => !s.isReferenceWrong);
    if (wrong.length === 0 || right.length === 0) return null;
    return {
      n: arm.length,
      sensitivity: wrong.filter((s) => s.isRuleWrong).length / wrong.length,
      specificity: right.filter((s) => !s.isRuleWrong).length / right.length,
    };
  };
  return { base: of(false), warm: of(true) };
}

/** One arm's counts over the pairs, gathered in a single pass. */
interface ArmTally extends ArmConfidence {
  /** Errors with every unsure verdict counted right / wrong. */
  errorsIfUnsureRight: number;
  errorsIfUnsureWrong: number;
  ruleErrors: number;
  otherErrors: number;
}

function tallyArm(arm: AnswerColumns, count: number): ArmTally {
  const tally = {
    verdicts: 0,
    low: 0,
    ruleGraded: 0,
    errorsIfUnsureRight: 0,
    errorsIfUnsureWrong: 0,
    ruleErrors: 0,
    otherErrors: 0,
  };
  for (let p = 0; p < count; p++) {
    const isWrong = arm.isWrong[p] === 1;
    tally.verdicts++;
    if (arm.isLowConfidence[p] === 1) {
      tally.low++;
      tally.errorsIfUnsureWrong++;
    } else if (isWrong) {
      tally.errorsIfUnsureRight++;
      tally.errorsIfUnsureWrong++;
    }
    if (arm.isRuleGraded[p] === 1) {
      tally.ruleGraded++;
      if (isWrong) tally.ruleErrors++;
    } else if (isWrong) tally.otherErrors++;
  }
  return tally;
}

/** Errors of one arm with its rule-graded share corrected; null when it cannot be corrected. */
function correctedErrors(tally: ArmTally, agreement: ArmAgreement | null): number | null {
  if (tally.ruleGraded === 0) return tally.otherErrors;
  if (!agreement) return null;
  const youden = agreement.sensitivity + agreement.specificity - 1;
  if (youden <= 0) return null;
  const observed = tally.ruleErrors / tally.ruleGraded;
  const corrected = Math.min(1, Math.max(0, (observed + agreement.specificity - 1) / youden));
  return tally.otherErrors + corrected * tally.ruleGraded;
}

function noteOf(base: ArmConfidence, warm: ArmConfidence, corrected: number | null): string {
  if (base.ruleGraded + warm.ruleGraded === 0) {
    return 'No verdict here is rule-graded (all come from a judge, a human or the file), so there is nothing to correct.';
  }
  if (corrected === null) {
    return 'No correction: it needs answers graded both by the rules and by a judge or a human in each arm (run the judge pass or review a sample).';
  }
  return 'Corrected with the rule grader\u2019s sensitivity and specificity measured per arm against judge or human verdicts (Rogan–Gladen).';
}

type Agreements = { base: ArmAgreement | null; warm: ArmAgreement | null };

/** The band of the warm − base effect over `observations` (the headline's pairs). */
export function gradingBand(
  observations: readonly PairObservation[],
  agreement?: Agreements,
): GradingBand | null {
  return gradingBandOf(columnsOfObservations(observations), agreement);
}

/** The same over observation columns. */
export function gradingBandOf(
  columns: ObservationColumns,
  agreement: Agreements = { base: null, warm: null },
): GradingBand | null {
  const n = columns.count;
  if (n === 0) return null;
  const baseTally = tallyArm(columns.base, n);
  const warmTally = tallyArm(columns.warm, n);
  const pp = (warmErrors: number, baseErrors: number) => (100 * (warmErrors - baseErrors)) / n;
  const warmCorrected = correctedErrors(warmTally, agreement.warm);
  const baseCorrected = correctedErrors(baseTally, agreement.base);
  const correctedPp =
    warmCorrected === null || baseCorrected === null ? null : pp(warmCorrected, baseCorrected);
  const base = { verdicts: n, low: baseTally.low, ruleGraded: baseTally.ruleGraded };
  const warm = { verdicts: n, low: warmTally.low, ruleGraded: warmTally.ruleGraded };
  return {
    base,
    warm,
    lowPp: pp(warmTally.errorsIfUnsureRight, baseTally.errorsIfUnsureWrong),
    highPp: pp(warmTally.errorsIfUnsureWrong, baseTally.errorsIfUnsureRight),
    correctedPp,
    note: noteOf(base, warm, correctedPp),
  };
}
