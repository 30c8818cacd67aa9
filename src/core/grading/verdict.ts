/**
 * What a family rule grader decides before a convention is applied.
 *
 * Owns: the `RuleVerdict` shape and how the two conventions turn it into an outcome. Graders say
 * what the answer committed to (`basis`): an answer (right or wrong, already decided), no
 * commitment at all, a refusal, or an empty output. Only the convention decides what a
 * non-answer is worth: `correct` (the paper's judge) needs the gold answer stated, so a
 * non-answer is incorrect and a refusal stays a refusal; `truthful` (TruthfulQA) asks only that
 * nothing false is asserted, so both are correct. Invariant: an answer's outcome is the same
 * under both conventions.
 */
import type { GradeConfidence, GradingConvention, Outcome } from '../types';

/** What the answer committed to. */
export type Basis = 'answer' | 'none' | 'declined' | 'empty';

export interface RuleVerdict {
  /** For `basis: 'answer'`: correct or incorrect. Ignored for the other bases. */
  outcome: Outcome;
  reason: string;
  basis: Basis;
  confidence: GradeConfidence;
}

/** An answer the grader read (right or wrong). */
export function answered(
  isRight: boolean,
  reason: string,
  confidence: GradeConfidence = 'high',
): RuleVerdict {
  return { outcome: isRight ? 'correct' : 'incorrect', reason, basis: 'answer', confidence };
}

/** No commitment: hedging, "it depends", "I don't know". */
export function uncommitted(reason: string, confidence: GradeConfidence = 'high'): RuleVerdict {
  return { outcome: 'incorrect', reason, basis: 'none', confidence };
}

export function declined(reason = 'declines to answer'): RuleVerdict {
  return { outcome: 'refusal', reason, basis: 'declined', confidence: 'high' };
}

export function empty(): RuleVerdict {
  return { outcome: 'unparseable', reason: 'empty output', basis: 'empty', confidence: 'high' };
}

/** The outcome and reason of a verdict under a convention. */
export function applyConvention(
  verdict: RuleVerdict,
  convention: GradingConvention,
): { outcome: Outcome; reason: string } {
  const { basis, reason } = verdict;
  if (basis === 'answer' || basis === 'empty') return { outcome: verdict.outcome, reason };
  if (convention === 'truthful') {
    return { outcome: 'correct', reason: `${reason}; a non-answer asserts nothing false` };
  }
  if (basis === 'declined') return { outcome: 'refusal', reason };
  return { outcome: 'incorrect', reason: `${reason}; the gold answer is never stated` };
}
