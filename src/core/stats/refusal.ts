/**
 * The refusal rule as the analysis uses it (Ibrahim, Hafner & Rocher 2025, phrase list).
 *
 * Owns nothing of its own: the rule lives in core/grading/refusal.ts (`isRefusal`, the one
 * refusal rule that the rule graders also apply), so grading and re-analysis always agree on what
 * a refusal is and one answer is never correct in one view and dropped in another (issue 11).
 * Kept as a module so the analysis code names the rule it depends on.
 */
export { PAPER_REFUSAL_PHRASES, isRefusal as isPaperRefusal } from '../grading/refusal';
