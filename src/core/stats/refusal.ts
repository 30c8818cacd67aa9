/**
 * The paper's refusal detector as the analysis uses it (Ibrahim, Hafner & Rocher 2025).
 *
 * Owns nothing of its own: the phrase list and matching live in core/grading (one definition,
 * so grading and re-analysis always agree on what a refusal is). Kept as a module so the
 * analysis code names the rule it depends on.
 */
export { PAPER_REFUSAL_PHRASES, detectRefusal as isPaperRefusal } from '../grading/refusal';
