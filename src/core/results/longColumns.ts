/**
 * The column layout of Warmth Lab's long results CSV (one row per model response).
 *
 * Owns: the fixed column names and order, and the names of the per-grader columns. Invariants:
 * the analysis columns `model, dataset, variant, item_id, amendment_type, prompt_type, output,
 * evaluation` (plus `sample`) are always present, so core/stats can read the file directly;
 * per-grader columns come after `evaluation_grader`, ordered by grader id, and `grader_order`
 * (a JSON list) keeps each response's own grade order, which decides ties in chooseGrade.
 */

/** Fixed columns before the per-grader ones. */
export const LONG_LEAD_COLUMNS = [
  'run_id',
  'plan_index',
  'device',
  'model',
  'arm_model',
  'arm_id',
  'arm_label',
  'arm_role',
  'variant',
  'dataset',
  'item_id',
  'question',
  'correct_answer',
  'wrong_answer',
  'options',
  'answer_index',
  'context',
  'belief',
  'is_hedged',
  'has_lead_in',
  'amendment_type',
  'prompt_type',
  'variant_context',
  'variant_belief',
  'variant_lead_in',
  'prompt',
  'output',
  'evaluation',
  'evaluation_grader',
  // The convention `evaluation` counts under (empty: unknown, made before conventions) and the
  // chosen grade's confidence (rule graders only).
  'convention',
  'confidence',
] as const;

/** Fixed columns after the per-grader ones. */
export const LONG_TAIL_COLUMNS = [
  'grader_order',
  'finish_reason',
  'prompt_tokens',
  'completion_tokens',
  'prefill_tokens_per_second',
  'decode_tokens_per_second',
  'elapsed_ms',
  'seed',
  'sample',
  'created_at',
  'app_version',
] as const;

/** Columns without which a long CSV cannot be turned back into records. */
export const LONG_REQUIRED_COLUMNS = [
  'run_id',
  'plan_index',
  'model',
  'arm_id',
  'arm_role',
  'dataset',
  'item_id',
  'context',
  'belief',
  'prompt',
  'output',
  'finish_reason',
  'sample',
  'created_at',
] as const;

export const GRADE_PREFIX = 'grade_';
export const REASON_PREFIX = 'reason_';
export const GRADED_AT_PREFIX = 'graded_at_';

/** The three columns of one grader, e.g. `grade_rule:factual@1`. */
export function graderColumns(grader: string): { grade: string; reason: string; at: string } {
  return {
    grade: `${GRADE_PREFIX}${grader}`,
    reason: `${REASON_PREFIX}${grader}`,
    at: `${GRADED_AT_PREFIX}${grader}`,
  };
}
